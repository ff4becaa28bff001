// Parses a CacheCluster's spec into CacheClusterSpec and validates what the CRD schema cannot.
#include "controllers/cache_cluster/spec.h"

#include "controllers/common/ownership.h"

namespace po::controllers::cache_cluster {
namespace {

using nlohmann::json;

const json& Member(const json& object, const char* key) {
  static const json kNull = nullptr;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

template <typename T>
void Read(const json& object, const char* key, T& into, std::vector<std::string>& errors,
          const std::string& path) {
  const json& value = Member(object, key);
  if (value.is_null()) return;
  try {
    into = value.get<T>();
  } catch (const json::exception&) {
    errors.push_back(path + " has the wrong type");
  }
}

void ReadOptional(const json& object, const char* key, std::optional<std::string>& into,
                  std::vector<std::string>& errors, const std::string& path) {
  const json& value = Member(object, key);
  if (value.is_null()) return;
  if (!value.is_string()) {
    errors.push_back(path + " must be a string");
    return;
  }
  into = value.get<std::string>();
}

}  // namespace

kube::ResourceRef CacheClusters() {
  return {"platform.startup-metrics.com", "v1alpha1", "cacheclusters", "CacheCluster", true};
}

ParsedSpec ParseSpec(const json& object) {
  ParsedSpec parsed;
  CacheClusterSpec& s = parsed.spec;
  std::vector<std::string>& errors = parsed.errors;
  const json& spec = Member(object, "spec");

  Read(spec, "region", s.region, errors, "spec.region");
  ReadOptional(spec, "identifier", s.identifier, errors, "spec.identifier");
  Read(spec, "engine", s.engine, errors, "spec.engine");
  Read(spec, "engineVersion", s.engine_version, errors, "spec.engineVersion");
  Read(spec, "nodeType", s.node_type, errors, "spec.nodeType");

  const json& cluster = Member(spec, "clusterMode");
  Read(cluster, "enabled", s.cluster_mode, errors, "spec.clusterMode.enabled");
  Read(cluster, "shards", s.shards, errors, "spec.clusterMode.shards");
  Read(cluster, "replicasPerShard", s.replicas_per_shard, errors,
       "spec.clusterMode.replicasPerShard");
  if (!s.cluster_mode) s.shards = 1;

  Read(spec, "automaticFailover", s.automatic_failover, errors, "spec.automaticFailover");
  Read(spec, "multiAZ", s.multi_az, errors, "spec.multiAZ");

  const json& encryption = Member(spec, "encryption");
  Read(encryption, "atRest", s.at_rest_encryption, errors, "spec.encryption.atRest");
  Read(encryption, "inTransit", s.in_transit_encryption, errors, "spec.encryption.inTransit");
  ReadOptional(encryption, "kmsKeyId", s.kms_key_id, errors, "spec.encryption.kmsKeyId");

  ReadOptional(Member(spec, "auth"), "tokenSecretName", s.auth_token_secret, errors,
               "spec.auth.tokenSecretName");

  const json& network = Member(spec, "network");
  ReadOptional(network, "subnetGroupName", s.subnet_group_name, errors,
               "spec.network.subnetGroupName");
  Read(network, "subnetIds", s.subnet_ids, errors, "spec.network.subnetIds");
  Read(network, "securityGroupIds", s.security_group_ids, errors, "spec.network.securityGroupIds");

  const json& snapshot = Member(spec, "snapshot");
  Read(snapshot, "retentionDays", s.snapshot_retention_days, errors, "spec.snapshot.retentionDays");
  ReadOptional(snapshot, "window", s.snapshot_window, errors, "spec.snapshot.window");

  std::string policy = "Snapshot";
  Read(spec, "deletionPolicy", policy, errors, "spec.deletionPolicy");
  s.deletion_policy = ParseDeletionPolicy(policy);
  const json& tags = Member(spec, "tags");
  if (tags.is_object()) s.tags = tags;

  // What the schema's rules say, checked again for objects written before the rules existed.
  if (s.engine != "redis") errors.push_back("spec.engine must be redis");
  if (s.shards < 1 || s.shards > 500) errors.push_back("spec.clusterMode.shards must be 1-500");
  if (s.replicas_per_shard < 0 || s.replicas_per_shard > 5) {
    errors.push_back("spec.clusterMode.replicasPerShard must be 0-5");
  }
  if (s.automatic_failover && s.replicas_per_shard < 1) {
    errors.push_back("automaticFailover needs at least one replica (clusterMode.replicasPerShard)");
  }
  if (s.cluster_mode && s.replicas_per_shard > 0 && !s.automatic_failover) {
    errors.push_back("cluster mode with replicas needs automaticFailover");
  }
  if (s.multi_az && !s.automatic_failover) errors.push_back("multiAZ needs automaticFailover");
  if (s.auth_token_secret && !s.in_transit_encryption) {
    errors.push_back("auth needs encryption.inTransit");
  }
  if (s.kms_key_id && !s.at_rest_encryption) {
    errors.push_back("encryption.kmsKeyId needs encryption.atRest");
  }
  if (s.subnet_group_name && !s.subnet_ids.empty()) {
    errors.push_back("set either spec.network.subnetGroupName or spec.network.subnetIds, not both");
  }
  return parsed;
}

std::string ReplicationGroupId(const CacheClusterSpec& spec, const json& object) {
  if (spec.identifier) return *spec.identifier;
  return DefaultIdentifier(object, 40);
}

}  // namespace po::controllers::cache_cluster
