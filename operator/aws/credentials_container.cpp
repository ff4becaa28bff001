// EKS Pod Identity / ECS container credentials.
#include "operator/aws/credentials_container.h"

#include <nlohmann/json.hpp>

#include "operator/aws/endpoints.h"
#include "operator/aws/text.h"
#include "operator/aws/time_format.h"

namespace po::aws {
namespace {

// Plain http is only trusted on loopback and on the link-local container agent addresses.
bool IsTrustedHttpHost(const std::string& authority) {
  std::string host = authority.substr(0, authority.rfind(':'));
  if (authority.front() == '[') host = authority.substr(0, authority.find(']') + 1);
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "169.254.170.2" ||
         host == "169.254.170.23" || host == "[fd00:ec2::23]";
}

}  // namespace

ContainerCredentialsProvider::ContainerCredentialsProvider(EnvLookup env, FileReader& files,
                                                           HttpTransport& transport,
                                                           std::chrono::milliseconds timeout)
    : env_(std::move(env)), files_(files), transport_(transport), timeout_(timeout) {}

Result<Credentials> ParseJsonCredentials(const std::string& body) {
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Internal("credentials reply is not a JSON object");
  auto text = [&](const char* key) {
    return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : "";
  };
  if (std::string code = text("Code"); !code.empty() && code != "Success") {
    return Status(StatusCode::kUnauthenticated, "credentials endpoint answered Code " + code);
  }
  Credentials credentials;
  credentials.access_key_id = text("AccessKeyId");
  credentials.secret_access_key = text("SecretAccessKey");
  credentials.session_token = text("Token");
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty()) {
    return Internal("credentials reply lacks AccessKeyId or SecretAccessKey");
  }
  if (std::string expiration = text("Expiration"); !expiration.empty()) {
    PO_ASSIGN_OR_RETURN(auto when, ParseIso8601(expiration));
    credentials.expiration = when;
  }
  return credentials;
}

Result<Credentials> ContainerCredentialsProvider::Get() {
  std::string url;
  if (auto full = env_("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
    url = *full;
  } else if (auto relative = env_("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    url = "http://169.254.170.2" + *relative;
  } else {
    return NotFound("AWS_CONTAINER_CREDENTIALS_FULL_URI not set");
  }
  Result<Endpoint> endpoint = ParseEndpointUrl(url);
  if (!endpoint.ok()) return endpoint.status();
  if (endpoint->scheme == "http" && !IsTrustedHttpHost(endpoint->authority)) {
    return InvalidArgument("container credentials URI " + endpoint->authority +
                           " must use https or a loopback/link-local address");
  }

  HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.timeout = timeout_;
  std::string token;
  if (auto token_file = env_("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    Result<std::string> contents = files_.Read(*token_file);
    if (!contents.ok()) {
      return Status(StatusCode::kUnauthenticated,
                    "cannot read container authorization token: " + contents.status().message());
    }
    token = Trim(*contents);
  } else if (auto inline_token = env_("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
    token = *inline_token;
  }
  if (!token.empty()) request.headers.emplace_back("Authorization", token);

  Result<HttpResponse> reply = transport_.Send(request);
  if (!reply.ok()) return reply.status().WithContext("fetching container credentials");
  if (reply->status != 200) {
    StatusCode code =
        reply->status >= 500 ? StatusCode::kUnavailable : StatusCode::kUnauthenticated;
    return Status(code,
                  "container credentials endpoint answered HTTP " + std::to_string(reply->status));
  }
  return ParseJsonCredentials(reply->body);
}

}  // namespace po::aws
