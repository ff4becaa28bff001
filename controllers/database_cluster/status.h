// What a DatabaseCluster reports: the health of an RDS instance status (busy, degraded with the
// remedy, fatal), and the StatusReport — phase, conditions Ready, Synced, Degraded,
// ReplicasReady, DisasterRecoveryReady, and the endpoint, reader endpoints, instances, ARN,
// version, latest restorable time and connection Secret — built from the observation and from
// what the reconcile did. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "controllers/common/status_report.h"
#include "controllers/database_cluster/observe.h"
#include "controllers/database_cluster/spec.h"

namespace po::controllers::database_cluster {

enum class Health {
  kAvailable,  // serving, accepts modifications
  kBusy,       // creating, modifying, backing-up, ...: wait, do not touch
  kDeleting,
  kDegraded,  // needs the user (storage-full, incompatible-parameters, ...); failover cannot fix
  kFatal,     // RDS gave up on it (failed, inaccessible-encryption-credentials, ...)
};

struct HealthInfo {
  Health health = Health::kBusy;
  bool serving = false;  // the endpoint accepts connections in this status
  std::string remedy;    // for kDegraded and kFatal: what to do
};

// Classifies an RDS DB instance status ("available", "storage-full", ...). Unknown statuses are
// kBusy (wait and look again).
HealthInfo ClassifyInstanceStatus(const std::string& status);

// "storage-full" → "StorageFull" (a condition reason).
std::string ReasonFromStatus(const std::string& status);

// The spec-applied verdict of a reconcile (condition Synced).
struct SyncState {
  bool synced = true;
  std::string reason = "Synced";
  std::string message = "the spec is applied";
};

struct ReportInput {
  const ClusterSpec* spec = nullptr;
  const Observation* observed = nullptr;
  SyncState sync;
  bool just_created = false;      // the primary was requested in this reconcile
  std::string connection_secret;  // "" while not written
};

StatusReport BuildReport(const ReportInput& input);

// An invalid spec: phase Failed, Synced False (InvalidSpec) with the message.
StatusReport InvalidSpecReport(const Status& error);
// Something blocks the cluster before any AWS change (adoption not allowed, another owner):
// phase Pending or Failed, Synced False with `reason` and `message`.
StatusReport BlockedReport(std::string_view phase, const std::string& reason,
                           const std::string& message);
// Deletion in progress (or refused, with Synced False and `reason`).
StatusReport DeletingReport(const std::string& reason, const std::string& message, bool refused);

// status.instances[] for the observation.
nlohmann::json InstancesField(const ClusterSpec& spec, const Observation& observed);

}  // namespace po::controllers::database_cluster
