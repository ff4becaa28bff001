// Builds the CreateReplicationGroup request from a parsed CacheCluster spec.
#include "controllers/cache_cluster/desired.h"

#include "controllers/common/ownership.h"
#include "operator/kube/resource.h"

namespace po::controllers::cache_cluster {

std::string DefaultParameterGroup(const std::string& engine_version, bool cluster_mode) {
  const std::string major = engine_version.substr(0, engine_version.find('.'));
  // Redis 6 has one family ("redis6.x") for all its minors; 7 and later are named by major only.
  std::string name = major == "6" ? "default.redis6.x" : "default.redis" + major;
  if (cluster_mode) name += ".cluster.on";
  return name;
}

aws::elasticache::CreateReplicationGroupMessage DesiredCreateRequest(
    const CacheClusterSpec& spec, const std::string& replication_group_id,
    const nlohmann::json& object, const std::optional<std::string>& auth_token) {
  aws::elasticache::CreateReplicationGroupMessage r;
  r.ReplicationGroupId = replication_group_id;
  r.ReplicationGroupDescription =
      "CacheCluster " + kube::NamespaceOf(object) + "/" + kube::NameOf(object);
  r.Engine = spec.engine;
  r.EngineVersion = spec.engine_version;
  r.CacheNodeType = spec.node_type;
  r.CacheParameterGroupName = DefaultParameterGroup(spec.engine_version, spec.cluster_mode);
  if (spec.cluster_mode) {
    r.ClusterMode = "enabled";
    r.NumNodeGroups = spec.shards;
    r.ReplicasPerNodeGroup = spec.replicas_per_shard;
  } else {
    r.ClusterMode = "disabled";
    r.NumCacheClusters = 1 + spec.replicas_per_shard;
  }
  r.AutomaticFailoverEnabled = spec.automatic_failover;
  r.MultiAZEnabled = spec.multi_az;
  r.AtRestEncryptionEnabled = spec.at_rest_encryption;
  if (spec.at_rest_encryption && spec.kms_key_id) r.KmsKeyId = spec.kms_key_id;
  r.TransitEncryptionEnabled = spec.in_transit_encryption;
  if (spec.auth_token_secret && auth_token) r.AuthToken = auth_token;
  if (spec.subnet_group_name) r.CacheSubnetGroupName = spec.subnet_group_name;
  if (!spec.subnet_ids.empty()) r.CacheSubnetGroupName = replication_group_id;
  r.SecurityGroupIds = spec.security_group_ids;
  r.SnapshotRetentionLimit = spec.snapshot_retention_days;
  if (spec.snapshot_window) r.SnapshotWindow = spec.snapshot_window;
  for (const auto& [key, value] : DesiredTags(spec.tags, object)) r.Tags.push_back({key, value});
  return r;
}

std::optional<aws::elasticache::CreateCacheSubnetGroupMessage> DesiredSubnetGroup(
    const CacheClusterSpec& spec, const std::string& replication_group_id,
    const nlohmann::json& object) {
  if (spec.subnet_ids.empty()) return std::nullopt;
  aws::elasticache::CreateCacheSubnetGroupMessage r;
  r.CacheSubnetGroupName = replication_group_id;
  r.CacheSubnetGroupDescription =
      "CacheCluster " + kube::NamespaceOf(object) + "/" + kube::NameOf(object);
  r.SubnetIds = spec.subnet_ids;
  for (const auto& [key, value] : DesiredTags(spec.tags, object)) r.Tags.push_back({key, value});
  return r;
}

}  // namespace po::controllers::cache_cluster
