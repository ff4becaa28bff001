// ReplicationGroupCache: every replication group of a region from one paged
// DescribeReplicationGroups, shared by all CacheClusters through a RegionalSnapshotCache. Each
// entry carries the time its fetch started, so a reconciler can tell whether an observation is
// older than its own last change. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "controllers/common/regional_cache.h"
#include "operator/aws/elasticache/api.h"
#include "operator/common/clock.h"

namespace po::controllers::cache_cluster {

struct ObservedEntry {
  aws::elasticache::ReplicationGroup group;
  Clock::TimePoint fetch_started;  // when the Describe that returned it began
};

// What a lookup found: the group (if it exists) and when the snapshot's fetch began.
struct Lookup {
  std::optional<aws::elasticache::ReplicationGroup> group;
  Clock::TimePoint fetch_started{};
};

class ReplicationGroupCache {
 public:
  // `api` and `clock` must outlive the cache.
  ReplicationGroupCache(aws::elasticache::ElastiCacheApi& api, const Clock& clock,
                        RegionalSnapshotOptions options = {});

  // The group `id` of `region` from the region's current snapshot.
  Result<Lookup> Find(const std::string& region, const std::string& id);
  // We changed something in `region`: the next Find fetches again.
  void MarkStale(const std::string& region) { cache_.MarkStale(region); }
  // Successful Describe walks so far.
  std::uint64_t Fetches() const { return cache_.Fetches(); }

 private:
  const Clock& clock_;
  RegionalSnapshotCache<ObservedEntry> cache_;
  // When the last fetch per region began; a region that has no groups has no entry to carry it.
  std::mutex mu_;
  std::map<std::string, Clock::TimePoint> empty_fetch_started_;
};

}  // namespace po::controllers::cache_cluster
