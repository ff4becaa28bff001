// CacheClusterReconciler::Delete: deletionPolicy (final snapshot, delete, retain), the owned
// subnet group, then the finalizer; idempotent.
#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/reconciler.h"
#include "controllers/cache_cluster/reconciler_support.h"
#include "controllers/cache_cluster/status.h"
#include "controllers/common/ownership.h"
#include "operator/kube/event_correlator.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::cache_cluster {

namespace ec = aws::elasticache;
using nlohmann::json;
using runtime::ReconcileResult;

ReconcileResult CacheClusterReconciler::Delete(Round& round) {
  const runtime::ObjectKey key{round.request.ns, round.request.name};
  if (!runtime::HasFinalizer(round.object, kFinalizer)) return ReconcileResult::Done();
  auto release = [&](const std::string& reason, const std::string& message) {
    auto removed =
        runtime::RemoveFinalizer(deps_.status, deps_.clock, key, kFinalizer, &round.object);
    if (!removed.ok() && removed.status().code() != StatusCode::kNotFound) {
      return ReconcileResult::RetryableError(
          removed.status().WithContext("while removing the finalizer"));
    }
    Event(round, kube::EventType::kNormal, reason, message);
    deps_.metrics.Forget(round.request.ns, round.request.name);
    deps_.backoff.Reset(round.key);
    ForgetKey(round.key);
    return ReconcileResult::Done();
  };

  if (round.spec.deletion_policy == DeletionPolicy::kRetain) {
    return release("Retained", "deletionPolicy Retain: replication group " + round.group_id +
                                   " is left running");
  }
  auto lookup = deps_.groups.Find(round.spec.region, round.group_id);
  if (!lookup.ok()) {
    return ReconcileResult::RetryableError(
        lookup.status().WithContext("while observing replication group " + round.group_id));
  }
  const bool own_subnet_group = !round.spec.subnet_ids.empty();
  if (!lookup->group) {
    if (ObservedBeforeLastAction(round.key, lookup->fetch_started)) {
      return ReconcileResult::RequeueAfter(options_.settle);
    }
    if (own_subnet_group) {
      // The subnet group can go only once no replication group uses it.
      ec::DeleteCacheSubnetGroupMessage request;
      request.CacheSubnetGroupName = round.group_id;
      auto deleted = deps_.api.DeleteCacheSubnetGroup(round.spec.region, request);
      if (!deleted.ok() && deleted.error().code.rfind("CacheSubnetGroupNotFound", 0) != 0) {
        if (deleted.error().code == "CacheSubnetGroupInUse") {
          return ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key));
        }
        return ReconcileResult::RetryableError(deleted.error().ToStatus().WithContext(
            "while deleting cache subnet group " + round.group_id));
      }
    }
    return release("Deleted", "replication group " + round.group_id + " is gone");
  }
  const ec::ReplicationGroup& group = *lookup->group;
  const std::string status = Observe(group).status;
  if (status == "deleting") {
    // With a subnet group of ours to remove, wait until the group is gone; otherwise the delete
    // is under way and cannot be undone.
    if (own_subnet_group) return ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key));
    return release("Deleted", "replication group " + round.group_id + " is being deleted");
  }
  if (ObservedBeforeLastAction(round.key, lookup->fetch_started)) {
    return ReconcileResult::RequeueAfter(options_.settle);
  }
  const Status owned = CheckOwnership(round, group);
  if (!owned.ok()) {
    if (owned.code() != StatusCode::kFailedPrecondition) {
      return ReconcileResult::RetryableError(owned);
    }
    return release("NotDeleted", owned.message() + "; left untouched");
  }

  StatusReport deleting;
  deleting.phase = std::string(kPhaseDeleting);
  deleting.conditions = {Cond(kConditionReady, false, "Deleting", "the CacheCluster is deleted")};
  if (status != "available" && status != "create-failed") {
    // ElastiCache deletes only settled groups; wait for the change in progress.
    return Report(round, std::move(deleting),
                  ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
  }
  ec::DeleteReplicationGroupMessage request;
  request.ReplicationGroupId = round.group_id;
  std::string snapshot;
  if (round.spec.deletion_policy == DeletionPolicy::kSnapshot && status == "available") {
    // One name per CacheCluster object, so a retried delete asks for the same snapshot.
    snapshot = round.group_id + "-final-" + kube::UidOf(round.object).substr(0, 8);
    request.FinalSnapshotIdentifier = snapshot;
  }
  auto deleted = deps_.api.DeleteReplicationGroup(round.spec.region, request);
  if (!deleted.ok() && deleted.error().code.rfind("SnapshotAlreadyExists", 0) == 0) {
    // Our final snapshot exists from an earlier attempt: delete without taking another.
    request.FinalSnapshotIdentifier.reset();
    deleted = deps_.api.DeleteReplicationGroup(round.spec.region, request);
  }
  if (!deleted.ok()) {
    if (deleted.error().code.rfind("ReplicationGroupNotFound", 0) == 0) {
      return release("Deleted", "replication group " + round.group_id + " is gone");
    }
    if (deleted.error().code == "InvalidReplicationGroupState" ||
        deleted.error().code == "InvalidReplicationGroupStateFault") {
      return Report(round, std::move(deleting),
                    ReconcileResult::RequeueAfter(deps_.backoff.Next(round.key)));
    }
    Event(round, kube::EventType::kWarning, "DeleteFailed",
          deleted.error().code + ": " + deleted.error().message);
    return ReconcileResult::RetryableError(
        deleted.error().ToStatus().WithContext("while deleting " + round.group_id));
  }
  NoteAction(round.key, round.spec.region);
  Event(round, kube::EventType::kNormal, "Deleting",
        "deleting replication group " + round.group_id +
            (snapshot.empty() ? " without a final snapshot" : " after final snapshot " + snapshot));
  return Report(round, std::move(deleting), ReconcileResult::RequeueAfter(options_.settle));
}

}  // namespace po::controllers::cache_cluster
