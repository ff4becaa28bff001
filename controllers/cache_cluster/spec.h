// CacheClusterSpec: the parsed and defaulted spec of a CacheCluster custom resource, and the
// checks the CRD's schema cannot make, returned as values (one message per problem). Pure
// functions; plain values, safe to share between threads.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "controllers/common/deletion_policy.h"
#include "operator/kube/resource.h"

namespace po::controllers::cache_cluster {

// The CacheCluster resource as the apiserver serves it.
kube::ResourceRef CacheClusters();

struct CacheClusterSpec {
  std::string region = "us-east-1";
  std::optional<std::string> identifier;  // the replication group ID when given
  std::string engine = "redis";
  std::string engine_version = "6.2";
  std::string node_type = "cache.r5.large";
  bool cluster_mode = true;
  int shards = 3;  // always 1 without cluster mode
  int replicas_per_shard = 1;
  bool automatic_failover = true;
  bool multi_az = true;
  bool at_rest_encryption = true;
  bool in_transit_encryption = true;
  std::optional<std::string> kms_key_id;
  std::optional<std::string> auth_token_secret;  // spec.auth.tokenSecretName
  std::optional<std::string> subnet_group_name;
  std::vector<std::string> subnet_ids;
  std::vector<std::string> security_group_ids;
  int snapshot_retention_days = 7;
  std::optional<std::string> snapshot_window;
  DeletionPolicy deletion_policy = DeletionPolicy::kSnapshot;
  nlohmann::json tags = nullptr;  // spec.tags, a string map or null
};

struct ParsedSpec {
  CacheClusterSpec spec;
  // What is wrong with the spec, one sentence each; empty when it can be converged.
  std::vector<std::string> errors;
};

// Reads `object`'s spec, applying the CRD's defaults to absent fields (the apiserver normally has
// already), and checks what the schema leaves open. Never fails: problems are in `errors`.
ParsedSpec ParseSpec(const nlohmann::json& object);

// The replication group ID: spec.identifier, else "<namespace>-<name>" cut to 40 characters.
std::string ReplicationGroupId(const CacheClusterSpec& spec, const nlohmann::json& object);

// The key of the user's AUTH Secret that holds the token.
inline constexpr char kAuthTokenKey[] = "token";

}  // namespace po::controllers::cache_cluster
