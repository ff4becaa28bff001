// IMDSv2 credentials.
#include "operator/aws/credentials_imds.h"

#include "operator/aws/credentials_container.h"
#include "operator/aws/text.h"

namespace po::aws {

InstanceMetadataCredentialsProvider::InstanceMetadataCredentialsProvider(
    EnvLookup env, HttpTransport& transport, std::chrono::milliseconds timeout)
    : env_(std::move(env)), transport_(transport), timeout_(timeout) {}

Result<std::string> InstanceMetadataCredentialsProvider::Fetch(const std::string& method,
                                                               const std::string& url,
                                                               const KeyValueList& headers) {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.headers = headers;
  request.timeout = timeout_;
  PO_ASSIGN_OR_RETURN(HttpResponse reply, transport_.Send(request));
  if (reply.status != 200) {
    return Unavailable(method + " " + url + " answered HTTP " + std::to_string(reply.status));
  }
  return reply.body;
}

Result<Credentials> InstanceMetadataCredentialsProvider::Get() {
  if (EqualsIgnoreCase(env_("AWS_EC2_METADATA_DISABLED").value_or(""), "true"))
    return NotFound("disabled by AWS_EC2_METADATA_DISABLED");
  std::string base = env_("AWS_EC2_METADATA_SERVICE_ENDPOINT").value_or("http://169.254.169.254");
  while (!base.empty() && base.back() == '/') base.pop_back();

  Result<std::string> token =
      Fetch("PUT", base + "/latest/api/token", {{"X-aws-ec2-metadata-token-ttl-seconds", "21600"}});
  if (!token.ok()) {
    // Off EC2 nothing answers: the source is simply absent.
    return NotFound("no instance metadata service at " + base + " (" + token.status().message() +
                    ")");
  }
  KeyValueList auth = {{"X-aws-ec2-metadata-token", *token}};
  const std::string credentials_path = base + "/latest/meta-data/iam/security-credentials/";
  Result<std::string> roles = Fetch("GET", credentials_path, auth);
  if (!roles.ok()) return roles.status().WithContext("listing the instance profile's role");
  std::string role = Trim(roles->substr(0, roles->find('\n')));
  if (role.empty()) return NotFound("the instance has no IAM role attached");
  Result<std::string> document = Fetch("GET", credentials_path + role, auth);
  if (!document.ok()) return document.status().WithContext("fetching credentials of role " + role);
  return ParseJsonCredentials(*document);
}

}  // namespace po::aws
