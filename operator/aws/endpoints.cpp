// Standard regional endpoints and the override precedence.
#include "operator/aws/endpoints.h"

#include <algorithm>
#include <cctype>

#include "operator/aws/text.h"

namespace po::aws {

std::string EndpointResolver::ServiceEnvVar(const std::string& service) {
  if (service == "logs") return "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS";
  std::string upper = service;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) {
    return c == '-' ? '_' : static_cast<char>(std::toupper(c));
  });
  return "AWS_ENDPOINT_URL_" + upper;
}

Result<Endpoint> ParseEndpointUrl(const std::string& url) {
  Endpoint endpoint;
  endpoint.overridden = true;
  size_t sep = url.find("://");
  if (sep == std::string::npos) {
    return InvalidArgument("endpoint URL \"" + url + "\" has no scheme (want http:// or https://)");
  }
  endpoint.scheme = ToLower(url.substr(0, sep));
  if (endpoint.scheme != "http" && endpoint.scheme != "https") {
    return InvalidArgument("endpoint URL \"" + url + "\" must use http or https");
  }
  std::string rest = url.substr(sep + 3);
  size_t slash = rest.find('/');
  endpoint.authority = rest.substr(0, slash);
  if (endpoint.authority.empty())
    return InvalidArgument("endpoint URL \"" + url + "\" has no host");
  if (slash != std::string::npos) {
    endpoint.base_path = rest.substr(slash);
    while (!endpoint.base_path.empty() && endpoint.base_path.back() == '/') {
      endpoint.base_path.pop_back();
    }
  }
  return endpoint;
}

EndpointResolver::EndpointResolver(std::string global_override, EnvLookup env)
    : global_override_(std::move(global_override)), env_(std::move(env)) {}

Result<Endpoint> EndpointResolver::Resolve(const std::string& service,
                                           const std::string& region) const {
  if (auto per_service = env_(ServiceEnvVar(service))) return ParseEndpointUrl(*per_service);
  if (!global_override_.empty()) return ParseEndpointUrl(global_override_);
  if (auto global = env_("AWS_ENDPOINT_URL")) return ParseEndpointUrl(*global);
  if (region.empty()) return InvalidArgument("no region given for service " + service);
  std::string suffix = region.rfind("cn-", 0) == 0 ? ".amazonaws.com.cn" : ".amazonaws.com";
  Endpoint endpoint;
  endpoint.scheme = "https";
  endpoint.authority = service + "." + region + suffix;
  return endpoint;
}

}  // namespace po::aws
