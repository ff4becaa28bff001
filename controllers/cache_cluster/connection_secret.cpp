// Builds the CacheCluster connection Secret's data.
#include "controllers/cache_cluster/connection_secret.h"

namespace po::controllers::cache_cluster {

std::string ConnectionSecretName(const std::string& name) {
  return name + "-connection";
}

std::optional<SecretData> ConnectionSecretData(const ObservedGroup& o, bool tls,
                                               const std::optional<std::string>& auth_token) {
  const auto& endpoint = o.cluster_mode ? o.configuration_endpoint : o.primary_endpoint;
  if (!endpoint || !endpoint->Address || endpoint->Address->empty()) return std::nullopt;
  const std::string host = *endpoint->Address;
  const std::string port = std::to_string(endpoint->Port.value_or(6379));
  SecretData data;
  data["host"] = host;
  data["port"] = port;
  data["tls"] = tls ? "true" : "false";
  if (o.cluster_mode) {
    data["configurationEndpoint"] = host;
    data["configuration_endpoint_address"] = host;
  } else {
    data["primaryEndpoint"] = host;
    data["primary_endpoint_address"] = host;
  }
  std::string uri = tls ? "rediss://" : "redis://";
  if (auth_token) {
    data[kConnectionAuthTokenKey] = *auth_token;
    // The token is [A-Za-z0-9] when generated; user tokens exclude '@', '/', quotes and spaces.
    uri += ":" + *auth_token + "@";
  }
  data["uri"] = uri + host + ":" + port;
  return data;
}

}  // namespace po::controllers::cache_cluster
