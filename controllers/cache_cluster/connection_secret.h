// The connection Secret of a CacheCluster: where applications connect (configuration endpoint in
// cluster mode, primary endpoint otherwise), the port, TLS, the AUTH token, a redis:// or rediss://
// URI, and Crossplane's key names for the same values. Pure functions.
#pragma once

#include <optional>
#include <string>

#include "controllers/cache_cluster/observed.h"
#include "controllers/common/secrets.h"

namespace po::controllers::cache_cluster {

// "<name>-connection".
std::string ConnectionSecretName(const std::string& cache_cluster_name);

// The Secret's data, or std::nullopt while the group has no endpoint yet.
std::optional<SecretData> ConnectionSecretData(const ObservedGroup& observed, bool tls,
                                               const std::optional<std::string>& auth_token);

// Key of the applied AUTH token in the connection Secret.
inline constexpr char kConnectionAuthTokenKey[] = "authToken";

}  // namespace po::controllers::cache_cluster
