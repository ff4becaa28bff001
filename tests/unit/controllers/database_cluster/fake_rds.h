// FakeRds: an in-memory RdsApi for controller tests. Instances live per region; creates make them
// "creating" (tests move them on with SetStatus, as RDS would), modifications apply at once,
// deletes remove them (taking the final snapshot asked for). Every call is recorded by action name
// so tests assert on what was asked; errors can be injected per action. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "operator/aws/rds/api.h"

namespace po::controllers::database_cluster::testing {

class FakeRds final : public aws::rds::RdsApi {
 public:
  using DBInstance = aws::rds::DBInstance;

  struct Call {
    std::string action;
    std::string region;
    std::string identifier;
  };

  // ---- test controls ----
  void Put(const std::string& region, DBInstance instance) {
    std::lock_guard lock(mu_);
    instances_[region][instance.DBInstanceIdentifier.value_or("")] = std::move(instance);
  }
  void SetStatus(const std::string& region, const std::string& id, const std::string& status) {
    std::lock_guard lock(mu_);
    instances_[region][id].DBInstanceStatus = status;
  }
  std::optional<DBInstance> Get(const std::string& region, const std::string& id) const {
    std::lock_guard lock(mu_);
    auto r = instances_.find(region);
    if (r == instances_.end()) return std::nullopt;
    auto it = r->second.find(id);
    if (it == r->second.end()) return std::nullopt;
    return it->second;
  }
  size_t Count(const std::string& region) const {
    std::lock_guard lock(mu_);
    auto r = instances_.find(region);
    return r == instances_.end() ? 0 : r->second.size();
  }
  bool HasSnapshot(const std::string& id) const {
    std::lock_guard lock(mu_);
    return snapshots_.contains(id);
  }
  void FailNext(const std::string& action, aws::AwsError error) {
    std::lock_guard lock(mu_);
    failures_[action].push_back(std::move(error));
  }
  std::vector<Call> Calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }
  std::vector<Call> CallsOf(const std::string& action) const {
    std::lock_guard lock(mu_);
    std::vector<Call> out;
    for (const auto& c : calls_) {
      if (c.action == action) out.push_back(c);
    }
    return out;
  }
  void ClearCalls() {
    std::lock_guard lock(mu_);
    calls_.clear();
  }
  std::vector<aws::rds::ModifyDBInstanceMessage> Modifications() const {
    std::lock_guard lock(mu_);
    return modifications_;
  }

  // ---- RdsApi ----
  aws::Outcome<DBInstance> CreateDBInstance(const std::string& region,
                                            const aws::rds::CreateDBInstanceMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("CreateDBInstance", region, r.DBInstanceIdentifier)) return *e;
    if (Exists(region, r.DBInstanceIdentifier)) return AlreadyExists();
    DBInstance i = NewInstance(region, r.DBInstanceIdentifier, r.Tags);
    i.DBInstanceClass = r.DBInstanceClass;
    i.Engine = r.Engine;
    i.EngineVersion = r.EngineVersion.value_or("14") == "14" ? "14.12" : *r.EngineVersion;
    i.AllocatedStorage = r.AllocatedStorage;
    i.MaxAllocatedStorage = r.MaxAllocatedStorage;
    i.StorageType = r.StorageType;
    i.Iops = r.Iops.value_or(3000);
    i.MultiAZ = r.MultiAZ;
    i.StorageEncrypted = r.StorageEncrypted;
    i.KmsKeyId = r.KmsKeyId;
    i.BackupRetentionPeriod = r.BackupRetentionPeriod;
    i.PreferredBackupWindow = r.PreferredBackupWindow.value_or("06:00-06:30");
    i.PreferredMaintenanceWindow = r.PreferredMaintenanceWindow.value_or("tue:07:00-tue:07:30");
    i.DeletionProtection = r.DeletionProtection;
    i.PubliclyAccessible = r.PubliclyAccessible;
    i.MasterUsername = r.MasterUsername;
    passwords_[r.DBInstanceIdentifier] = r.MasterUserPassword.value_or("");
    instances_[region][r.DBInstanceIdentifier] = i;
    return i;
  }
  aws::Outcome<aws::rds::DBInstanceMessage> DescribeDBInstances(
      const std::string& region, const aws::rds::DescribeDBInstancesMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("DescribeDBInstances", region, r.DBInstanceIdentifier.value_or("")))
      return *e;
    aws::rds::DBInstanceMessage page;
    // Pages of MaxRecords, the marker being the index of the next instance.
    const size_t size = static_cast<size_t>(r.MaxRecords.value_or(100));
    const size_t start = r.Marker ? std::stoul(*r.Marker) : 0;
    size_t index = 0;
    for (const auto& [id, instance] : instances_[region]) {
      if (index >= start && page.DBInstances.size() < size) page.DBInstances.push_back(instance);
      ++index;
    }
    if (start + page.DBInstances.size() < index) {
      page.Marker = std::to_string(start + page.DBInstances.size());
    }
    return page;
  }
  aws::Outcome<DBInstance> ModifyDBInstance(const std::string& region,
                                            const aws::rds::ModifyDBInstanceMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("ModifyDBInstance", region, r.DBInstanceIdentifier)) return *e;
    if (!Exists(region, r.DBInstanceIdentifier)) return NotFound(r.DBInstanceIdentifier);
    modifications_.push_back(r);
    DBInstance& i = instances_[region][r.DBInstanceIdentifier];
    if (r.DBInstanceClass) i.DBInstanceClass = r.DBInstanceClass;
    if (r.EngineVersion) i.EngineVersion = r.EngineVersion;
    if (r.AllocatedStorage) i.AllocatedStorage = r.AllocatedStorage;
    if (r.MaxAllocatedStorage) i.MaxAllocatedStorage = r.MaxAllocatedStorage;
    if (r.StorageType) i.StorageType = r.StorageType;
    if (r.Iops) i.Iops = r.Iops;
    if (r.MultiAZ) i.MultiAZ = r.MultiAZ;
    if (r.BackupRetentionPeriod) i.BackupRetentionPeriod = r.BackupRetentionPeriod;
    if (r.PreferredBackupWindow) i.PreferredBackupWindow = r.PreferredBackupWindow;
    if (r.PreferredMaintenanceWindow) i.PreferredMaintenanceWindow = r.PreferredMaintenanceWindow;
    if (r.PubliclyAccessible) i.PubliclyAccessible = r.PubliclyAccessible;
    if (r.DeletionProtection) i.DeletionProtection = r.DeletionProtection;
    if (r.MasterUserPassword) passwords_[r.DBInstanceIdentifier] = *r.MasterUserPassword;
    return i;
  }
  aws::Outcome<DBInstance> DeleteDBInstance(const std::string& region,
                                            const aws::rds::DeleteDBInstanceMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("DeleteDBInstance", region, r.DBInstanceIdentifier)) return *e;
    if (!Exists(region, r.DBInstanceIdentifier)) return NotFound(r.DBInstanceIdentifier);
    DBInstance i = instances_[region][r.DBInstanceIdentifier];
    if (i.DeletionProtection.value_or(false)) {
      return aws::AwsError{"InvalidParameterCombination", "deletion protection is on", "", 400,
                           false};
    }
    if (!r.SkipFinalSnapshot.value_or(false)) {
      if (!r.FinalDBSnapshotIdentifier) {
        return aws::AwsError{"InvalidParameterCombination", "final snapshot name needed", "", 400,
                             false};
      }
      if (snapshots_.contains(*r.FinalDBSnapshotIdentifier)) {
        return aws::AwsError{"DBSnapshotAlreadyExists", "snapshot exists", "", 400, false};
      }
      snapshots_.insert(*r.FinalDBSnapshotIdentifier);
    }
    instances_[region].erase(r.DBInstanceIdentifier);
    i.DBInstanceStatus = "deleting";
    return i;
  }
  aws::Outcome<DBInstance> CreateDBInstanceReadReplica(
      const std::string& region, const aws::rds::CreateDBInstanceReadReplicaMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("CreateDBInstanceReadReplica", region, r.DBInstanceIdentifier)) return *e;
    if (Exists(region, r.DBInstanceIdentifier)) return AlreadyExists();
    DBInstance i = NewInstance(region, r.DBInstanceIdentifier, r.Tags);
    i.DBInstanceClass = r.DBInstanceClass;
    i.ReadReplicaSourceDBInstanceIdentifier = r.SourceDBInstanceIdentifier;
    i.KmsKeyId = r.KmsKeyId;
    i.StorageType = r.StorageType;
    i.AllocatedStorage = 20;
    i.MaxAllocatedStorage = r.MaxAllocatedStorage;
    i.DeletionProtection = r.DeletionProtection;
    i.PubliclyAccessible = false;
    i.MultiAZ = false;
    i.BackupRetentionPeriod = 0;
    replica_requests_.push_back(r);
    instances_[region][r.DBInstanceIdentifier] = i;
    return i;
  }
  std::vector<aws::rds::CreateDBInstanceReadReplicaMessage> ReplicaRequests() const {
    std::lock_guard lock(mu_);
    return replica_requests_;
  }
  std::string Password(const std::string& id) const {
    std::lock_guard lock(mu_);
    auto it = passwords_.find(id);
    return it == passwords_.end() ? "" : it->second;
  }
  aws::Outcome<DBInstance> RestoreDBInstanceFromDBSnapshot(
      const std::string& region,
      const aws::rds::RestoreDBInstanceFromDBSnapshotMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("RestoreDBInstanceFromDBSnapshot", region, r.DBInstanceIdentifier))
      return *e;
    DBInstance i = NewInstance(region, r.DBInstanceIdentifier, r.Tags);
    i.DBInstanceClass = r.DBInstanceClass;
    i.EngineVersion = "14.12";
    i.AllocatedStorage = r.AllocatedStorage;
    instances_[region][r.DBInstanceIdentifier] = i;
    return i;
  }
  aws::Outcome<DBInstance> RestoreDBInstanceToPointInTime(
      const std::string& region,
      const aws::rds::RestoreDBInstanceToPointInTimeMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("RestoreDBInstanceToPointInTime", region, r.TargetDBInstanceIdentifier))
      return *e;
    DBInstance i = NewInstance(region, r.TargetDBInstanceIdentifier, r.Tags);
    i.DBInstanceClass = r.DBInstanceClass;
    i.EngineVersion = "14.12";
    instances_[region][r.TargetDBInstanceIdentifier] = i;
    return i;
  }
  aws::Outcome<aws::Empty> AddTagsToResource(const std::string& region,
                                             const aws::rds::AddTagsToResourceMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("AddTagsToResource", region, r.ResourceName)) return *e;
    for (auto& [id, instance] : instances_[region]) {
      if (instance.DBInstanceArn != r.ResourceName) continue;
      for (const auto& tag : r.Tags) {
        std::erase_if(instance.TagList, [&](const auto& t) { return t.Key == tag.Key; });
        instance.TagList.push_back(tag);
      }
      return aws::Empty{};
    }
    return NotFound(r.ResourceName);
  }
  aws::Outcome<aws::rds::DBSubnetGroup> CreateDBSubnetGroup(
      const std::string& region, const aws::rds::CreateDBSubnetGroupMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("CreateDBSubnetGroup", region, r.DBSubnetGroupName)) return *e;
    subnet_groups_.insert(r.DBSubnetGroupName);
    aws::rds::DBSubnetGroup g;
    g.DBSubnetGroupName = r.DBSubnetGroupName;
    return g;
  }
  aws::Outcome<aws::rds::DBSubnetGroupMessage> DescribeDBSubnetGroups(
      const std::string& region, const aws::rds::DescribeDBSubnetGroupsMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("DescribeDBSubnetGroups", region, r.DBSubnetGroupName.value_or("")))
      return *e;
    if (r.DBSubnetGroupName && !subnet_groups_.contains(*r.DBSubnetGroupName)) {
      return aws::AwsError{"DBSubnetGroupNotFoundFault", "not found", "", 404, false};
    }
    return aws::rds::DBSubnetGroupMessage{};
  }

  aws::Outcome<aws::Empty> DeleteDBSubnetGroup(
      const std::string& region, const aws::rds::DeleteDBSubnetGroupMessage& r) override {
    std::lock_guard lock(mu_);
    if (auto e = Begin("DeleteDBSubnetGroup", region, r.DBSubnetGroupName)) return *e;
    if (subnet_groups_.erase(r.DBSubnetGroupName) == 0) {
      return aws::AwsError{"DBSubnetGroupNotFoundFault", "not found", "", 404, false};
    }
    return aws::Empty{};
  }
  bool HasSubnetGroup(const std::string& name) const {
    std::lock_guard lock(mu_);
    return subnet_groups_.contains(name);
  }

  // Not used by the DatabaseCluster controller: answered with an error a test would notice.
  aws::Outcome<DBInstance> PromoteReadReplica(const std::string&,
                                              const aws::rds::PromoteReadReplicaMessage&) override {
    return Unsupported("PromoteReadReplica");
  }
  aws::Outcome<DBInstance> RebootDBInstance(const std::string&,
                                            const aws::rds::RebootDBInstanceMessage&) override {
    return Unsupported("RebootDBInstance");
  }
  aws::Outcome<aws::rds::DBSnapshot> CreateDBSnapshot(
      const std::string&, const aws::rds::CreateDBSnapshotMessage&) override {
    return Unsupported("CreateDBSnapshot");
  }
  aws::Outcome<aws::rds::DBSnapshot> CopyDBSnapshot(
      const std::string&, const aws::rds::CopyDBSnapshotMessage&) override {
    return Unsupported("CopyDBSnapshot");
  }
  aws::Outcome<aws::rds::DBSnapshotMessage> DescribeDBSnapshots(
      const std::string&, const aws::rds::DescribeDBSnapshotsMessage&) override {
    return Unsupported("DescribeDBSnapshots");
  }
  aws::Outcome<aws::rds::DBSnapshot> DeleteDBSnapshot(
      const std::string&, const aws::rds::DeleteDBSnapshotMessage&) override {
    return Unsupported("DeleteDBSnapshot");
  }
  aws::Outcome<aws::rds::DBInstanceAutomatedBackup> StartDBInstanceAutomatedBackupsReplication(
      const std::string&,
      const aws::rds::StartDBInstanceAutomatedBackupsReplicationMessage&) override {
    return Unsupported("StartDBInstanceAutomatedBackupsReplication");
  }
  aws::Outcome<aws::rds::EventsMessage> DescribeEvents(
      const std::string&, const aws::rds::DescribeEventsMessage&) override {
    return Unsupported("DescribeEvents");
  }
  aws::Outcome<aws::rds::TagListMessage> ListTagsForResource(
      const std::string&, const aws::rds::ListTagsForResourceMessage&) override {
    return Unsupported("ListTagsForResource");
  }

 private:
  std::optional<aws::AwsError> Begin(const std::string& action, const std::string& region,
                                     const std::string& id) {
    calls_.push_back({action, region, id});
    auto it = failures_.find(action);
    if (it == failures_.end() || it->second.empty()) return std::nullopt;
    aws::AwsError e = it->second.front();
    it->second.erase(it->second.begin());
    return e;
  }
  bool Exists(const std::string& region, const std::string& id) {
    return instances_[region].contains(id);
  }
  static aws::AwsError NotFound(const std::string& id) {
    return {"DBInstanceNotFound", "DBInstance " + id + " not found.", "", 404, false};
  }
  static aws::AwsError AlreadyExists() {
    return {"DBInstanceAlreadyExists", "DB instance already exists", "", 400, false};
  }
  aws::AwsError Unsupported(const std::string& action) {
    std::lock_guard lock(mu_);
    calls_.push_back({action, "", ""});
    return {"UnsupportedInFake", action, "", 400, false};
  }
  static DBInstance NewInstance(const std::string& region, const std::string& id,
                                const std::vector<aws::rds::Tag>& tags) {
    DBInstance i;
    i.DBInstanceIdentifier = id;
    i.DBInstanceArn = "arn:aws:rds:" + region + ":123456789012:db:" + id;
    i.DBInstanceStatus = "creating";
    i.Engine = "postgres";
    i.AvailabilityZone = region + "a";
    i.Endpoint = aws::rds::Endpoint{id + ".abc." + region + ".rds.amazonaws.com", 5432, "Z1"};
    i.TagList = tags;
    i.PendingModifiedValues = aws::rds::PendingModifiedValues{};
    return i;
  }

  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, DBInstance>> instances_;  // region → id → instance
  std::set<std::string> snapshots_;
  std::set<std::string> subnet_groups_;
  std::map<std::string, std::string> passwords_;
  std::map<std::string, std::vector<aws::AwsError>> failures_;
  std::vector<Call> calls_;
  std::vector<aws::rds::ModifyDBInstanceMessage> modifications_;
  std::vector<aws::rds::CreateDBInstanceReadReplicaMessage> replica_requests_;
};

}  // namespace po::controllers::database_cluster::testing
