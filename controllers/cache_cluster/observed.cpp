// Normalises a DescribeReplicationGroups entry into ObservedGroup.
#include "controllers/cache_cluster/observed.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace po::controllers::cache_cluster {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool PendingValuesSet(const aws::elasticache::ReplicationGroupPendingModifiedValues& p) {
  return p.PrimaryClusterId || p.AutomaticFailoverStatus || p.Resharding || p.AuthTokenStatus ||
         p.TransitEncryptionEnabled || p.TransitEncryptionMode || p.ClusterMode;
}

}  // namespace

std::string NormalizeWindow(const std::string& window) {
  int h1 = 0, m1 = 0, h2 = 0, m2 = 0;
  char tail = 0;
  if (std::sscanf(window.c_str(), "%d:%d-%d:%d%c", &h1, &m1, &h2, &m2, &tail) != 4) return window;
  char out[16];
  std::snprintf(out, sizeof(out), "%02d:%02d-%02d:%02d", h1 % 100, m1 % 100, h2 % 100, m2 % 100);
  return out;
}

ObservedGroup Observe(const aws::elasticache::ReplicationGroup& g) {
  ObservedGroup o;
  o.id = g.ReplicationGroupId.value_or("");
  o.status = Lower(g.Status.value_or(""));
  o.arn = g.ARN.value_or("");
  o.cluster_mode =
      g.ClusterEnabled.value_or(false) || Lower(g.ClusterMode.value_or("")) == "enabled";
  bool first = true;
  for (const auto& ng : g.NodeGroups) {
    ObservedShard shard;
    shard.id = ng.NodeGroupId.value_or("");
    shard.status = Lower(ng.Status.value_or(""));
    for (const auto& member : ng.NodeGroupMembers) {
      const std::string id = member.CacheClusterId.value_or("");
      // Cluster mode enabled reports no roles; the first member is the primary.
      const std::string role = Lower(member.CurrentRole.value_or(""));
      const bool primary = role.empty() ? shard.primary.empty() : role == "primary";
      if (primary && shard.primary.empty()) {
        shard.primary = id;
      } else {
        shard.replicas.push_back(id);
      }
    }
    const int replicas = static_cast<int>(shard.replicas.size());
    o.min_replicas = first ? replicas : std::min(o.min_replicas, replicas);
    o.max_replicas = first ? replicas : std::max(o.max_replicas, replicas);
    first = false;
    if (!o.cluster_mode) {
      o.primary_endpoint = ng.PrimaryEndpoint;
      o.reader_endpoint = ng.ReaderEndpoint;
    }
    o.shards.push_back(std::move(shard));
  }
  std::sort(o.shards.begin(), o.shards.end(),
            [](const ObservedShard& a, const ObservedShard& b) { return a.id < b.id; });
  o.node_type = Lower(g.CacheNodeType.value_or(""));
  const std::string failover = Lower(g.AutomaticFailover.value_or("disabled"));
  o.automatic_failover = failover == "enabled" || failover == "enabling";
  o.multi_az = Lower(g.MultiAZ.value_or("disabled")) == "enabled";
  o.at_rest_encryption = g.AtRestEncryptionEnabled.value_or(false);
  o.in_transit_encryption = g.TransitEncryptionEnabled.value_or(false);
  o.transit_encryption_mode = Lower(g.TransitEncryptionMode.value_or(""));
  o.auth_token_enabled = g.AuthTokenEnabled.value_or(false);
  o.snapshot_retention_days = g.SnapshotRetentionLimit.value_or(0);
  o.snapshot_window = NormalizeWindow(g.SnapshotWindow.value_or(""));
  if (g.PendingModifiedValues) {
    o.pending_changes = PendingValuesSet(*g.PendingModifiedValues);
    o.pending_auth_token_status = g.PendingModifiedValues->AuthTokenStatus.value_or("");
  }
  o.configuration_endpoint = g.ConfigurationEndpoint;
  return o;
}

}  // namespace po::controllers::cache_cluster
