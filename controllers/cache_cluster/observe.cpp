// ReplicationGroupCache: the paged DescribeReplicationGroups behind a RegionalSnapshotCache.
#include "controllers/cache_cluster/observe.h"

#include "operator/aws/elasticache/pager.h"

namespace po::controllers::cache_cluster {

ReplicationGroupCache::ReplicationGroupCache(aws::elasticache::ElastiCacheApi& api,
                                             const Clock& clock, RegionalSnapshotOptions options)
    : clock_(clock),
      cache_(
          clock,
          [this, &api](const std::string& region) -> Result<std::vector<ObservedEntry>> {
            const Clock::TimePoint started = clock_.Now();
            aws::elasticache::DescribeReplicationGroupsMessage request;
            request.MaxRecords = 100;
            auto groups = aws::elasticache::DescribeAllReplicationGroups(api, region, request);
            if (!groups.ok()) {
              return groups.error().ToStatus().WithContext(
                  "while describing the replication groups of " + region);
            }
            std::vector<ObservedEntry> entries;
            for (auto& group : groups.value()) entries.push_back({std::move(group), started});
            std::lock_guard lock(mu_);
            empty_fetch_started_[region] = started;
            return entries;
          },
          options) {}

Result<Lookup> ReplicationGroupCache::Find(const std::string& region, const std::string& id) {
  auto snapshot = cache_.Get(region);
  if (!snapshot.ok()) return snapshot.status();
  Lookup lookup;
  {
    std::lock_guard lock(mu_);
    lookup.fetch_started = empty_fetch_started_[region];
  }
  for (const ObservedEntry& entry : **snapshot) {
    lookup.fetch_started = entry.fetch_started;
    if (entry.group.ReplicationGroupId.value_or("") == id) {
      lookup.group = entry.group;
      return lookup;
    }
  }
  return lookup;
}

}  // namespace po::controllers::cache_cluster
