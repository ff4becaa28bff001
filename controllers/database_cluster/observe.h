// Observation of a DatabaseCluster's RDS instances: InstanceObserver keeps one shared snapshot of
// every DB instance per region (a paged DescribeDBInstances, refreshed at most every few seconds,
// shared by all DatabaseClusters), and SelectInstances picks a cluster's primary, replicas and
// disaster-recovery replica out of the snapshots by their deterministic identifiers.
// InstanceObserver is thread-safe; SelectInstances is pure.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "controllers/common/regional_cache.h"
#include "controllers/database_cluster/spec.h"
#include "operator/aws/rds/api.h"

namespace po::controllers::database_cluster {

using Instances = std::vector<aws::rds::DBInstance>;

class InstanceObserver {
 public:
  // `rds` and `clock` must outlive the observer. Pages hold `page_size` instances (RDS's maximum
  // is 100).
  InstanceObserver(aws::rds::RdsApi& rds, const Clock& clock, RegionalSnapshotOptions options = {},
                   int page_size = 100);

  // Every DB instance of the region, at most options.max_age old.
  Result<std::shared_ptr<const Instances>> Snapshot(const std::string& region);
  // Something changed in the region (we acted): refetch soon.
  void MarkStale(const std::string& region);
  // Successful region fetches so far.
  std::uint64_t Fetches() const;

 private:
  RegionalSnapshotCache<aws::rds::DBInstance> cache_;
};

// A cluster's instances as observed.
struct Observation {
  std::optional<aws::rds::DBInstance> primary;
  std::map<int, aws::rds::DBInstance> replicas;  // by replica index (1..), any index found
  std::optional<aws::rds::DBInstance> disaster_recovery;
  std::string disaster_recovery_region;  // where disaster_recovery was looked for ("" = nowhere)

  // Instances that exist, for metrics.
  int Count() const {
    return (primary ? 1 : 0) + static_cast<int>(replicas.size()) + (disaster_recovery ? 1 : 0);
  }
};

// Picks the cluster's instances: `primary_region` is the snapshot of spec.region, `dr_region` the
// snapshot of `dr_region_name` (nullptr when the DR region is not observed).
Observation SelectInstances(const ClusterSpec& spec, const Instances& primary_region,
                            const Instances* dr_region, const std::string& dr_region_name);

// The region a disaster-recovery replica was reported in by an earlier status (status.instances
// with role disaster-recovery), so a disabled DR replica can still be found and removed.
std::optional<std::string> ReportedDisasterRecoveryRegion(const nlohmann::json& object);

}  // namespace po::controllers::database_cluster
