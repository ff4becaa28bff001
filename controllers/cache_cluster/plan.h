// Plan: the ordered list of single changes that takes an observed replication group to its spec,
// one ElastiCache call each, as ElastiCache requires (one change at a time, `available` between).
// Order: turn Multi-AZ / failover off (before replicas can drop to 0), remove replicas, change the
// shard count, add replicas, node type, engine version, then the remaining settings (failover and
// Multi-AZ on, in-transit encryption via "preferred", snapshots). Only the first step is executed
// per round; the plan is recomputed from fresh observations. Pure functions.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/spec.h"
#include "operator/aws/elasticache/types.h"

namespace po::controllers::cache_cluster {

enum class StepKind {
  kDisableFailover,      // ModifyReplicationGroup: MultiAZ and/or AutomaticFailover off
  kDecreaseReplicas,     // DecreaseReplicaCount
  kChangeShards,         // ModifyReplicationGroupShardConfiguration
  kIncreaseReplicas,     // IncreaseReplicaCount
  kChangeNodeType,       // ModifyReplicationGroup: CacheNodeType
  kChangeEngineVersion,  // ModifyReplicationGroup: EngineVersion (+ parameter group on a new major)
  kModifySettings,       // ModifyReplicationGroup: failover/Multi-AZ on, transit, snapshots
};

std::string_view StepKindName(StepKind kind);

using StepRequest = std::variant<aws::elasticache::ModifyReplicationGroupMessage,
                                 aws::elasticache::ModifyReplicationGroupShardConfigurationMessage,
                                 aws::elasticache::IncreaseReplicaCountMessage,
                                 aws::elasticache::DecreaseReplicaCountMessage>;

struct Step {
  StepKind kind;
  std::string description;  // "shards 3 → 5"; for events and conditions
  StepRequest request;
};

// `applied_engine_version` as in Diff. Empty when the group matches the spec.
std::vector<Step> Plan(const CacheClusterSpec& spec, const ObservedGroup& observed,
                       const std::string& applied_engine_version);

}  // namespace po::controllers::cache_cluster
