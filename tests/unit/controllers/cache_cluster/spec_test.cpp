// ParseSpec: defaults, explicit values and the errors it reports as values.
#include "controllers/cache_cluster/spec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cache_cluster_builder.h"

namespace po::controllers::cache_cluster {
namespace {

using testing::CacheClusterBuilder;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(CacheClusterSpecTest, AbsentFieldsTakeTheCrdDefaults) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().Build());
  EXPECT_THAT(parsed.errors, IsEmpty());
  const CacheClusterSpec& s = parsed.spec;
  EXPECT_EQ(s.engine_version, "6.2");
  EXPECT_EQ(s.node_type, "cache.r5.large");
  EXPECT_TRUE(s.cluster_mode);
  EXPECT_EQ(s.shards, 3);
  EXPECT_EQ(s.replicas_per_shard, 1);
  EXPECT_TRUE(s.automatic_failover && s.multi_az && s.at_rest_encryption &&
              s.in_transit_encryption);
  EXPECT_EQ(s.snapshot_retention_days, 7);
  EXPECT_EQ(s.deletion_policy, DeletionPolicy::kSnapshot);
  EXPECT_EQ(ReplicationGroupId(s, CacheClusterBuilder().Build()), "team-cache");
}

TEST(CacheClusterSpecTest, ReadsEveryField) {
  nlohmann::json object =
      CacheClusterBuilder()
          .Spec("identifier", "metrics")
          .Spec("engineVersion", "7.1")
          .Spec("nodeType", "cache.t4g.micro")
          .Shards(5)
          .Replicas(2)
          .Auth("auth")
          .Spec("encryption", {{"kmsKeyId", "alias/cache"}})
          .Spec("network", {{"subnetGroupName", "private"}, {"securityGroupIds", {"sg-0a1b2c3d"}}})
          .Spec("snapshot", {{"retentionDays", 3}, {"window", "03:00-04:00"}})
          .Policy("Retain")
          .Spec("tags", {{"team", "metrics"}})
          .Build();
  ParsedSpec parsed = ParseSpec(object);
  ASSERT_THAT(parsed.errors, IsEmpty());
  const CacheClusterSpec& s = parsed.spec;
  EXPECT_EQ(ReplicationGroupId(s, object), "metrics");
  EXPECT_EQ(s.engine_version, "7.1");
  EXPECT_EQ(s.node_type, "cache.t4g.micro");
  EXPECT_EQ(s.shards, 5);
  EXPECT_EQ(s.replicas_per_shard, 2);
  EXPECT_EQ(s.auth_token_secret, "auth");
  EXPECT_EQ(s.kms_key_id, "alias/cache");
  EXPECT_EQ(s.subnet_group_name, "private");
  EXPECT_THAT(s.security_group_ids, ElementsAre("sg-0a1b2c3d"));
  EXPECT_EQ(s.snapshot_retention_days, 3);
  EXPECT_EQ(s.snapshot_window, "03:00-04:00");
  EXPECT_EQ(s.deletion_policy, DeletionPolicy::kRetain);
  EXPECT_EQ(s.tags["team"], "metrics");
}

TEST(CacheClusterSpecTest, WithoutClusterModeThereIsOneShard) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().ClusterMode(false).Shards(4).Build());
  EXPECT_THAT(parsed.errors, IsEmpty());
  EXPECT_EQ(parsed.spec.shards, 1);
}

struct ErrorCase {
  std::string name;
  nlohmann::json object;
  std::string error;
};

class CacheClusterSpecErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CacheClusterSpecErrorTest, ReportsTheProblem) {
  ParsedSpec parsed = ParseSpec(GetParam().object);
  ASSERT_EQ(parsed.errors.size(), 1u) << ::testing::PrintToString(parsed.errors);
  EXPECT_THAT(parsed.errors[0], HasSubstr(GetParam().error));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CacheClusterSpecErrorTest,
    ::testing::Values(
        ErrorCase{"FailoverWithoutReplicas",
                  CacheClusterBuilder().Replicas(0).Spec("multiAZ", false).Build(),
                  "automaticFailover needs at least one replica"},
        ErrorCase{"MultiAzWithoutFailover",
                  CacheClusterBuilder().ClusterMode(false).Spec("automaticFailover", false).Build(),
                  "multiAZ needs automaticFailover"},
        ErrorCase{
            "ClusterReplicasWithoutFailover",
            CacheClusterBuilder().Spec("automaticFailover", false).Spec("multiAZ", false).Build(),
            "cluster mode with replicas needs automaticFailover"},
        ErrorCase{
            "AuthWithoutTls",
            CacheClusterBuilder().Auth("a").Spec("encryption", {{"inTransit", false}}).Build(),
            "auth needs encryption.inTransit"},
        ErrorCase{"TooManyShards", CacheClusterBuilder().Shards(501).Build(),
                  "shards must be 1-500"},
        ErrorCase{"WrongType", CacheClusterBuilder().Spec("nodeType", 3).Build(),
                  "spec.nodeType has the wrong type"},
        ErrorCase{
            "SubnetGroupAndSubnetIds",
            CacheClusterBuilder()
                .Spec("network", {{"subnetGroupName", "g"}, {"subnetIds", {"subnet-0a1b2c3d"}}})
                .Build(),
            "either spec.network.subnetGroupName or spec.network.subnetIds"}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace po::controllers::cache_cluster
