// STS AssumeRoleWithWebIdentity.
#include "operator/aws/credentials_web_identity.h"

#include "operator/aws/error_parser.h"
#include "operator/aws/sts/codec.h"
#include "operator/aws/text.h"
#include "operator/aws/time_format.h"

namespace po::aws {
WebIdentityCredentialsProvider::WebIdentityCredentialsProvider(EnvLookup env, FileReader& files,
                                                               HttpTransport& transport,
                                                               const EndpointResolver& endpoints,
                                                               Clock& clock,
                                                               std::chrono::milliseconds timeout)
    : env_(std::move(env)),
      files_(files),
      transport_(transport),
      endpoints_(endpoints),
      clock_(clock),
      timeout_(timeout) {}

Result<Credentials> WebIdentityCredentialsProvider::Get() {
  auto role_arn = env_("AWS_ROLE_ARN");
  if (!role_arn) return NotFound("AWS_ROLE_ARN not set");
  auto token_file = env_("AWS_WEB_IDENTITY_TOKEN_FILE");
  if (!token_file) return NotFound("AWS_ROLE_ARN set but AWS_WEB_IDENTITY_TOKEN_FILE not set");
  Result<std::string> token = files_.Read(*token_file);
  if (!token.ok()) {
    return Status(StatusCode::kUnauthenticated,
                  "cannot read web identity token: " + token.status().message());
  }
  std::string session_name =
      env_("AWS_ROLE_SESSION_NAME")
          .value_or("platform-operator-" +
                    std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       clock_.WallNow().time_since_epoch())
                                       .count()));
  std::string region =
      env_("AWS_REGION").value_or(env_("AWS_DEFAULT_REGION").value_or("us-east-1"));
  PO_ASSIGN_OR_RETURN(Endpoint endpoint, endpoints_.Resolve("sts", region));

  HttpRequest request;
  request.method = "POST";
  request.url = endpoint.BaseUrl() + "/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                     {"Host", endpoint.authority}};
  sts::AssumeRoleWithWebIdentityRequest assume;
  assume.RoleArn = *role_arn;
  assume.RoleSessionName = session_name;
  assume.WebIdentityToken = Trim(*token);
  KeyValueList form = {{"Action", "AssumeRoleWithWebIdentity"}, {"Version", sts::kApiVersion}};
  QueryParams params = sts::EncodeAssumeRoleWithWebIdentity(assume);
  form.insert(form.end(), params.begin(), params.end());
  request.body = FormEncode(form);
  request.timeout = timeout_;
  Result<HttpResponse> reply = transport_.Send(request);
  if (!reply.ok()) {
    return reply.status().WithContext("calling STS AssumeRoleWithWebIdentity for " + *role_arn);
  }
  if (reply->status < 200 || reply->status >= 300) {
    // A configured source that fails must not look "not configured" (NotFound) to the chain.
    AwsError error = ParseErrorResponse(WireProtocol::kQuery, *reply);
    StatusCode code = error.retryable ? StatusCode::kUnavailable : StatusCode::kUnauthenticated;
    return Status(
        code, "STS AssumeRoleWithWebIdentity for " + *role_arn + " failed: " + error.ToString());
  }
  PO_ASSIGN_OR_RETURN(sts::AssumeRoleWithWebIdentityResponse assumed,
                      sts::DecodeAssumeRoleWithWebIdentity(reply->body));
  Credentials credentials;
  credentials.access_key_id = std::move(assumed.Credentials.AccessKeyId);
  credentials.secret_access_key = std::move(assumed.Credentials.SecretAccessKey);
  credentials.session_token = std::move(assumed.Credentials.SessionToken);
  PO_ASSIGN_OR_RETURN(credentials.expiration, ParseIso8601(assumed.Credentials.Expiration));
  return credentials;
}

}  // namespace po::aws
