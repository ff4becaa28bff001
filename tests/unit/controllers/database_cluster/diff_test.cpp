// Diff as a table: each case starts from an instance that matches the desired state, changes one
// thing (out-of-band drift, an AWS normalisation, a spec change) and names the expected request.
#include "controllers/database_cluster/diff.h"

#include <gtest/gtest.h>

#include <functional>

namespace po::controllers::database_cluster {
namespace {

using aws::rds::DBInstance;

DesiredInstance Desired() {
  DesiredInstance d;
  d.identifier = "team-a-db";
  d.region = "us-east-1";
  d.instance_class = "db.t3.micro";
  d.engine_version = "14";
  d.allocated_gib = 20;
  d.storage_type = "gp3";
  d.multi_az = true;
  d.backup_retention_days = 7;
  d.tags = {{"team", "metrics"}};
  return d;
}

// What RDS reports for an instance created from Desired(): a full version, defaults filled in.
DBInstance Matching() {
  DBInstance o;
  o.DBInstanceIdentifier = "team-a-db";
  o.DBInstanceClass = "db.t3.micro";
  o.EngineVersion = "14.12";
  o.AllocatedStorage = 20;
  o.StorageType = "gp3";
  o.Iops = 3000;  // gp3 baseline AWS fills in
  o.MultiAZ = true;
  o.BackupRetentionPeriod = 7;
  o.PreferredBackupWindow = "06:12-06:42";
  o.PreferredMaintenanceWindow = "tue:07:00-tue:07:30";
  o.PubliclyAccessible = false;
  o.DeletionProtection = false;
  o.VpcSecurityGroups = {{"sg-default", "active"}};
  o.TagList = {{"team", "metrics"}, {"other", "kept"}};
  o.PendingModifiedValues = aws::rds::PendingModifiedValues{};
  return o;
}

struct DiffCase {
  std::string name;
  std::function<void(DesiredInstance&, DBInstance&)> change;
  // Expected: no request at all, or a request with this check.
  bool expect_modify = false;
  std::function<void(const aws::rds::ModifyDBInstanceMessage&)> check = nullptr;
  size_t expect_refused = 0;
};

class DiffTableTest : public ::testing::TestWithParam<DiffCase> {};

TEST_P(DiffTableTest, ProducesTheExpectedRequest) {
  DesiredInstance desired = Desired();
  DBInstance observed = Matching();
  GetParam().change(desired, observed);
  const InstanceDiff diff = Diff(desired, observed, /*apply_immediately=*/true);
  EXPECT_EQ(diff.modify.has_value(), GetParam().expect_modify)
      << (diff.changes.empty() ? "" : diff.changes.front());
  if (diff.modify && GetParam().check) {
    EXPECT_EQ(diff.modify->DBInstanceIdentifier, "team-a-db");
    EXPECT_EQ(diff.modify->ApplyImmediately, true);
    EXPECT_FALSE(diff.modify->MasterUserPassword.has_value());
    GetParam().check(*diff.modify);
  }
  EXPECT_EQ(diff.refused.size(), GetParam().expect_refused);
  EXPECT_TRUE(diff.tags.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, DiffTableTest,
    ::testing::Values(
        DiffCase{"InSync", [](auto&, auto&) {}},
        DiffCase{"MajorVersionMatchesFullVersion", [](auto&, auto& o) { o.EngineVersion = "14.7"; }},
        DiffCase{"FullVersionEqual",
                 [](auto& d, auto&) { d.engine_version = "14.12"; }},
        DiffCase{"MinorUpgrade", [](auto& d, auto&) { d.engine_version = "14.13"; }, true,
                 [](const auto& m) {
                   EXPECT_EQ(m.EngineVersion, "14.13");
                   EXPECT_FALSE(m.AllowMajorVersionUpgrade.has_value());
                   EXPECT_FALSE(m.DBInstanceClass.has_value());
                 }},
        DiffCase{"MajorUpgrade", [](auto& d, auto&) { d.engine_version = "15"; }, true,
                 [](const auto& m) {
                   EXPECT_EQ(m.EngineVersion, "15");
                   EXPECT_EQ(m.AllowMajorVersionUpgrade, true);
                 }},
        DiffCase{"DowngradeIsRefusedNotRequested",
                 [](auto& d, auto&) { d.engine_version = "14.10"; }, false, nullptr, 1},
        DiffCase{"PendingVersionCountsAsApplied",
                 [](auto& d, auto& o) {
                   d.engine_version = "14.13";
                   o.PendingModifiedValues->EngineVersion = "14.13";
                 }},
        DiffCase{"ClassDriftOutOfBand", [](auto&, auto& o) { o.DBInstanceClass = "db.t3.large"; },
                 true, [](const auto& m) { EXPECT_EQ(m.DBInstanceClass, "db.t3.micro"); }},
        DiffCase{"ClassCaseIgnored", [](auto&, auto& o) { o.DBInstanceClass = "DB.T3.MICRO"; }},
        DiffCase{"PendingClassCountsAsApplied",
                 [](auto& d, auto& o) {
                   d.instance_class = "db.t3.small";
                   o.PendingModifiedValues->DBInstanceClass = "db.t3.small";
                 }},
        DiffCase{"PendingOldValueIsDrift",
                 [](auto&, auto& o) { o.PendingModifiedValues->DBInstanceClass = "db.t3.large"; },
                 true, [](const auto& m) { EXPECT_EQ(m.DBInstanceClass, "db.t3.micro"); }},
        DiffCase{"StorageGrownByAutoscalingIsKept",
                 [](auto&, auto& o) { o.AllocatedStorage = 23; }},
        DiffCase{"StorageGrowth", [](auto& d, auto&) { d.allocated_gib = 50; }, true,
                 [](const auto& m) { EXPECT_EQ(m.AllocatedStorage, 50); }},
        DiffCase{"PendingStorageCountsAsApplied",
                 [](auto& d, auto& o) {
                   d.allocated_gib = 50;
                   o.PendingModifiedValues->AllocatedStorage = 50;
                 }},
        DiffCase{"StorageTypeCaseIgnored", [](auto&, auto& o) { o.StorageType = "GP3"; }},
        DiffCase{"DefaultIopsIgnoredWhenUnset", [](auto&, auto& o) { o.Iops = 12000; }},
        DiffCase{"ExplicitIops",
                 [](auto& d, auto&) {
                   d.allocated_gib = 400;
                   d.iops = 12000;
                 },
                 true,
                 [](const auto& m) {
                   EXPECT_EQ(m.Iops, 12000);
                   EXPECT_EQ(m.StorageType, "gp3");
                 }},
        DiffCase{"MaxAllocatedSet", [](auto& d, auto&) { d.max_allocated_gib = 100; }, true,
                 [](const auto& m) { EXPECT_EQ(m.MaxAllocatedStorage, 100); }},
        DiffCase{"MultiAzOff", [](auto&, auto& o) { o.MultiAZ = false; }, true,
                 [](const auto& m) { EXPECT_EQ(m.MultiAZ, true); }},
        DiffCase{"PendingMultiAz",
                 [](auto&, auto& o) {
                   o.MultiAZ = false;
                   o.PendingModifiedValues->MultiAZ = true;
                 }},
        DiffCase{"Retention", [](auto& d, auto&) { d.backup_retention_days = 14; }, true,
                 [](const auto& m) { EXPECT_EQ(m.BackupRetentionPeriod, 14); }},
        DiffCase{"WindowsAwsPickedAreKept", [](auto&, auto& o) {
                   o.PreferredBackupWindow = "01:00-01:30";
                   o.PreferredMaintenanceWindow = "mon:01:00-mon:01:30";
                 }},
        DiffCase{"MaintenanceWindowCaseIgnored",
                 [](auto& d, auto& o) {
                   d.maintenance_window = "Sun:05:00-Sun:06:00";
                   o.PreferredMaintenanceWindow = "sun:05:00-sun:06:00";
                 }},
        DiffCase{"MaintenanceWindowChanged",
                 [](auto& d, auto&) { d.maintenance_window = "sun:05:00-sun:06:00"; }, true,
                 [](const auto& m) {
                   EXPECT_EQ(m.PreferredMaintenanceWindow, "sun:05:00-sun:06:00");
                 }},
        DiffCase{"BackupWindowChanged", [](auto& d, auto&) { d.backup_window = "03:00-03:30"; },
                 true, [](const auto& m) { EXPECT_EQ(m.PreferredBackupWindow, "03:00-03:30"); }},
        DiffCase{"DefaultSecurityGroupKeptWhenUnset", [](auto&, auto&) {}},
        DiffCase{"SecurityGroups",
                 [](auto& d, auto&) { d.security_group_ids = {"sg-b", "sg-a"}; }, true,
                 [](const auto& m) {
                   EXPECT_EQ(m.VpcSecurityGroupIds, (std::vector<std::string>{"sg-a", "sg-b"}));
                 }},
        DiffCase{"SecurityGroupsSameSetOtherOrder",
                 [](auto& d, auto& o) {
                   d.security_group_ids = {"sg-b", "sg-a"};
                   o.VpcSecurityGroups = {{"sg-a", "active"}, {"sg-b", "active"}};
                 }},
        DiffCase{"DeletionProtectionDrift", [](auto&, auto& o) { o.DeletionProtection = true; },
                 true, [](const auto& m) { EXPECT_EQ(m.DeletionProtection, false); }},
        DiffCase{"AbsentDeletionProtectionIsFalse",
                 [](auto&, auto& o) { o.DeletionProtection.reset(); }},
        DiffCase{"ReplicaIgnoresVersionAndRetention",
                 [](auto& d, auto& o) {
                   d.engine_version.reset();
                   d.backup_retention_days.reset();
                   d.multi_az.reset();
                   o.BackupRetentionPeriod = 0;
                   o.MultiAZ = false;
                   o.EngineVersion = "13.1";
                 }}),
    [](const auto& info) { return info.param.name; });

TEST(DiffTest, MaintenanceWindowDecidesWhenApplyImmediatelyIsOff) {
  DBInstance observed = Matching();
  observed.DBInstanceClass = "db.t3.large";
  auto diff = Diff(Desired(), observed, /*apply_immediately=*/false);
  ASSERT_TRUE(diff.modify.has_value());
  EXPECT_EQ(diff.modify->ApplyImmediately, false);
  ASSERT_EQ(diff.changes.size(), 1u);
  EXPECT_EQ(diff.changes[0], "instanceClass db.t3.large -> db.t3.micro");
}

TEST(DiffTest, MissingAndChangedTagsAreAddedOthersKept) {
  DBInstance observed = Matching();
  observed.TagList = {{"team", "old"}, {"other", "kept"}};
  DesiredInstance desired = Desired();
  desired.tags.push_back({"cost-center", "4210"});
  auto diff = Diff(desired, observed, true);
  EXPECT_FALSE(diff.modify.has_value());
  EXPECT_EQ(diff.tags, (std::vector<aws::rds::Tag>{{"team", "metrics"}, {"cost-center", "4210"}}));
  EXPECT_FALSE(diff.InSync());
}

TEST(DiffTest, AppliedRequestLeavesNothingToDo) {
  // The same request is never issued twice: applying what the diff asked makes it empty.
  DBInstance observed = Matching();
  observed.DBInstanceClass = "db.t3.large";
  observed.MultiAZ = false;
  DesiredInstance desired = Desired();
  desired.allocated_gib = 40;
  auto first = Diff(desired, observed, false);
  ASSERT_TRUE(first.modify.has_value());
  // Outside the window RDS reports the changes as pending.
  observed.PendingModifiedValues->DBInstanceClass = first.modify->DBInstanceClass;
  observed.PendingModifiedValues->MultiAZ = first.modify->MultiAZ;
  observed.PendingModifiedValues->AllocatedStorage = first.modify->AllocatedStorage;
  EXPECT_TRUE(Diff(desired, observed, false).InSync());
}

TEST(ParseEngineVersionTest, Forms) {
  EXPECT_EQ(ParseEngineVersion("14")->major, 14);
  EXPECT_FALSE(ParseEngineVersion("14")->minor.has_value());
  EXPECT_EQ(ParseEngineVersion("14.12")->minor, 12);
  EXPECT_EQ(ParseEngineVersion("9.6.24")->minor, 6);
  EXPECT_FALSE(ParseEngineVersion("x").has_value());
}

}  // namespace
}  // namespace po::controllers::database_cluster
