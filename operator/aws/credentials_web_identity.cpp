// STS AssumeRoleWithWebIdentity.
#include "operator/aws/credentials_web_identity.h"

#include <pugixml.hpp>

#include "operator/aws/error_parser.h"
#include "operator/aws/time_format.h"

namespace po::aws {
namespace {

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

}  // namespace

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

Result<Credentials> ParseStsCredentials(const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) {
    return Internal("STS reply is not XML");
  }
  pugi::xml_node node =
      doc.select_node("//*[local-name()='Credentials'][*[local-name()='AccessKeyId']]").node();
  if (!node) return Internal("STS reply has no Credentials element");
  Credentials credentials;
  credentials.access_key_id = node.child("AccessKeyId").text().get();
  credentials.secret_access_key = node.child("SecretAccessKey").text().get();
  credentials.session_token = node.child("SessionToken").text().get();
  std::string expiration = node.child("Expiration").text().get();
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty()) {
    return Internal("STS reply has empty credentials");
  }
  if (!expiration.empty()) {
    PO_ASSIGN_OR_RETURN(auto when, ParseIso8601(expiration));
    credentials.expiration = when;
  }
  return credentials;
}

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
  request.body = FormEncode({{"Action", "AssumeRoleWithWebIdentity"},
                             {"Version", "2011-06-15"},
                             {"RoleArn", *role_arn},
                             {"RoleSessionName", session_name},
                             {"WebIdentityToken", Trim(*token)}});
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
  return ParseStsCredentials(reply->body);
}

}  // namespace po::aws
