// Builds a DatabaseCluster's status report from what was observed and done.
#include "controllers/database_cluster/status.h"

#include <algorithm>
#include <set>

#include "controllers/database_cluster/desired.h"

namespace po::controllers::database_cluster {
namespace {

using nlohmann::json;
using runtime::Condition;

const std::set<std::string, std::less<>> kServingBusy = {
    "backing-up",
    "modifying",
    "storage-optimization",
    "configuring-enhanced-monitoring",
    "configuring-iam-database-auth",
    "configuring-log-exports",
    "resetting-master-credentials",
    "maintenance",
    "renaming",
    "upgrading",
};

std::string True() {
  return std::string(runtime::kConditionTrue);
}
std::string False() {
  return std::string(runtime::kConditionFalse);
}

json EndpointOf(const aws::rds::DBInstance& instance) {
  if (!instance.Endpoint || !instance.Endpoint->Address) return nullptr;
  return {{"host", *instance.Endpoint->Address},
          {"port", instance.Endpoint->Port.value_or(kPostgresPort)}};
}

std::string StatusOf(const aws::rds::DBInstance& instance) {
  return instance.DBInstanceStatus.value_or("unknown");
}

json InstanceEntry(const aws::rds::DBInstance& instance, Role role, const std::string& region) {
  json entry = {{"identifier", instance.DBInstanceIdentifier.value_or("")},
                {"role", RoleName(role)},
                {"region", region},
                {"status", StatusOf(instance)}};
  if (instance.AvailabilityZone) entry["zone"] = *instance.AvailabilityZone;
  if (instance.DBInstanceClass) entry["class"] = *instance.DBInstanceClass;
  return entry;
}

}  // namespace

HealthInfo ClassifyInstanceStatus(const std::string& status) {
  if (status == "available") return {Health::kAvailable, true, ""};
  if (status == "deleting" || status == "delete-precheck") return {Health::kDeleting, false, ""};
  if (status == "storage-full") {
    return {Health::kDegraded, false,
            "the instance has run out of storage; raise spec.storage.allocatedGiB (or set "
            "spec.storage.maxAllocatedGiB for storage autoscaling) and the operator applies it"};
  }
  if (status == "incompatible-parameters") {
    return {Health::kDegraded, false,
            "the DB parameter group has values the instance cannot start with (often memory "
            "settings too large for the class); correct the parameter group, then reboot the "
            "instance"};
  }
  if (status == "incompatible-option-group") {
    return {Health::kDegraded, false,
            "the option group cannot be applied; correct or replace the option group"};
  }
  if (status == "insufficient-capacity") {
    return {Health::kDegraded, false,
            "AWS has no capacity for this instance class in the zone; choose another "
            "spec.instanceClass or wait and retry"};
  }
  if (status == "inaccessible-encryption-credentials-recoverable") {
    return {Health::kDegraded, false,
            "the KMS key is disabled or its grant was revoked; re-enable the key and RDS "
            "recovers the instance"};
  }
  if (status == "stopped" || status == "stopping") {
    return {Health::kDegraded, false,
            "the instance is stopped; start it (aws rds start-db-instance) — the operator does "
            "not start instances stopped outside it"};
  }
  if (status == "failed") {
    return {Health::kFatal, false,
            "RDS could not recover the instance; create a new DatabaseCluster with "
            "spec.restore from the latest snapshot or point in time"};
  }
  if (status == "inaccessible-encryption-credentials") {
    return {Health::kFatal, false,
            "the KMS key that encrypts the instance is disabled or deleted; if the key can be "
            "re-enabled do so, otherwise restore a backup into a new DatabaseCluster"};
  }
  if (status == "incompatible-network") {
    return {Health::kFatal, false,
            "RDS cannot place the instance in its subnets (no free addresses, or subnets/VPC "
            "deleted); fix the DB subnet group, then restore into a new DatabaseCluster if it "
            "does not recover"};
  }
  if (status == "incompatible-restore" || status == "restore-error") {
    return {Health::kFatal, false,
            "the restore failed; check spec.restore (snapshot or time) and recreate the "
            "DatabaseCluster"};
  }
  return {Health::kBusy, kServingBusy.contains(status), ""};
}

std::string ReasonFromStatus(const std::string& status) {
  std::string out;
  bool upper = true;
  for (char c : status) {
    if (c == '-' || c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? "Unknown" : out;
}

json InstancesField(const ClusterSpec& spec, const Observation& observed) {
  json instances = json::array();
  if (observed.primary) {
    instances.push_back(InstanceEntry(*observed.primary, Role::kPrimary, spec.region));
  }
  for (const auto& [index, replica] : observed.replicas) {
    instances.push_back(InstanceEntry(replica, Role::kReplica, spec.region));
  }
  if (observed.disaster_recovery) {
    instances.push_back(InstanceEntry(*observed.disaster_recovery, Role::kDisasterRecovery,
                                      observed.disaster_recovery_region));
  }
  return instances;
}

StatusReport BuildReport(const ReportInput& input) {
  const ClusterSpec& spec = *input.spec;
  const Observation& observed = *input.observed;
  StatusReport report;
  report.fields["instances"] = InstancesField(spec, observed);

  // Degraded: the first instance, primary first, in a status failover cannot fix.
  std::optional<Condition> degraded;
  auto check_degraded = [&](const aws::rds::DBInstance& instance, Role role) {
    if (degraded) return;
    const HealthInfo info = ClassifyInstanceStatus(StatusOf(instance));
    if (info.health == Health::kDegraded || info.health == Health::kFatal) {
      degraded = Condition{"Degraded", True(), ReasonFromStatus(StatusOf(instance)),
                           RoleName(role) + " " + instance.DBInstanceIdentifier.value_or("") +
                               " is " + StatusOf(instance) + ": " + info.remedy};
    }
  };
  if (observed.primary) check_degraded(*observed.primary, Role::kPrimary);
  for (const auto& [index, replica] : observed.replicas) check_degraded(replica, Role::kReplica);
  if (observed.disaster_recovery) {
    check_degraded(*observed.disaster_recovery, Role::kDisasterRecovery);
  }
  report.conditions.push_back(
      degraded.value_or(Condition{"Degraded", False(), "Healthy", "no instance needs attention"}));

  // Ready and the primary's fields.
  if (!observed.primary) {
    report.phase = input.just_created ? std::string(kPhaseCreating) : std::string(kPhasePending);
    report.conditions.push_back(
        {"Ready", False(), input.just_created ? "Creating" : "NotCreated",
         input.just_created ? "the primary instance " + spec.identifier + " is being created"
                            : "the primary instance " + spec.identifier + " does not exist yet"});
    report.fields["endpoint"] = nullptr;
  } else {
    const aws::rds::DBInstance& primary = *observed.primary;
    const std::string status = StatusOf(primary);
    const HealthInfo info = ClassifyInstanceStatus(status);
    const json endpoint = EndpointOf(primary);
    const bool ready = info.serving && !endpoint.is_null();
    report.conditions.push_back(
        {"Ready", ready ? True() : False(), ready ? "Available" : ReasonFromStatus(status),
         ready ? "the writer endpoint " + endpoint["host"].get<std::string>() + " serves"
               : "the primary " + spec.identifier + " is " + status});
    report.fields["endpoint"] = endpoint;
    if (primary.DBInstanceArn) report.fields["arn"] = *primary.DBInstanceArn;
    if (primary.EngineVersion) report.fields["engineVersion"] = *primary.EngineVersion;
    report.fields["latestRestorableTime"] =
        primary.LatestRestorableTime ? json(*primary.LatestRestorableTime) : json(nullptr);

    if (degraded) {
      report.phase = kPhaseDegraded;
    } else if (status == "creating") {
      report.phase = kPhaseCreating;
    } else if (info.health == Health::kDeleting) {
      report.phase = kPhaseDeleting;
    } else if (info.health == Health::kAvailable) {
      report.phase = kPhaseAvailable;
    } else {
      report.phase = kPhaseModifying;
    }
  }

  // Read replicas.
  json readers = json::array();
  int available = 0;
  for (const auto& [index, replica] : observed.replicas) {
    if (index > spec.replica_count) continue;
    if (ClassifyInstanceStatus(StatusOf(replica)).health == Health::kAvailable) {
      ++available;
      json endpoint = EndpointOf(replica);
      if (!endpoint.is_null()) readers.push_back(endpoint);
    }
  }
  const int extra = static_cast<int>(
      std::count_if(observed.replicas.begin(), observed.replicas.end(),
                    [&](const auto& entry) { return entry.first > spec.replica_count; }));
  report.fields["readerEndpoints"] = readers;
  const bool replicas_ready = available == spec.replica_count && extra == 0;
  std::string replica_message = std::to_string(available) + "/" +
                                std::to_string(spec.replica_count) + " read replicas available";
  if (extra > 0) replica_message += ", " + std::to_string(extra) + " being removed";
  report.conditions.push_back({"ReplicasReady", replicas_ready ? True() : False(),
                               replicas_ready ? "ReplicasAvailable" : "ReplicasConverging",
                               replica_message});

  // Disaster recovery.
  if (spec.disaster_recovery.enabled) {
    const bool dr_ready =
        observed.disaster_recovery &&
        ClassifyInstanceStatus(StatusOf(*observed.disaster_recovery)).health == Health::kAvailable;
    report.conditions.push_back(
        {"DisasterRecoveryReady", dr_ready ? True() : False(),
         dr_ready
             ? "ReplicaAvailable"
             : (observed.disaster_recovery ? ReasonFromStatus(StatusOf(*observed.disaster_recovery))
                                           : "ReplicaMissing"),
         "disaster-recovery replica " + DisasterRecoveryIdentifier(spec) + " in " +
             spec.disaster_recovery.region + " is " +
             (observed.disaster_recovery ? StatusOf(*observed.disaster_recovery)
                                         : std::string("not created yet"))});
  } else if (!observed.disaster_recovery) {
    report.remove_conditions.push_back("DisasterRecoveryReady");
  }

  report.conditions.push_back(
      {"Synced", input.sync.synced ? True() : False(), input.sync.reason, input.sync.message});
  if (report.phase == kPhaseAvailable &&
      (!input.sync.synced || !replicas_ready ||
       (spec.disaster_recovery.enabled && !observed.disaster_recovery) ||
       (!spec.disaster_recovery.enabled && observed.disaster_recovery))) {
    report.phase = kPhaseModifying;
  }
  return report;
}

StatusReport InvalidSpecReport(const Status& error) {
  StatusReport report;
  report.phase = kPhaseFailed;
  report.conditions.push_back({"Synced", False(), "InvalidSpec", error.message()});
  report.conditions.push_back(
      {"Ready", False(), "InvalidSpec", "nothing is created until the spec is corrected"});
  return report;
}

StatusReport BlockedReport(std::string_view phase, const std::string& reason,
                           const std::string& message) {
  StatusReport report;
  report.phase = std::string(phase);
  report.conditions.push_back({"Synced", False(), reason, message});
  report.conditions.push_back({"Ready", False(), reason, message});
  return report;
}

StatusReport DeletingReport(const std::string& reason, const std::string& message, bool refused) {
  StatusReport report;
  report.phase = kPhaseDeleting;
  report.conditions.push_back({"Synced", refused ? False() : True(), reason, message});
  report.conditions.push_back({"Ready", False(), "Deleting", "the cluster is being deleted"});
  report.observed = false;
  return report;
}

}  // namespace po::controllers::database_cluster
