// Orders the changes between an observed replication group and its spec into single steps.
#include "controllers/cache_cluster/plan.h"

#include <algorithm>
#include <cctype>

#include "controllers/cache_cluster/desired.h"

namespace po::controllers::cache_cluster {
namespace {

namespace ec = aws::elasticache;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Major(const std::string& version) {
  return version.substr(0, version.find('.'));
}

ec::ModifyReplicationGroupMessage Modify(const ObservedGroup& o) {
  ec::ModifyReplicationGroupMessage m;
  m.ReplicationGroupId = o.id;
  m.ApplyImmediately = true;
  return m;
}

void Append(std::string& text, const std::string& part) {
  if (!text.empty()) text += ", ";
  text += part;
}

std::string OnOff(bool value) {
  return value ? "on" : "off";
}

}  // namespace

std::string_view StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kDisableFailover:
      return "DisableFailover";
    case StepKind::kDecreaseReplicas:
      return "DecreaseReplicas";
    case StepKind::kChangeShards:
      return "ChangeShards";
    case StepKind::kIncreaseReplicas:
      return "IncreaseReplicas";
    case StepKind::kChangeNodeType:
      return "ChangeNodeType";
    case StepKind::kChangeEngineVersion:
      return "ChangeEngineVersion";
    case StepKind::kModifySettings:
      return "ModifySettings";
  }
  return "Unknown";
}

std::vector<Step> Plan(const CacheClusterSpec& spec, const ObservedGroup& o,
                       const std::string& applied_engine_version) {
  std::vector<Step> steps;
  const int replicas = spec.replicas_per_shard;

  // 1. Multi-AZ and failover off first: ElastiCache refuses to drop the last replica otherwise.
  {
    ec::ModifyReplicationGroupMessage m = Modify(o);
    std::string what;
    if (o.multi_az && !spec.multi_az) {
      m.MultiAZEnabled = false;
      Append(what, "multiAZ off");
    }
    if (o.automatic_failover && !spec.automatic_failover) {
      m.AutomaticFailoverEnabled = false;
      Append(what, "automaticFailover off");
    }
    if (!what.empty()) steps.push_back({StepKind::kDisableFailover, what, m});
  }

  // 2. Fewer replicas before resharding, so fewer nodes take part in the slot migration.
  if (o.max_replicas > replicas) {
    ec::DecreaseReplicaCountMessage m;
    m.ReplicationGroupId = o.id;
    m.NewReplicaCount = replicas;
    m.ApplyImmediately = true;
    steps.push_back(
        {StepKind::kDecreaseReplicas,
         "replicasPerShard " + std::to_string(o.max_replicas) + " → " + std::to_string(replicas),
         m});
  }

  // 3. Shards (cluster mode only). Shrinking removes the highest-numbered node groups.
  const int shards = static_cast<int>(o.shards.size());
  if (spec.cluster_mode && o.cluster_mode && shards != spec.shards && shards > 0) {
    ec::ModifyReplicationGroupShardConfigurationMessage m;
    m.ReplicationGroupId = o.id;
    m.NodeGroupCount = spec.shards;
    m.ApplyImmediately = true;
    for (int i = spec.shards; i < shards; ++i) m.NodeGroupsToRemove.push_back(o.shards[i].id);
    steps.push_back({StepKind::kChangeShards,
                     "shards " + std::to_string(shards) + " → " + std::to_string(spec.shards), m});
  }

  // 4. More replicas after resharding: one call raises every shard, new ones included.
  if (o.min_replicas < replicas) {
    ec::IncreaseReplicaCountMessage m;
    m.ReplicationGroupId = o.id;
    m.NewReplicaCount = replicas;
    m.ApplyImmediately = true;
    steps.push_back(
        {StepKind::kIncreaseReplicas,
         "replicasPerShard " + std::to_string(o.min_replicas) + " → " + std::to_string(replicas),
         m});
  }

  // 5. Node type: an online vertical scaling of every node.
  if (o.node_type != Lower(spec.node_type)) {
    ec::ModifyReplicationGroupMessage m = Modify(o);
    m.CacheNodeType = spec.node_type;
    steps.push_back(
        {StepKind::kChangeNodeType, "nodeType " + o.node_type + " → " + spec.node_type, m});
  }

  // 6. Engine version; a new major version needs that major's default parameter group.
  if (!applied_engine_version.empty() && applied_engine_version != spec.engine_version) {
    ec::ModifyReplicationGroupMessage m = Modify(o);
    m.EngineVersion = spec.engine_version;
    if (Major(applied_engine_version) != Major(spec.engine_version)) {
      m.CacheParameterGroupName = DefaultParameterGroup(spec.engine_version, spec.cluster_mode);
    }
    steps.push_back({StepKind::kChangeEngineVersion,
                     "engineVersion " + applied_engine_version + " → " + spec.engine_version, m});
  }

  // 7. Everything else ModifyReplicationGroup takes in one call.
  {
    ec::ModifyReplicationGroupMessage m = Modify(o);
    std::string what;
    if (!o.automatic_failover && spec.automatic_failover) {
      m.AutomaticFailoverEnabled = true;
      Append(what, "automaticFailover on");
    }
    if (!o.multi_az && spec.multi_az) {
      m.MultiAZEnabled = true;
      if (!o.automatic_failover) m.AutomaticFailoverEnabled = true;
      Append(what, "multiAZ on");
    }
    // In-transit encryption changes go through "preferred" mode, as ElastiCache documents.
    const bool preferred = o.in_transit_encryption && o.transit_encryption_mode == "preferred";
    if (spec.in_transit_encryption && !o.in_transit_encryption) {
      m.TransitEncryptionEnabled = true;
      m.TransitEncryptionMode = "preferred";
      Append(what, "inTransit preferred");
    } else if (spec.in_transit_encryption && preferred) {
      m.TransitEncryptionMode = "required";
      Append(what, "inTransit required");
    } else if (!spec.in_transit_encryption && o.in_transit_encryption && !preferred) {
      m.TransitEncryptionMode = "preferred";
      Append(what, "inTransit preferred");
    } else if (!spec.in_transit_encryption && preferred) {
      m.TransitEncryptionEnabled = false;
      Append(what, "inTransit " + OnOff(false));
    }
    if (o.snapshot_retention_days != spec.snapshot_retention_days) {
      m.SnapshotRetentionLimit = spec.snapshot_retention_days;
      Append(what, "snapshot.retentionDays " + std::to_string(o.snapshot_retention_days) + " → " +
                       std::to_string(spec.snapshot_retention_days));
    }
    if (spec.snapshot_window && o.snapshot_window != NormalizeWindow(*spec.snapshot_window)) {
      m.SnapshotWindow = NormalizeWindow(*spec.snapshot_window);
      Append(what, "snapshot.window " + o.snapshot_window + " → " + *m.SnapshotWindow);
    }
    if (!what.empty()) steps.push_back({StepKind::kModifySettings, what, m});
  }
  return steps;
}

}  // namespace po::controllers::cache_cluster
