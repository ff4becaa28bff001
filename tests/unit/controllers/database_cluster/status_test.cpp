// Status mapping as tables: every RDS instance status the controller distinguishes, and the phase
// and conditions a report carries for typical observations.
#include "controllers/database_cluster/status.h"

#include <gtest/gtest.h>

#include "tests/unit/controllers/database_cluster/cluster_builder.h"

namespace po::controllers::database_cluster {
namespace {

struct HealthCase {
  std::string status;
  Health health;
  bool serving;
  std::string remedy_mentions;  // "" = no remedy
};

class ClassifyTest : public ::testing::TestWithParam<HealthCase> {};

TEST_P(ClassifyTest, Maps) {
  const HealthInfo info = ClassifyInstanceStatus(GetParam().status);
  EXPECT_EQ(info.health, GetParam().health);
  EXPECT_EQ(info.serving, GetParam().serving);
  if (GetParam().remedy_mentions.empty()) {
    EXPECT_TRUE(info.remedy.empty());
  } else {
    EXPECT_NE(info.remedy.find(GetParam().remedy_mentions), std::string::npos) << info.remedy;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ClassifyTest,
    ::testing::Values(
        HealthCase{"available", Health::kAvailable, true, ""},
        HealthCase{"creating", Health::kBusy, false, ""},
        HealthCase{"modifying", Health::kBusy, true, ""},
        HealthCase{"backing-up", Health::kBusy, true, ""},
        HealthCase{"rebooting", Health::kBusy, false, ""},
        HealthCase{"upgrading", Health::kBusy, true, ""},
        HealthCase{"some-new-status", Health::kBusy, false, ""},
        HealthCase{"deleting", Health::kDeleting, false, ""},
        HealthCase{"storage-full", Health::kDegraded, false, "allocatedGiB"},
        HealthCase{"incompatible-parameters", Health::kDegraded, false, "parameter group"},
        HealthCase{"stopped", Health::kDegraded, false, "start"},
        HealthCase{"failed", Health::kFatal, false, "spec.restore"},
        HealthCase{"inaccessible-encryption-credentials", Health::kFatal, false, "KMS key"},
        HealthCase{"incompatible-network", Health::kFatal, false, "subnet group"}),
    [](const auto& info) {
      std::string name = info.param.status;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST(ReasonFromStatusTest, CamelCase) {
  EXPECT_EQ(ReasonFromStatus("storage-full"), "StorageFull");
  EXPECT_EQ(ReasonFromStatus("inaccessible-encryption-credentials"),
            "InaccessibleEncryptionCredentials");
  EXPECT_EQ(ReasonFromStatus(""), "Unknown");
}

aws::rds::DBInstance Instance(const std::string& id, const std::string& status) {
  aws::rds::DBInstance i;
  i.DBInstanceIdentifier = id;
  i.DBInstanceStatus = status;
  i.DBInstanceClass = "db.t3.micro";
  i.AvailabilityZone = "us-east-1a";
  i.Endpoint = aws::rds::Endpoint{id + ".example", 5432, std::nullopt};
  return i;
}

const runtime::Condition* Find(const StatusReport& report, const std::string& type) {
  for (const auto& c : report.conditions) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

struct ReportCase {
  std::string name;
  std::string primary_status;  // "" = no primary
  int replicas_wanted;
  std::vector<std::string> replica_statuses;
  std::string phase;
  std::string ready;
  std::string degraded;
};

class ReportTest : public ::testing::TestWithParam<ReportCase> {};

TEST_P(ReportTest, PhaseAndConditions) {
  auto spec =
      ParseSpec(testing::DatabaseClusterBuilder().WithReplicas(GetParam().replicas_wanted).Build());
  ASSERT_TRUE(spec.ok());
  Observation o;
  if (!GetParam().primary_status.empty()) {
    o.primary = Instance("team-a-db", GetParam().primary_status);
  }
  for (size_t i = 0; i < GetParam().replica_statuses.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    o.replicas[index] = Instance(ReplicaIdentifier(*spec, index), GetParam().replica_statuses[i]);
  }
  ReportInput input;
  input.spec = &*spec;
  input.observed = &o;
  const StatusReport report = BuildReport(input);
  EXPECT_EQ(report.phase, GetParam().phase);
  ASSERT_NE(Find(report, "Ready"), nullptr);
  EXPECT_EQ(Find(report, "Ready")->status, GetParam().ready);
  ASSERT_NE(Find(report, "Degraded"), nullptr);
  EXPECT_EQ(Find(report, "Degraded")->status, GetParam().degraded);
  ASSERT_NE(Find(report, "Synced"), nullptr);
  ASSERT_NE(Find(report, "ReplicasReady"), nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ReportTest,
    ::testing::Values(
        ReportCase{"NothingYet", "", 0, {}, "Pending", "False", "False"},
        ReportCase{"Creating", "creating", 0, {}, "Creating", "False", "False"},
        ReportCase{"Available", "available", 0, {}, "Available", "True", "False"},
        ReportCase{"ModifyingServes", "modifying", 0, {}, "Modifying", "True", "False"},
        ReportCase{
            "ReplicaStillCreating", "available", 1, {"creating"}, "Modifying", "True", "False"},
        ReportCase{"ReplicasAvailable",
                   "available",
                   2,
                   {"available", "available"},
                   "Available",
                   "True",
                   "False"},
        ReportCase{
            "ExtraReplicaBeingRemoved", "available", 0, {"deleting"}, "Modifying", "True", "False"},
        ReportCase{"StorageFull", "storage-full", 0, {}, "Degraded", "False", "True"},
        ReportCase{"ReplicaFailed", "available", 1, {"failed"}, "Degraded", "True", "True"},
        ReportCase{"PrimaryFailed", "failed", 0, {}, "Degraded", "False", "True"}),
    [](const auto& info) { return info.param.name; });

TEST(ReportTest, FieldsOfAnAvailableCluster) {
  auto spec =
      ParseSpec(testing::DatabaseClusterBuilder().WithReplicas(1).WithDisasterRecovery().Build());
  ASSERT_TRUE(spec.ok());
  Observation o;
  o.primary = Instance("team-a-db", "available");
  o.primary->DBInstanceArn = "arn:aws:rds:us-east-1:1:db:team-a-db";
  o.primary->EngineVersion = "14.12";
  o.primary->LatestRestorableTime = "2026-01-01T00:00:00Z";
  o.replicas[1] = Instance("team-a-db-replica-1", "available");
  o.disaster_recovery = Instance("team-a-db-dr", "available");
  o.disaster_recovery_region = "us-west-2";
  ReportInput input;
  input.spec = &*spec;
  input.observed = &o;
  const StatusReport report = BuildReport(input);
  EXPECT_EQ(report.phase, "Available");
  EXPECT_EQ(report.fields["endpoint"]["host"], "team-a-db.example");
  EXPECT_EQ(report.fields["endpoint"]["port"], 5432);
  EXPECT_EQ(report.fields["readerEndpoints"].size(), 1u);
  EXPECT_EQ(report.fields["arn"], "arn:aws:rds:us-east-1:1:db:team-a-db");
  EXPECT_EQ(report.fields["engineVersion"], "14.12");
  EXPECT_EQ(report.fields["latestRestorableTime"], "2026-01-01T00:00:00Z");
  ASSERT_EQ(report.fields["instances"].size(), 3u);
  EXPECT_EQ(report.fields["instances"][2]["role"], "disaster-recovery");
  EXPECT_EQ(report.fields["instances"][2]["region"], "us-west-2");
  EXPECT_EQ(report.fields["instances"][0]["zone"], "us-east-1a");
  EXPECT_EQ(report.fields["instances"][0]["class"], "db.t3.micro");
  ASSERT_NE(Find(report, "DisasterRecoveryReady"), nullptr);
  EXPECT_EQ(Find(report, "DisasterRecoveryReady")->status, "True");
}

TEST(ReportTest, InvalidSpecIsFailed) {
  const StatusReport report = InvalidSpecReport(InvalidArgument("spec.x: bad"));
  EXPECT_EQ(report.phase, "Failed");
  EXPECT_EQ(Find(report, "Synced")->reason, "InvalidSpec");
  EXPECT_EQ(Find(report, "Synced")->message, "spec.x: bad");
}

}  // namespace
}  // namespace po::controllers::database_cluster
