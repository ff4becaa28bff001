// Converges a DatabaseCluster: observe → gate → act → report.
#include "controllers/database_cluster/reconciler.h"

#include <sstream>

#include "controllers/common/ownership.h"
#include "controllers/database_cluster/credentials.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::database_cluster {
namespace {

using nlohmann::json;
using runtime::ReconcileResult;

std::string Join(const std::vector<std::string>& items, const std::string& separator = "; ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

TagMap TagsOf(const aws::rds::DBInstance& instance) {
  TagMap tags;
  for (const auto& tag : instance.TagList) tags[tag.Key] = tag.Value;
  return tags;
}

std::string StatusOf(const aws::rds::DBInstance& instance) {
  return instance.DBInstanceStatus.value_or("unknown");
}

// AWS errors retrying cannot fix (the request itself is wrong for this account or region).
bool IsTerminalAwsError(const aws::AwsError& error) {
  static const std::set<std::string, std::less<>> kTerminal = {"InvalidParameterCombination",
                                                               "InvalidParameterValue",
                                                               "KMSKeyNotAccessibleFault",
                                                               "DBSubnetGroupNotFoundFault",
                                                               "DBSnapshotNotFound",
                                                               "InvalidSubnet",
                                                               "InvalidVPCNetworkStateFault",
                                                               "StorageTypeNotSupported",
                                                               "DBSubnetGroupDoesNotCoverEnoughAZs",
                                                               "OptInRequired",
                                                               "PointInTimeRestoreNotEnabled"};
  return !error.retryable && kTerminal.contains(error.code);
}

Status ActionError(const std::string& action, const aws::AwsError& error) {
  return Status(IsTerminalAwsError(error) ? StatusCode::kInvalidArgument : error.ToStatus().code(),
                action + ": " + error.code + ": " + error.message);
}

// The settings an identical modification would be computed from, to tell "RDS has not reflected
// it yet" from "it changed again".
std::string ObservedSignature(const aws::rds::DBInstance& o) {
  std::ostringstream s;
  const auto p = o.PendingModifiedValues.value_or(aws::rds::PendingModifiedValues{});
  s << o.DBInstanceClass.value_or("") << '|' << o.EngineVersion.value_or("") << '|'
    << o.AllocatedStorage.value_or(-1) << '|' << o.MaxAllocatedStorage.value_or(-1) << '|'
    << o.StorageType.value_or("") << '|' << o.Iops.value_or(-1) << '|' << o.MultiAZ.value_or(false)
    << '|' << o.BackupRetentionPeriod.value_or(-1) << '|' << o.PreferredBackupWindow.value_or("")
    << '|' << o.PreferredMaintenanceWindow.value_or("") << '|'
    << o.PubliclyAccessible.value_or(false) << '|' << o.DeletionProtection.value_or(false) << '|';
  for (const auto& g : o.VpcSecurityGroups) s << g.VpcSecurityGroupId.value_or("") << ',';
  s << '|' << p.DBInstanceClass.value_or("") << '|' << p.EngineVersion.value_or("") << '|'
    << p.AllocatedStorage.value_or(-1) << '|' << p.MultiAZ.value_or(false) << '|'
    << p.BackupRetentionPeriod.value_or(-1) << '|' << p.StorageType.value_or("") << '|'
    << p.Iops.value_or(-1);
  return s.str();
}

}  // namespace

kube::ResourceRef DatabaseClusters() {
  return {"platform.startup-metrics.com", "v1alpha1", "databaseclusters", "DatabaseCluster", true};
}

std::string Fingerprint(const aws::rds::ModifyDBInstanceMessage& m) {
  std::ostringstream s;
  auto opt = [&](const char* name, const auto& value) {
    if (value) s << name << '=' << *value << ';';
  };
  s << m.DBInstanceIdentifier << ';';
  opt("class", m.DBInstanceClass);
  opt("version", m.EngineVersion);
  opt("major", m.AllowMajorVersionUpgrade);
  opt("storage", m.AllocatedStorage);
  opt("max", m.MaxAllocatedStorage);
  opt("type", m.StorageType);
  opt("iops", m.Iops);
  opt("multiaz", m.MultiAZ);
  opt("retention", m.BackupRetentionPeriod);
  opt("backup", m.PreferredBackupWindow);
  opt("maintenance", m.PreferredMaintenanceWindow);
  opt("public", m.PubliclyAccessible);
  opt("protection", m.DeletionProtection);
  opt("immediately", m.ApplyImmediately);
  for (const auto& g : m.VpcSecurityGroupIds) s << "sg=" << g << ';';
  s << (m.MasterUserPassword ? "password;" : "");
  return s.str();
}

struct DatabaseClusterReconciler::Round {
  json object;
  ClusterSpec spec;
  Observation observed;
  Credentials credentials;
  SyncState sync;
  bool busy = false;          // something is in progress: look again with the growing wait
  bool just_created = false;  // the primary was requested in this round
  bool acted = false;         // an AWS change was requested: a new wait begins

  void NotSynced(const std::string& reason, const std::string& message) {
    if (sync.synced) sync = SyncState{false, reason, message};
  }
};

bool DatabaseClusterReconciler::ShouldSend(const std::string& key, const std::string& fingerprint) {
  std::lock_guard lock(mu_);
  const auto now = d_.clock.Now();
  auto it = sent_.find(key);
  if (it != sent_.end() && it->second.fingerprint == fingerprint &&
      now - it->second.at < options_.modify_memory) {
    return false;
  }
  sent_[key] = SentModify{fingerprint, now};
  return true;
}

bool DatabaseClusterReconciler::RecentlyCreated(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = created_.find(key);
  if (it == created_.end()) return false;
  if (d_.clock.Now() - it->second < options_.create_memory) return true;
  created_.erase(it);
  return false;
}

void DatabaseClusterReconciler::NoteCreated(const std::string& key) {
  std::lock_guard lock(mu_);
  created_[key] = d_.clock.Now();
}

ReconcileResult DatabaseClusterReconciler::Reconcile(const runtime::Request& request,
                                                     runtime::ReconcileContext& context) {
  auto got = d_.client.Get(DatabaseClusters(), request.ns, request.name);
  if (!got.ok()) {
    if (got.status().code() == StatusCode::kNotFound) {
      d_.metrics.Forget(request.ns, request.name);
      d_.backoff.Reset(request.Key());
      return ReconcileResult::Done();
    }
    return ReconcileResult::RetryableError(got.status().WithContext("while reading the object"));
  }
  const json& metadata = (*got)["metadata"];
  if (metadata.contains("deletionTimestamp") && !metadata["deletionTimestamp"].is_null()) {
    return Finalize(*got, context);
  }
  return Converge(std::move(*got), context);
}

Result<Observation> DatabaseClusterReconciler::Observe(const ClusterSpec& spec,
                                                       const json& object) {
  PO_ASSIGN_OR_RETURN(auto primary_region, d_.observer.Snapshot(spec.region));
  std::optional<std::string> dr_region;
  if (spec.disaster_recovery.enabled) {
    dr_region = spec.disaster_recovery.region;
  } else {
    dr_region = ReportedDisasterRecoveryRegion(object);
  }
  std::shared_ptr<const Instances> dr;
  if (dr_region && *dr_region != spec.region) {
    PO_ASSIGN_OR_RETURN(dr, d_.observer.Snapshot(*dr_region));
  }
  return SelectInstances(spec, *primary_region, dr.get(), dr ? *dr_region : std::string());
}

runtime::ReconcileResult DatabaseClusterReconciler::Write(const json& object,
                                                          const StatusReport& report,
                                                          const std::string& connection_secret) {
  StatusReport full = report;
  if (!connection_secret.empty()) full.fields["connectionSecret"] = connection_secret;
  auto written = WriteStatusReport(d_.status, d_.clock, object, full);
  if (!written.ok()) {
    return ReconcileResult::RetryableError(written.status().WithContext("while writing status"));
  }
  return ReconcileResult::Done();
}

void DatabaseClusterReconciler::ReportStatusChanges(const json& object, const ClusterSpec& spec,
                                                    const Observation& observed) {
  std::map<std::string, std::string> before;
  if (object.contains("status") && object["status"].is_object() &&
      object["status"].contains("instances") && object["status"]["instances"].is_array()) {
    for (const auto& entry : object["status"]["instances"]) {
      if (entry.is_object()) before[entry.value("identifier", "")] = entry.value("status", "");
    }
  }
  auto check = [&](const aws::rds::DBInstance& instance, Role role) {
    const std::string id = instance.DBInstanceIdentifier.value_or("");
    const std::string now = StatusOf(instance);
    auto it = before.find(id);
    if (it == before.end() || it->second == now) return;
    const HealthInfo info = ClassifyInstanceStatus(now);
    const std::string who = RoleName(role) + " " + id;
    if (info.health == Health::kAvailable) {
      d_.events.Normal(object, "BecameAvailable", who + " is available (was " + it->second + ")");
    } else if (info.health == Health::kDegraded || info.health == Health::kFatal) {
      d_.events.Warning(object, "BecameDegraded", who + " is " + now + ": " + info.remedy);
    } else {
      d_.events.Normal(object, "StatusChanged", who + " is " + now + " (was " + it->second + ")");
    }
  };
  if (observed.primary) check(*observed.primary, Role::kPrimary);
  for (const auto& [index, replica] : observed.replicas) check(replica, Role::kReplica);
  if (observed.disaster_recovery) check(*observed.disaster_recovery, Role::kDisasterRecovery);
  (void)spec;
}

Status DatabaseClusterReconciler::CreatePrimary(Round& r) {
  const ClusterSpec& spec = r.spec;
  const std::string created_key = spec.region + "/" + spec.identifier;
  if (RecentlyCreated(created_key)) {
    r.just_created = true;
    r.busy = true;
    r.NotSynced("Creating", "waiting for the new primary " + spec.identifier + " to appear");
    return Status::Ok();
  }
  if (!spec.subnet_ids.empty()) {
    aws::rds::DescribeDBSubnetGroupsMessage describe;
    describe.DBSubnetGroupName = SubnetGroupName(spec);
    auto found = d_.rds.DescribeDBSubnetGroups(spec.region, describe);
    if (!found.ok()) {
      if (!found.IsError("DBSubnetGroupNotFoundFault")) {
        return ActionError("describing subnet group " + SubnetGroupName(spec), found.error());
      }
      auto created = d_.rds.CreateDBSubnetGroup(spec.region, SubnetGroupRequest(spec));
      if (!created.ok() && !created.IsError("DBSubnetGroupAlreadyExists")) {
        return ActionError("creating subnet group " + SubnetGroupName(spec), created.error());
      }
      d_.events.Normal(r.object, "SubnetGroupCreated",
                       "created DB subnet group " + SubnetGroupName(spec));
    }
  }

  std::string what;
  aws::Outcome<aws::rds::DBInstance> created = aws::AwsError{};
  if (spec.restore && spec.restore->from_snapshot) {
    created = d_.rds.RestoreDBInstanceFromDBSnapshot(spec.region, RestoreFromSnapshotRequest(spec));
    what = "restored RDS instance " + spec.identifier + " from snapshot " +
           *spec.restore->from_snapshot;
  } else if (spec.restore && spec.restore->point_in_time) {
    created = d_.rds.RestoreDBInstanceToPointInTime(spec.region, RestoreToPointInTimeRequest(spec));
    const auto& p = *spec.restore->point_in_time;
    what = "restored RDS instance " + spec.identifier + " from " + p.source_identifier + " at " +
           (p.latest ? std::string("the latest restorable time") : p.time.value_or(""));
  } else {
    created =
        d_.rds.CreateDBInstance(spec.region, CreatePrimaryRequest(spec, r.credentials.password));
    what = "created RDS instance " + spec.identifier + " (postgres " + spec.engine_version + ", " +
           spec.instance_class + ", " + spec.region + (spec.multi_az ? ", Multi-AZ" : "") + ")";
  }
  r.acted = true;
  d_.observer.MarkStale(spec.region);
  if (!created.ok()) {
    // Created by an earlier round whose answer was lost: the next observation finds it.
    if (created.IsError("DBInstanceAlreadyExists")) return Status::Ok();
    return ActionError("creating the primary " + spec.identifier, created.error());
  }
  NoteCreated(created_key);
  d_.events.Normal(r.object, spec.restore ? "Restored" : "Created", what);
  r.just_created = true;
  r.busy = true;
  r.NotSynced("Creating", what + "; waiting for it to become available");
  return Status::Ok();
}

Status DatabaseClusterReconciler::ConvergeInstance(Round& r, const DesiredInstance& desired,
                                                   const aws::rds::DBInstance& observed) {
  const InstanceDiff diff = Diff(desired, observed, r.spec.apply_immediately);
  if (!diff.tags.empty() && observed.DBInstanceArn) {
    auto tagged = d_.rds.AddTagsToResource(desired.region, {*observed.DBInstanceArn, diff.tags});
    if (!tagged.ok()) return ActionError("tagging " + desired.identifier, tagged.error());
    std::vector<std::string> keys;
    for (const auto& t : diff.tags) keys.push_back(t.Key);
    d_.events.Normal(r.object, "Tagged",
                     "set tags " + Join(keys, ", ") + " on " + desired.identifier);
    r.acted = true;
    d_.observer.MarkStale(desired.region);
  }
  if (diff.modify) {
    const std::string key = desired.region + "/" + desired.identifier;
    const std::string changes = Join(diff.changes);
    if (ShouldSend(key, Fingerprint(*diff.modify) + "#" + ObservedSignature(observed))) {
      auto modified = d_.rds.ModifyDBInstance(desired.region, *diff.modify);
      if (!modified.ok()) {
        std::lock_guard lock(mu_);
        sent_.erase(key);  // not sent: may go again
        return ActionError("modifying " + desired.identifier, modified.error());
      }
      r.acted = true;
      d_.observer.MarkStale(desired.region);
      const std::string when =
          r.spec.apply_immediately ? "applied immediately" : "applied in the maintenance window";
      d_.events.Normal(r.object, "Modified",
                       "modified " + desired.identifier + ": " + changes + " (" + when + ")");
      r.busy = true;
      r.NotSynced(r.spec.apply_immediately ? "Modifying" : "PendingMaintenanceWindow",
                  "requested " + changes + " on " + desired.identifier + " (" + when + ")");
    } else {
      r.busy = true;
      r.NotSynced("WaitingForRds", "RDS has not reflected the requested " + changes + " on " +
                                       desired.identifier + " yet");
    }
  }
  if (!diff.refused.empty()) r.NotSynced("ChangeRefused", Join(diff.refused));
  return Status::Ok();
}

Status DatabaseClusterReconciler::RotatePassword(Round& r) {
  PO_ASSIGN_OR_RETURN(auto published, PublishedPassword(d_.client, r.spec));
  if (published && *published == r.credentials.password) return Status::Ok();
  aws::rds::ModifyDBInstanceMessage m;
  m.DBInstanceIdentifier = r.spec.identifier;
  m.MasterUserPassword = r.credentials.password;
  m.ApplyImmediately = true;
  auto modified = d_.rds.ModifyDBInstance(r.spec.region, m);
  if (!modified.ok()) return ActionError("setting the master password", modified.error());
  r.acted = true;
  d_.observer.MarkStale(r.spec.region);
  d_.events.Normal(r.object, published ? "PasswordRotated" : "PasswordSet",
                   "applied the master password from Secret " + CredentialsSecretName(r.spec) +
                       " to " + r.spec.identifier);
  return Status::Ok();
}

Status DatabaseClusterReconciler::ConvergeReplicas(Round& r) {
  const ClusterSpec& spec = r.spec;
  for (int index = 1; index <= spec.replica_count; ++index) {
    auto it = r.observed.replicas.find(index);
    if (it != r.observed.replicas.end()) {
      const HealthInfo info = ClassifyInstanceStatus(StatusOf(it->second));
      if (info.health == Health::kAvailable) {
        PO_RETURN_IF_ERROR(ConvergeInstance(r, DesiredReplica(spec, index), it->second));
      } else if (info.health == Health::kBusy || info.health == Health::kDeleting) {
        r.busy = true;
      }
      continue;
    }
    const std::string id = ReplicaIdentifier(spec, index);
    auto created =
        d_.rds.CreateDBInstanceReadReplica(spec.region, CreateReplicaRequest(spec, index));
    r.acted = true;
    d_.observer.MarkStale(spec.region);
    if (!created.ok() && !created.IsError("DBInstanceAlreadyExists")) {
      return ActionError("creating read replica " + id, created.error());
    }
    if (created.ok()) {
      NoteCreated(spec.region + "/" + id);
      d_.events.Normal(r.object, "ReplicaAdded", "created read replica " + id);
    }
  }
  // Scale down: the highest-numbered replicas go.
  for (auto it = r.observed.replicas.rbegin(); it != r.observed.replicas.rend(); ++it) {
    if (it->first <= spec.replica_count) break;
    const std::string id = it->second.DBInstanceIdentifier.value_or("");
    r.busy = true;
    r.NotSynced("RemovingReplicas", "deleting read replica " + id);
    if (ClassifyInstanceStatus(StatusOf(it->second)).health == Health::kDeleting) continue;
    auto deleted = d_.rds.DeleteDBInstance(spec.region, DeleteReplicaRequest(id));
    r.acted = true;
    d_.observer.MarkStale(spec.region);
    if (!deleted.ok() && !deleted.IsError("DBInstanceNotFound")) {
      return ActionError("deleting read replica " + id, deleted.error());
    }
    if (deleted.ok()) d_.events.Normal(r.object, "ReplicaRemoved", "deleted read replica " + id);
  }
  return Status::Ok();
}

Status DatabaseClusterReconciler::ConvergeDisasterRecovery(Round& r) {
  const ClusterSpec& spec = r.spec;
  const std::string id = DisasterRecoveryIdentifier(spec);
  if (spec.disaster_recovery.enabled) {
    const std::string& region = spec.disaster_recovery.region;
    if (r.observed.disaster_recovery) {
      const HealthInfo info = ClassifyInstanceStatus(StatusOf(*r.observed.disaster_recovery));
      if (info.health == Health::kAvailable) {
        return ConvergeInstance(r, DesiredDisasterRecovery(spec), *r.observed.disaster_recovery);
      }
      if (info.health == Health::kBusy || info.health == Health::kDeleting) r.busy = true;
      return Status::Ok();
    }
    if (!r.observed.primary || !r.observed.primary->DBInstanceArn) return Status::Ok();
    r.busy = true;
    r.NotSynced("AddingDisasterRecoveryReplica",
                "creating disaster-recovery replica " + id + " in " + region);
    if (RecentlyCreated(region + "/" + id)) return Status::Ok();
    auto created = d_.rds.CreateDBInstanceReadReplica(
        region, CreateDisasterRecoveryRequest(spec, *r.observed.primary->DBInstanceArn));
    r.acted = true;
    d_.observer.MarkStale(region);
    if (!created.ok() && !created.IsError("DBInstanceAlreadyExists")) {
      return ActionError("creating the disaster-recovery replica " + id + " in " + region,
                         created.error());
    }
    if (created.ok()) {
      NoteCreated(region + "/" + id);
      d_.events.Normal(r.object, "DisasterRecoveryReplicaAdded",
                       "created disaster-recovery replica " + id + " in " + region);
    }
    return Status::Ok();
  }
  if (!r.observed.disaster_recovery) return Status::Ok();
  const std::string& region = r.observed.disaster_recovery_region;
  r.busy = true;
  r.NotSynced("RemovingDisasterRecoveryReplica",
              "deleting disaster-recovery replica " + id + " in " + region);
  if (ClassifyInstanceStatus(StatusOf(*r.observed.disaster_recovery)).health == Health::kDeleting) {
    return Status::Ok();
  }
  auto deleted = d_.rds.DeleteDBInstance(region, DeleteReplicaRequest(id));
  r.acted = true;
  d_.observer.MarkStale(region);
  if (!deleted.ok() && !deleted.IsError("DBInstanceNotFound")) {
    return ActionError("deleting the disaster-recovery replica " + id, deleted.error());
  }
  if (deleted.ok()) {
    d_.events.Normal(r.object, "DisasterRecoveryReplicaRemoved",
                     "deleted disaster-recovery replica " + id + " in " + region);
  }
  return Status::Ok();
}

ReconcileResult DatabaseClusterReconciler::Converge(json object,
                                                    runtime::ReconcileContext& context) {
  const std::string ns = kube::NamespaceOf(object);
  const std::string name = kube::NameOf(object);
  const std::string key = kube::ObjectKey(ns, name);

  // Gate: a spec the schema let through but AWS would refuse is terminal, not retried.
  auto parsed = ParseSpec(object);
  if (!parsed.ok()) {
    d_.events.Warning(object, "InvalidSpec", parsed.status().message());
    d_.metrics.Observe(ns, name, "invalid-spec", false, 0);
    auto written = Write(object, InvalidSpecReport(parsed.status()));
    if (written.kind() != ReconcileResult::Kind::kDone) return written;
    return ReconcileResult::TerminalError(parsed.status());
  }

  auto with_finalizer =
      runtime::EnsureFinalizer(d_.status, d_.clock, {ns, name}, kFinalizer, &object);
  if (!with_finalizer.ok()) {
    return ReconcileResult::RetryableError(
        with_finalizer.status().WithContext("while adding the finalizer"));
  }
  Round r;
  r.object = std::move(*with_finalizer);
  r.spec = std::move(*parsed);

  // Observe.
  auto observed = Observe(r.spec, r.object);
  if (!observed.ok()) {
    context.log().Error("observing RDS failed", {{"error", observed.status().ToString()}});
    StatusReport report;
    report.conditions.push_back({"Synced", std::string(runtime::kConditionFalse), "AwsUnavailable",
                                 observed.status().message()});
    report.observed = false;
    (void)Write(r.object, report);
    return ReconcileResult::RetryableError(observed.status());
  }
  r.observed = std::move(*observed);

  // Gate: only our instances are touched; foreign ones only when the user opts in.
  std::vector<std::pair<aws::rds::DBInstance*, std::string>> ours;
  if (r.observed.primary) ours.push_back({&*r.observed.primary, r.spec.region});
  for (auto& [index, replica] : r.observed.replicas) ours.push_back({&replica, r.spec.region});
  if (r.observed.disaster_recovery) {
    ours.push_back({&*r.observed.disaster_recovery, r.observed.disaster_recovery_region});
  }
  for (auto& [instance, region] : ours) {
    const std::string id = instance->DBInstanceIdentifier.value_or("");
    switch (ClassifyOwnership(TagsOf(*instance), r.object)) {
      case Ownership::kOurs:
        break;
      case Ownership::kOtherOwner: {
        const TagMap tags = TagsOf(*instance);
        auto tag = [&](std::string_view key) {
          auto it = tags.find(std::string(key));
          return it == tags.end() ? std::string() : it->second;
        };
        if (tag(kTagKind) == "DatabaseCluster" && tag(kTagNamespace) == ns &&
            tag(kTagName) == name) {
          // Made for an earlier DatabaseCluster of this name (e.g. deleted with Retain): ours.
          if (!instance->DBInstanceArn) break;
          auto tagged = d_.rds.AddTagsToResource(region, {*instance->DBInstanceArn, Tags(r.spec)});
          if (!tagged.ok()) {
            return ReconcileResult::RetryableError(
                ActionError("tagging " + id + " for adoption", tagged.error()));
          }
          for (const auto& t : Tags(r.spec)) {
            std::erase_if(instance->TagList,
                          [&](const aws::rds::Tag& old) { return old.Key == t.Key; });
            instance->TagList.push_back(t);
          }
          r.acted = true;
          d_.observer.MarkStale(region);
          d_.events.Normal(r.object, "Adopted",
                           "adopted RDS instance " + id + " in " + region +
                               ", made for an earlier DatabaseCluster " + ns + "/" + name);
          break;
        }
        const std::string message =
            "RDS instance " + id + " in " + region + " belongs to DatabaseCluster " +
            (tags.contains(std::string(kTagNamespace)) ? tags.at(std::string(kTagNamespace))
                                                       : std::string("?")) +
            "/" +
            (tags.contains(std::string(kTagName)) ? tags.at(std::string(kTagName))
                                                  : std::string("?")) +
            "; choose another spec.identifier";
        d_.events.Warning(r.object, "OwnedByAnotherResource", message);
        d_.metrics.Observe(ns, name, "conflict", false, 0);
        auto written =
            Write(r.object, BlockedReport(kPhaseFailed, "OwnedByAnotherResource", message));
        if (written.kind() != ReconcileResult::Kind::kDone) return written;
        return ReconcileResult::TerminalError(FailedPrecondition(message));
      }
      case Ownership::kUnowned: {
        if (!AdoptionAllowed(r.object)) {
          const std::string message =
              "RDS instance " + id + " in " + region +
              " already exists and was not created by platform-operator; it is left untouched. "
              "To manage it, annotate this DatabaseCluster with " +
              std::string(kAdoptAnnotation) + "=true, or choose another spec.identifier";
          d_.events.Warning(r.object, "AdoptionRequired", message);
          d_.metrics.Observe(ns, name, "adoption-required", false, 0);
          auto written = Write(r.object, BlockedReport(kPhasePending, "AdoptionRequired", message));
          if (written.kind() != ReconcileResult::Kind::kDone) return written;
          return ReconcileResult::Done();  // the annotation's update brings it back
        }
        if (!instance->DBInstanceArn) break;
        auto tagged = d_.rds.AddTagsToResource(region, {*instance->DBInstanceArn, Tags(r.spec)});
        if (!tagged.ok()) {
          return ReconcileResult::RetryableError(
              ActionError("tagging " + id + " for adoption", tagged.error()));
        }
        for (const auto& tag : Tags(r.spec)) {
          std::erase_if(instance->TagList,
                        [&](const aws::rds::Tag& t) { return t.Key == tag.Key; });
          instance->TagList.push_back(tag);
        }
        r.acted = true;
        d_.observer.MarkStale(region);
        d_.events.Normal(r.object, "Adopted",
                         "adopted existing RDS instance " + id + " in " + region);
        break;
      }
    }
  }

  // Act.
  Status acted = Status::Ok();
  auto credentials = EnsureCredentials(d_.client, r.object, r.spec);
  if (!credentials.ok()) {
    if (credentials.status().code() == StatusCode::kFailedPrecondition) {
      d_.events.Warning(r.object, "CredentialsInvalid", credentials.status().message());
      auto written =
          Write(r.object, BlockedReport(r.observed.primary ? kPhaseDegraded : kPhasePending,
                                        "CredentialsInvalid", credentials.status().message()));
      if (written.kind() != ReconcileResult::Kind::kDone) return written;
      return ReconcileResult::RequeueAfter(options_.resync);
    }
    return ReconcileResult::RetryableError(credentials.status());
  }
  r.credentials = *credentials;
  if (r.credentials.generated) {
    d_.events.Normal(r.object, "PasswordGenerated",
                     "generated the master password into Secret " + CredentialsSecretName(r.spec));
  }

  bool publish = false;
  if (!r.observed.primary) {
    acted = CreatePrimary(r);
    publish = acted.ok() && r.just_created && !r.spec.restore;
  } else {
    ReportStatusChanges(r.object, r.spec, r.observed);
    const std::string status = StatusOf(*r.observed.primary);
    const HealthInfo info = ClassifyInstanceStatus(status);
    if (info.health == Health::kAvailable || status == "storage-full") {
      acted = ConvergeInstance(r, DesiredPrimary(r.spec), *r.observed.primary);
    } else if (info.health == Health::kBusy) {
      r.busy = true;
      r.NotSynced("Waiting", "waiting for the primary " + r.spec.identifier + " (" + status +
                                 ") before applying changes");
    } else if (info.health == Health::kDeleting) {
      r.busy = true;
      r.NotSynced("PrimaryDeleting", "the primary " + r.spec.identifier +
                                         " is being deleted outside the operator; it is created "
                                         "again once it is gone");
    } else {
      r.NotSynced(ReasonFromStatus(status), "changes wait until the primary " + r.spec.identifier +
                                                " recovers from " + status);
    }
    if (acted.ok() && info.health == Health::kAvailable) {
      acted = RotatePassword(r);
      if (acted.ok()) acted = ConvergeReplicas(r);
      if (acted.ok()) acted = ConvergeDisasterRecovery(r);
      publish = acted.ok();
    }
  }

  std::string connection_secret;
  if (publish) {
    const std::string secret = ConnectionSecretName(r.spec);
    auto applied = ApplyOwnedSecret(d_.client, r.object, secret,
                                    ConnectionSecretData(r.spec, r.observed, r.credentials),
                                    {{"app.kubernetes.io/managed-by", "platform-operator"},
                                     {"app.kubernetes.io/component", "database"}});
    if (applied.ok()) {
      connection_secret = secret;
      if (*applied != SecretChange::kUnchanged) {
        d_.events.Normal(r.object, "ConnectionSecretUpdated",
                         "wrote the connection details to Secret " + secret);
      }
    } else if (applied.status().code() == StatusCode::kFailedPrecondition) {
      r.NotSynced("ConnectionSecretConflict", applied.status().message());
    } else {
      acted = applied.status().WithContext("while writing the connection Secret");
    }
  }
  if (!acted.ok()) {
    d_.events.Warning(r.object, "ActionFailed", acted.message());
    r.sync = SyncState{
        false, acted.code() == StatusCode::kInvalidArgument ? "InvalidRequest" : "ActionFailed",
        acted.message()};
  }

  // Report.
  ReportInput input;
  input.spec = &r.spec;
  input.observed = &r.observed;
  input.sync = r.sync;
  input.just_created = r.just_created;
  StatusReport report = BuildReport(input);
  if (!acted.ok() && acted.code() == StatusCode::kInvalidArgument) report.phase = kPhaseFailed;
  auto written = Write(r.object, report, connection_secret);

  const std::string primary_status =
      r.observed.primary ? StatusOf(*r.observed.primary) : (r.just_created ? "creating" : "absent");
  const bool ready =
      r.observed.primary && ClassifyInstanceStatus(primary_status).health == Health::kAvailable;
  d_.metrics.Observe(ns, name, primary_status, ready,
                     r.observed.Count() + (r.just_created ? 1 : 0));

  if (!acted.ok()) {
    if (acted.code() == StatusCode::kInvalidArgument) return ReconcileResult::TerminalError(acted);
    return ReconcileResult::RetryableError(acted);
  }
  if (written.kind() != ReconcileResult::Kind::kDone) return written;
  if (r.acted) d_.backoff.Reset(key);  // progress: the wait for the next step starts short
  if (r.busy || !ready) return ReconcileResult::RequeueAfter(d_.backoff.Next(key));
  d_.backoff.Reset(key);
  return ReconcileResult::RequeueAfter(options_.resync);
}

}  // namespace po::controllers::database_cluster
