// Deletes a DatabaseCluster's RDS instances under its deletion policy, behind the finalizer:
// Retain leaves them; Snapshot and Delete remove the replicas and the disaster-recovery replica
// first, then the primary (with a deterministically named final snapshot for Snapshot), and
// refuse while deletion protection is asked for; the subnet group made from subnetIds goes last.
// Every step looks at what exists first, so a crash at any point resumes without duplicates or
// leftovers.
#include "controllers/common/ownership.h"
#include "controllers/database_cluster/reconciler.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::database_cluster {
namespace {

using nlohmann::json;
using runtime::ReconcileResult;

bool Ours(const aws::rds::DBInstance& instance, const json& object) {
  TagMap tags;
  for (const auto& tag : instance.TagList) tags[tag.Key] = tag.Value;
  return ClassifyOwnership(tags, object) == Ownership::kOurs;
}

bool Deleting(const aws::rds::DBInstance& instance) {
  return ClassifyInstanceStatus(instance.DBInstanceStatus.value_or("")).health == Health::kDeleting;
}

}  // namespace

ReconcileResult DatabaseClusterReconciler::Finalize(const json& object,
                                                    runtime::ReconcileContext& context) {
  const std::string ns = kube::NamespaceOf(object);
  const std::string name = kube::NameOf(object);
  const std::string key = kube::ObjectKey(ns, name);
  if (!runtime::HasFinalizer(object, kFinalizer)) return ReconcileResult::Done();
  const ClusterSpec spec = ReadSpec(object);

  auto finish = [&](const std::string& message) -> ReconcileResult {
    auto removed = runtime::RemoveFinalizer(d_.status, d_.clock, {ns, name}, kFinalizer, &object);
    if (!removed.ok() && removed.status().code() != StatusCode::kNotFound) {
      return ReconcileResult::RetryableError(
          removed.status().WithContext("while removing the finalizer"));
    }
    d_.events.Normal(object, "Deleted", message);
    d_.metrics.Forget(ns, name);
    d_.backoff.Reset(key);
    context.log().Info("finalized",
                       {{"policy", std::string(DeletionPolicyName(spec.deletion_policy))}});
    return ReconcileResult::Done();
  };

  if (spec.deletion_policy == DeletionPolicy::kRetain) {
    return finish("deletionPolicy Retain: the RDS instances of " + spec.identifier +
                  " are left running");
  }

  auto observed = Observe(spec, object);
  if (!observed.ok()) return ReconcileResult::RetryableError(observed.status());
  Observation& o = *observed;

  if (spec.deletion_protection) {
    const std::string message =
        "deletion refused: spec.deletionProtection is true, so RDS would refuse to delete " +
        spec.identifier + " (deletionPolicy " +
        std::string(DeletionPolicyName(spec.deletion_policy)) +
        "). Set spec.deletionProtection to false to delete it, or deletionPolicy to Retain to "
        "keep it and let the object go";
    d_.events.Warning(object, "DeletionProtected", message);
    auto written = Write(object, DeletingReport("DeletionProtected", message, /*refused=*/true));
    if (written.kind() != ReconcileResult::Kind::kDone) return written;
    return ReconcileResult::Done();  // a spec change brings it back
  }

  bool acted = false;  // an AWS change was requested in this round: the next wait starts short
  auto wait = [&](const std::string& reason, const std::string& message) -> ReconcileResult {
    if (acted) d_.backoff.Reset(key);
    auto written = Write(object, DeletingReport(reason, message, /*refused=*/false));
    if (written.kind() != ReconcileResult::Kind::kDone) return written;
    return ReconcileResult::RequeueAfter(d_.backoff.Next(key));
  };
  auto failed = [&](const std::string& what, const aws::AwsError& error) -> ReconcileResult {
    const std::string message = what + ": " + error.code + ": " + error.message;
    d_.events.Warning(object, "DeleteFailed", message);
    (void)Write(object, DeletingReport("DeleteFailed", message, /*refused=*/false));
    return ReconcileResult::RetryableError(Unavailable(message));
  };

  // Replicas and the disaster-recovery replica go first: RDS promotes the replicas of a deleted
  // source instead of deleting them.
  int remaining = 0;
  auto delete_replica = [&](const aws::rds::DBInstance& instance, const std::string& region,
                            const std::string& reason) -> std::optional<ReconcileResult> {
    if (!Ours(instance, object)) return std::nullopt;
    ++remaining;
    if (Deleting(instance)) return std::nullopt;
    const std::string id = instance.DBInstanceIdentifier.value_or("");
    auto deleted = d_.rds.DeleteDBInstance(region, DeleteReplicaRequest(id));
    acted = true;
    d_.observer.MarkStale(region);
    if (!deleted.ok() && !deleted.IsError("DBInstanceNotFound") &&
        !deleted.IsError("InvalidDBInstanceState")) {
      return failed("deleting " + id, deleted.error());
    }
    if (deleted.ok()) d_.events.Normal(object, reason, "deleted " + id + " in " + region);
    return std::nullopt;
  };
  for (auto it = o.replicas.rbegin(); it != o.replicas.rend(); ++it) {
    if (auto r = delete_replica(it->second, spec.region, "ReplicaRemoved")) return *r;
  }
  if (o.disaster_recovery) {
    if (auto r = delete_replica(*o.disaster_recovery, o.disaster_recovery_region,
                                "DisasterRecoveryReplicaRemoved")) {
      return *r;
    }
  }
  if (remaining > 0) {
    return wait("DeletingReplicas",
                "waiting for " + std::to_string(remaining) + " replica(s) to be deleted");
  }

  if (o.primary && Ours(*o.primary, object)) {
    const aws::rds::DBInstance& primary = *o.primary;
    if (Deleting(primary)) return wait("DeletingPrimary", spec.identifier + " is being deleted");
    if (primary.DeletionProtection.value_or(false)) {
      // The spec no longer asks for protection but RDS still has it: lift it first.
      aws::rds::ModifyDBInstanceMessage m;
      m.DBInstanceIdentifier = spec.identifier;
      m.DeletionProtection = false;
      m.ApplyImmediately = true;
      auto modified = d_.rds.ModifyDBInstance(spec.region, m);
      acted = true;
      d_.observer.MarkStale(spec.region);
      if (!modified.ok()) return failed("turning off deletion protection", modified.error());
      d_.events.Normal(object, "Modified",
                       "turned off deletion protection on " + spec.identifier + " to delete it");
      return wait("DeletingPrimary", "turned off deletion protection on " + spec.identifier);
    }
    aws::rds::DeleteDBInstanceMessage request = DeletePrimaryRequest(spec);
    auto deleted = d_.rds.DeleteDBInstance(spec.region, request);
    if (deleted.IsError("DBSnapshotAlreadyExists")) {
      // An earlier round took the final snapshot and crashed before the instance went: keep it.
      request.SkipFinalSnapshot = true;
      request.FinalDBSnapshotIdentifier.reset();
      deleted = d_.rds.DeleteDBInstance(spec.region, request);
    }
    acted = true;
    d_.observer.MarkStale(spec.region);
    if (!deleted.ok() && !deleted.IsError("DBInstanceNotFound")) {
      return failed("deleting " + spec.identifier, deleted.error());
    }
    if (deleted.ok()) {
      d_.events.Normal(object, "DeletingPrimary",
                       "deleting " + spec.identifier +
                           (request.FinalDBSnapshotIdentifier
                                ? " with final snapshot " + *request.FinalDBSnapshotIdentifier
                                : std::string(" without a final snapshot")));
    }
    return wait("DeletingPrimary", "deleting " + spec.identifier);
  }
  if (!spec.subnet_ids.empty()) {
    // The subnet group the operator made from spec.network.subnetIds goes with the instances.
    auto deleted = d_.rds.DeleteDBSubnetGroup(spec.region, {SubnetGroupName(spec)});
    if (!deleted.ok() && !deleted.IsError("DBSubnetGroupNotFoundFault")) {
      return failed("deleting subnet group " + SubnetGroupName(spec), deleted.error());
    }
    if (deleted.ok()) {
      d_.events.Normal(object, "SubnetGroupDeleted",
                       "deleted DB subnet group " + SubnetGroupName(spec));
    }
  }
  return finish(spec.deletion_policy == DeletionPolicy::kSnapshot
                    ? "deleted " + spec.identifier + " after final snapshot " +
                          FinalSnapshotIdentifier(spec)
                    : "deleted " + spec.identifier + " without a final snapshot");
}

}  // namespace po::controllers::database_cluster
