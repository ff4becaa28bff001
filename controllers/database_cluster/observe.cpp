// Observes DB instances through the shared per-region snapshot and selects a cluster's instances.
#include "controllers/database_cluster/observe.h"

#include "operator/aws/rds/pager.h"

namespace po::controllers::database_cluster {

InstanceObserver::InstanceObserver(aws::rds::RdsApi& rds, const Clock& clock,
                                   RegionalSnapshotOptions options, int page_size)
    : cache_(
          clock,
          [&rds, page_size](const std::string& region) -> Result<Instances> {
            aws::rds::DescribeDBInstancesMessage request;
            request.MaxRecords = page_size;
            auto all = aws::rds::DescribeAllDBInstances(rds, region, request);
            if (!all.ok()) {
              return all.error().ToStatus().WithContext("while describing DB instances in " +
                                                        region);
            }
            return std::move(all).value();
          },
          options) {}

Result<std::shared_ptr<const Instances>> InstanceObserver::Snapshot(const std::string& region) {
  return cache_.Get(region);
}

void InstanceObserver::MarkStale(const std::string& region) {
  cache_.MarkStale(region);
}

std::uint64_t InstanceObserver::Fetches() const {
  return cache_.Fetches();
}

Observation SelectInstances(const ClusterSpec& spec, const Instances& primary_region,
                            const Instances* dr_region, const std::string& dr_region_name) {
  Observation o;
  for (const auto& instance : primary_region) {
    const std::string id = instance.DBInstanceIdentifier.value_or("");
    if (id == spec.identifier) {
      o.primary = instance;
    } else if (auto index = ReplicaIndexOf(spec, id)) {
      o.replicas[*index] = instance;
    }
  }
  if (dr_region) {
    o.disaster_recovery_region = dr_region_name;
    const std::string dr_id = DisasterRecoveryIdentifier(spec);
    for (const auto& instance : *dr_region) {
      if (instance.DBInstanceIdentifier.value_or("") == dr_id) o.disaster_recovery = instance;
    }
  }
  return o;
}

std::optional<std::string> ReportedDisasterRecoveryRegion(const nlohmann::json& object) {
  const auto status = object.find("status");
  if (status == object.end() || !status->is_object()) return std::nullopt;
  const auto instances = status->find("instances");
  if (instances == status->end() || !instances->is_array()) return std::nullopt;
  for (const auto& entry : *instances) {
    if (entry.is_object() && entry.value("role", "") == "disaster-recovery" &&
        entry.contains("region") && entry["region"].is_string()) {
      return entry["region"].get<std::string>();
    }
  }
  return std::nullopt;
}

}  // namespace po::controllers::database_cluster
