// ParseSpec: defaults, derived names, and the combinations the schema cannot reject (as a table).
#include "controllers/database_cluster/spec.h"

#include <gtest/gtest.h>

#include "tests/unit/controllers/database_cluster/cluster_builder.h"

namespace po::controllers::database_cluster {
namespace {

using testing::DatabaseClusterBuilder;
using Ptr = nlohmann::json::json_pointer;

TEST(ParseSpecTest, ReadsFieldsAndDerivesNames) {
  auto spec = ParseSpec(DatabaseClusterBuilder("orders").Production().WithReplicas(2).Build());
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->identifier, "team-a-orders");
  EXPECT_EQ(spec->instance_class, "db.r5.xlarge");
  EXPECT_EQ(spec->storage.allocated_gib, 200);
  EXPECT_EQ(spec->storage.max_allocated_gib, 1000);
  EXPECT_EQ(spec->replica_count, 2);
  EXPECT_EQ(spec->backup_window, "03:00-03:30");
  EXPECT_EQ(spec->deletion_policy, DeletionPolicy::kSnapshot);
  EXPECT_EQ(spec->tags.at("team"), "metrics");
  EXPECT_EQ(spec->tags.at(std::string(kTagUid)), "uid-orders");
  EXPECT_EQ(ReplicaIdentifier(*spec, 2), "team-a-orders-replica-2");
  EXPECT_EQ(DisasterRecoveryIdentifier(*spec), "team-a-orders-dr");
  EXPECT_EQ(FinalSnapshotIdentifier(*spec), "team-a-orders-final");
  EXPECT_EQ(ConnectionSecretName(*spec), "orders-connection");
  EXPECT_EQ(CredentialsSecretName(*spec), "orders-credentials");
  EXPECT_EQ(ReplicaIndexOf(*spec, "team-a-orders-replica-3"), 3);
  EXPECT_EQ(ReplicaIndexOf(*spec, "team-a-orders-replica-03"), std::nullopt);
  EXPECT_EQ(ReplicaIndexOf(*spec, "team-a-orders-replica-0"), std::nullopt);
  EXPECT_EQ(ReplicaIndexOf(*spec, "team-a-orders-dr"), std::nullopt);
  EXPECT_EQ(ReplicaIndexOf(*spec, "team-a-orders"), std::nullopt);
}

TEST(ParseSpecTest, ExplicitIdentifierAndSecret) {
  auto spec = ParseSpec(DatabaseClusterBuilder()
                            .Spec("identifier", "billing")
                            .At(Ptr("/spec/credentials/secretName"), "master")
                            .Build());
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(spec->identifier, "billing");
  EXPECT_EQ(CredentialsSecretName(*spec), "master");
}

TEST(ParseSpecTest, DerivedIdentifierLeavesRoomForReplicaSuffix) {
  auto spec = ParseSpec(DatabaseClusterBuilder(std::string(80, 'x')).WithReplicas(5).Build());
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_LE(ReplicaIdentifier(*spec, 5).size(), 63u);
}

TEST(KmsKeyRegionTest, ReadsArnsOnly) {
  EXPECT_EQ(KmsKeyRegion("arn:aws:kms:eu-west-1:123456789012:key/abc"), "eu-west-1");
  EXPECT_EQ(KmsKeyRegion("arn:aws:kms:us-east-1:123456789012:alias/db"), "us-east-1");
  EXPECT_EQ(KmsKeyRegion("alias/db"), std::nullopt);
  EXPECT_EQ(KmsKeyRegion("1234abcd-12ab-34cd-56ef-1234567890ab"), std::nullopt);
}

struct InvalidCase {
  std::string name;
  nlohmann::json object;
  std::string field;  // the message starts with "spec.<field>:"
};

class InvalidSpecTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidSpecTest, IsInvalidArgumentNamingTheField) {
  auto spec = ParseSpec(GetParam().object);
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(spec.status().message().rfind("spec." + GetParam().field + ":", 0), 0u)
      << spec.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidSpecTest,
    ::testing::Values(
        InvalidCase{
            "KmsKeyFromAnotherRegion",
            DatabaseClusterBuilder()
                .Spec("encryption", {{"kmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/k1"}})
                .Build(),
            "encryption.kmsKeyId"},
        InvalidCase{"DrKmsKeyFromPrimaryRegion",
                    DatabaseClusterBuilder()
                        .WithDisasterRecovery()
                        .At(Ptr("/spec/disasterRecovery/kmsKeyId"),
                            "arn:aws:kms:us-east-1:123456789012:key/k1")
                        .Build(),
                    "disasterRecovery.kmsKeyId"},
        InvalidCase{"DrInSameRegion",
                    DatabaseClusterBuilder().WithDisasterRecovery("us-east-1").Build(),
                    "disasterRecovery.region"},
        InvalidCase{"DrWithoutBackups",
                    DatabaseClusterBuilder()
                        .WithDisasterRecovery()
                        .At(Ptr("/spec/backup/retentionDays"), 0)
                        .Build(),
                    "backup.retentionDays"},
        InvalidCase{"ReplicasWithoutBackups",
                    DatabaseClusterBuilder()
                        .WithReplicas(1)
                        .At(Ptr("/spec/backup/retentionDays"), 0)
                        .Build(),
                    "backup.retentionDays"},
        InvalidCase{"Gp3IopsBelow400GiB",
                    DatabaseClusterBuilder().At(Ptr("/spec/storage/iops"), 3000).Build(),
                    "storage.iops"},
        InvalidCase{"LongIdentifierWithReplicas",
                    DatabaseClusterBuilder()
                        .Spec("identifier", std::string(60, 'a'))
                        .WithReplicas(1)
                        .Build(),
                    "identifier"},
        InvalidCase{
            "PointInTimeFromItself",
            DatabaseClusterBuilder()
                .Spec("identifier", "db1")
                .Spec("restore", {{"pointInTime", {{"sourceIdentifier", "db1"}, {"latest", true}}}})
                .Build(),
            "restore.pointInTime.sourceIdentifier"}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace po::controllers::database_cluster
