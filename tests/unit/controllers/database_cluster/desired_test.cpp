// Desired state: the create requests of the primary, replicas and DR replica, restores, deletes.
#include "controllers/database_cluster/desired.h"

#include <gtest/gtest.h>

#include "tests/unit/controllers/database_cluster/cluster_builder.h"

namespace po::controllers::database_cluster {
namespace {

using testing::DatabaseClusterBuilder;
using Ptr = nlohmann::json::json_pointer;

ClusterSpec Parse(const nlohmann::json& object) {
  auto spec = ParseSpec(object);
  EXPECT_TRUE(spec.ok()) << spec.status().ToString();
  return spec.ok() ? *spec : ClusterSpec{};
}

std::string TagValue(const std::vector<aws::rds::Tag>& tags, std::string_view key) {
  for (const auto& t : tags) {
    if (t.Key == key) return t.Value;
  }
  return "<absent>";
}

TEST(DesiredTest, PrimaryCreateCarriesEverySetting) {
  auto spec = Parse(DatabaseClusterBuilder("orders")
                        .Production()
                        .Spec("encryption", {{"kmsKeyId", "alias/orders"}})
                        .Spec("network", {{"subnetIds", {"subnet-0123456789", "subnet-0abcdef012"}},
                                          {"securityGroupIds", {"sg-0123456789"}},
                                          {"publiclyAccessible", false}})
                        .Spec("deletionProtection", true)
                        .Build());
  const auto r = CreatePrimaryRequest(spec, "pw");
  EXPECT_EQ(r.DBInstanceIdentifier, "team-a-orders");
  EXPECT_EQ(r.Engine, "postgres");
  EXPECT_EQ(r.EngineVersion, "14");
  EXPECT_EQ(r.AutoMinorVersionUpgrade, true);
  EXPECT_EQ(r.DBInstanceClass, "db.r5.xlarge");
  EXPECT_EQ(r.AllocatedStorage, 200);
  EXPECT_EQ(r.MaxAllocatedStorage, 1000);
  EXPECT_EQ(r.StorageType, "gp3");
  EXPECT_EQ(r.MultiAZ, true);
  EXPECT_EQ(r.StorageEncrypted, true);
  EXPECT_EQ(r.KmsKeyId, "alias/orders");
  EXPECT_EQ(r.DBSubnetGroupName, "team-a-orders-subnets");
  EXPECT_EQ(r.VpcSecurityGroupIds, std::vector<std::string>{"sg-0123456789"});
  EXPECT_EQ(r.BackupRetentionPeriod, 14);
  EXPECT_EQ(r.PreferredBackupWindow, "03:00-03:30");
  EXPECT_EQ(r.PreferredMaintenanceWindow, "sun:05:00-sun:06:00");
  EXPECT_EQ(r.DeletionProtection, true);
  EXPECT_EQ(r.MasterUsername, "postgres");
  EXPECT_EQ(r.MasterUserPassword, "pw");
  EXPECT_EQ(TagValue(r.Tags, "team"), "metrics");
  EXPECT_EQ(TagValue(r.Tags, kTagUid), "uid-orders");
  EXPECT_EQ(TagValue(r.Tags, kTagNamespace), "team-a");
  EXPECT_EQ(TagValue(r.Tags, kTagName), "orders");

  const auto subnets = SubnetGroupRequest(spec);
  EXPECT_EQ(subnets.DBSubnetGroupName, "team-a-orders-subnets");
  EXPECT_EQ(subnets.SubnetIds.size(), 2u);
}

TEST(DesiredTest, PinnedMinorVersionTurnsOffAutoMinorUpgrades) {
  auto spec = Parse(DatabaseClusterBuilder().Spec("engineVersion", "14.12").Build());
  EXPECT_EQ(CreatePrimaryRequest(spec, "pw").AutoMinorVersionUpgrade, false);
}

TEST(DesiredTest, ReplicasAndDisasterRecovery) {
  auto spec = Parse(DatabaseClusterBuilder("orders")
                        .WithReplicas(2)
                        .At(Ptr("/spec/readReplicas/instanceClass"), "db.t3.small")
                        .WithDisasterRecovery()
                        .At(Ptr("/spec/disasterRecovery/kmsKeyId"), "alias/dr")
                        .Build());
  const auto replica = CreateReplicaRequest(spec, 2);
  EXPECT_EQ(replica.DBInstanceIdentifier, "team-a-orders-replica-2");
  EXPECT_EQ(replica.SourceDBInstanceIdentifier, "team-a-orders");
  EXPECT_EQ(replica.DBInstanceClass, "db.t3.small");
  EXPECT_EQ(DesiredReplica(spec, 2).instance_class, "db.t3.small");

  const auto dr = CreateDisasterRecoveryRequest(spec, "arn:aws:rds:us-east-1:1:db:team-a-orders");
  EXPECT_EQ(dr.DBInstanceIdentifier, "team-a-orders-dr");
  EXPECT_EQ(dr.SourceDBInstanceIdentifier, "arn:aws:rds:us-east-1:1:db:team-a-orders");
  EXPECT_EQ(dr.KmsKeyId, "alias/dr");
  EXPECT_EQ(dr.DBInstanceClass, "db.t3.micro");
  EXPECT_FALSE(dr.SourceRegion.has_value());
  EXPECT_EQ(DesiredDisasterRecovery(spec).region, "us-west-2");
  EXPECT_EQ(RoleName(DesiredDisasterRecovery(spec).role), "disaster-recovery");
}

TEST(DesiredTest, RestoresAtCreation) {
  auto from_snapshot =
      Parse(DatabaseClusterBuilder().Spec("restore", {{"fromSnapshot", "snap-1"}}).Build());
  const auto s = RestoreFromSnapshotRequest(from_snapshot);
  EXPECT_EQ(s.DBSnapshotIdentifier, "snap-1");
  EXPECT_EQ(s.DBInstanceIdentifier, "team-a-db");

  auto latest = Parse(
      DatabaseClusterBuilder()
          .Spec("restore", {{"pointInTime", {{"sourceIdentifier", "other"}, {"latest", true}}}})
          .Build());
  const auto l = RestoreToPointInTimeRequest(latest);
  EXPECT_EQ(l.SourceDBInstanceIdentifier, "other");
  EXPECT_EQ(l.UseLatestRestorableTime, true);
  EXPECT_FALSE(l.RestoreTime.has_value());

  auto at = Parse(
      DatabaseClusterBuilder()
          .Spec("restore", {{"pointInTime",
                             {{"sourceIdentifier", "other"}, {"time", "2026-05-01T12:00:00Z"}}}})
          .Build());
  EXPECT_EQ(RestoreToPointInTimeRequest(at).RestoreTime, "2026-05-01T12:00:00Z");
}

TEST(DesiredTest, DeletesFollowThePolicy) {
  auto snapshot = Parse(DatabaseClusterBuilder().Build());
  auto r = DeletePrimaryRequest(snapshot);
  EXPECT_EQ(r.SkipFinalSnapshot, false);
  EXPECT_EQ(r.FinalDBSnapshotIdentifier, "team-a-db-final");
  auto del = Parse(DatabaseClusterBuilder().Spec("deletionPolicy", "Delete").Build());
  EXPECT_EQ(DeletePrimaryRequest(del).SkipFinalSnapshot, true);
  EXPECT_FALSE(DeletePrimaryRequest(del).FinalDBSnapshotIdentifier.has_value());
  EXPECT_EQ(DeleteReplicaRequest("x-replica-1").SkipFinalSnapshot, true);
}

}  // namespace
}  // namespace po::controllers::database_cluster
