// The AWS emulator answers the real AWS CLI: an RDS instance and an ElastiCache replication group
// are created and described in us-east-1 on the harness's moto server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

std::string UniqueName(const std::string& prefix) {
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(::time(nullptr) % 100000);
}

nlohmann::json AwsJson(const std::string& args) {
  auto r = RunWithHarness("aws --output json " + args);
  EXPECT_EQ(r.exit_code, 0) << "aws " << args << "\n" << r.output;
  if (r.exit_code != 0) return nlohmann::json::object();
  return nlohmann::json::parse(r.output);
}

TEST(MotoTest, AwsCliCreatesAndDescribesAnRdsInstance) {
  ASSERT_FALSE(RequireHarness().empty());
  const std::string id = UniqueName("harness-db");
  auto created = AwsJson(
      "rds create-db-instance --db-instance-identifier " + id +
      " --engine postgres --engine-version 14.12 --db-instance-class db.r5.xlarge"
      " --allocated-storage 100 --master-username postgres --master-user-password Harness-Pass-1"
      " --multi-az --storage-encrypted --backup-retention-period 7");
  EXPECT_EQ(created["DBInstance"]["DBInstanceIdentifier"], id);

  auto described = AwsJson("rds describe-db-instances --db-instance-identifier " + id);
  ASSERT_EQ(described["DBInstances"].size(), 1u);
  const auto& db = described["DBInstances"][0];
  EXPECT_EQ(db["Engine"], "postgres");
  EXPECT_EQ(db["DBInstanceClass"], "db.r5.xlarge");
  EXPECT_EQ(db["MultiAZ"], true);
  EXPECT_EQ(db["BackupRetentionPeriod"], 7);

  AwsJson("rds delete-db-instance --db-instance-identifier " + id + " --skip-final-snapshot");
}

TEST(MotoTest, AwsCliCreatesAndDescribesAClusterModeReplicationGroup) {
  ASSERT_FALSE(RequireHarness().empty());
  const std::string id = UniqueName("hc");
  auto created =
      AwsJson("elasticache create-replication-group --replication-group-id " + id +
              " --replication-group-description harness --engine redis --engine-version 6.2"
              " --cache-node-type cache.r5.large --num-node-groups 3 --replicas-per-node-group 1"
              " --automatic-failover-enabled --cluster-mode enabled");
  EXPECT_EQ(created["ReplicationGroup"]["ReplicationGroupId"], id);

  auto described = AwsJson("elasticache describe-replication-groups --replication-group-id " + id);
  ASSERT_EQ(described["ReplicationGroups"].size(), 1u);
  const auto& group = described["ReplicationGroups"][0];
  EXPECT_EQ(group["ReplicationGroupId"], id);
  EXPECT_EQ(group["ClusterEnabled"], true);

  AwsJson("elasticache delete-replication-group --replication-group-id " + id);
}

}  // namespace
}  // namespace po::testing
