// Diff: where an observed replication group differs from its CacheCluster spec, field by field,
// after ElastiCache's normalisations (failover "enabling" counts as on, windows zero-padded, node
// types case-insensitive). Differences in immutable fields are reported apart: the operator cannot
// change them. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/spec.h"

namespace po::controllers::cache_cluster {

struct Difference {
  std::string field;     // spec path, such as "clusterMode.shards"
  std::string observed;  // as ElastiCache reports it
  std::string desired;   // as the spec asks
  bool operator==(const Difference&) const = default;
};

struct GroupDiff {
  std::vector<Difference> changes;    // the operator converges these
  std::vector<Difference> immutable;  // fields ElastiCache cannot change in place
  bool InSync() const { return changes.empty(); }
};

// `applied_engine_version` is the version last created or applied (status.engineVersion), since
// DescribeReplicationGroups does not report it; "" compares nothing.
GroupDiff Diff(const CacheClusterSpec& spec, const ObservedGroup& observed,
               const std::string& applied_engine_version);

// "clusterMode.shards 3 → 5, nodeType cache.r5.large → cache.r6g.large"
std::string DescribeDifferences(const std::vector<Difference>& differences);

}  // namespace po::controllers::cache_cluster
