// DesiredCreateRequest and DefaultParameterGroup: the CreateReplicationGroup request for a spec.
#include "controllers/cache_cluster/desired.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cache_cluster_builder.h"
#include "controllers/common/ownership.h"

namespace po::controllers::cache_cluster {
namespace {

using testing::CacheClusterBuilder;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

aws::elasticache::CreateReplicationGroupMessage Build(const nlohmann::json& object,
                                                      std::optional<std::string> token = {}) {
  ParsedSpec parsed = ParseSpec(object);
  EXPECT_THAT(parsed.errors, IsEmpty());
  return DesiredCreateRequest(parsed.spec, ReplicationGroupId(parsed.spec, object), object, token);
}

TEST(CacheClusterDesiredTest, ClusterModeWithShardsReplicasEncryptionAndAuth) {
  nlohmann::json object =
      CacheClusterBuilder()
          .Shards(3)
          .Replicas(1)
          .Auth("cache-auth")
          .Spec("encryption", {{"kmsKeyId", "alias/cache"}})
          .Spec("network", {{"subnetGroupName", "private"}, {"securityGroupIds", {"sg-0a1b2c3d"}}})
          .Spec("snapshot", {{"retentionDays", 5}, {"window", "03:00-04:00"}})
          .Spec("tags", {{"team", "metrics"}})
          .Build();
  auto r = Build(object, "token-0123456789abcdef");
  EXPECT_EQ(r.ReplicationGroupId, "team-cache");
  EXPECT_EQ(r.ReplicationGroupDescription, "CacheCluster team/cache");
  EXPECT_EQ(r.Engine, "redis");
  EXPECT_EQ(r.EngineVersion, "6.2");
  EXPECT_EQ(r.CacheNodeType, "cache.r5.large");
  EXPECT_EQ(r.ClusterMode, "enabled");
  EXPECT_EQ(r.NumNodeGroups, 3);
  EXPECT_EQ(r.ReplicasPerNodeGroup, 1);
  EXPECT_FALSE(r.NumCacheClusters.has_value());
  EXPECT_EQ(r.CacheParameterGroupName, "default.redis6.x.cluster.on");
  EXPECT_EQ(r.AutomaticFailoverEnabled, true);
  EXPECT_EQ(r.MultiAZEnabled, true);
  EXPECT_EQ(r.AtRestEncryptionEnabled, true);
  EXPECT_EQ(r.KmsKeyId, "alias/cache");
  EXPECT_EQ(r.TransitEncryptionEnabled, true);
  EXPECT_EQ(r.AuthToken, "token-0123456789abcdef");
  EXPECT_EQ(r.CacheSubnetGroupName, "private");
  EXPECT_THAT(r.SecurityGroupIds, ElementsAre("sg-0a1b2c3d"));
  EXPECT_EQ(r.SnapshotRetentionLimit, 5);
  EXPECT_EQ(r.SnapshotWindow, "03:00-04:00");
  EXPECT_THAT(r.Tags, Contains(aws::elasticache::Tag{"team", "metrics"}));
  EXPECT_THAT(r.Tags, Contains(aws::elasticache::Tag{std::string(kTagKind), "CacheCluster"}));
  EXPECT_THAT(r.Tags, Contains(aws::elasticache::Tag{std::string(kTagUid),
                                                     "0a1b2c3d-0000-4000-8000-000000000001"}));
}

TEST(CacheClusterDesiredTest, WithoutClusterModeCountsCacheClusters) {
  auto r = Build(CacheClusterBuilder().ClusterMode(false).Replicas(2).Build());
  EXPECT_EQ(r.ClusterMode, "disabled");
  EXPECT_EQ(r.NumCacheClusters, 3);
  EXPECT_FALSE(r.NumNodeGroups.has_value());
  EXPECT_FALSE(r.ReplicasPerNodeGroup.has_value());
  EXPECT_EQ(r.CacheParameterGroupName, "default.redis6.x");
}

TEST(CacheClusterDesiredTest, NoAuthNoKmsNoNetwork) {
  auto r = Build(CacheClusterBuilder().Build(), "ignored-without-auth");
  EXPECT_FALSE(r.AuthToken.has_value());
  EXPECT_FALSE(r.KmsKeyId.has_value());
  EXPECT_FALSE(r.CacheSubnetGroupName.has_value());
  EXPECT_THAT(r.SecurityGroupIds, IsEmpty());
  EXPECT_FALSE(r.SnapshotWindow.has_value());
}

TEST(CacheClusterDesiredTest, UserTagsCannotOverrideOwnership) {
  auto r = Build(CacheClusterBuilder().Spec("tags", {{std::string(kTagName), "evil"}}).Build());
  EXPECT_THAT(r.Tags, Contains(aws::elasticache::Tag{std::string(kTagName), "cache"}));
  EXPECT_THAT(r.Tags,
              ::testing::Not(Contains(aws::elasticache::Tag{std::string(kTagName), "evil"})));
}

TEST(CacheClusterDesiredTest, SubnetIdsMakeASubnetGroupNamedLikeTheReplicationGroup) {
  nlohmann::json object =
      CacheClusterBuilder()
          .Spec("network", {{"subnetIds", {"subnet-0a1b2c3d", "subnet-0f1e2d3c"}}})
          .Spec("tags", {{"team", "metrics"}})
          .Build();
  EXPECT_EQ(Build(object).CacheSubnetGroupName, "team-cache");
  ParsedSpec parsed = ParseSpec(object);
  auto subnets = DesiredSubnetGroup(parsed.spec, "team-cache", object);
  ASSERT_TRUE(subnets.has_value());
  EXPECT_EQ(subnets->CacheSubnetGroupName, "team-cache");
  EXPECT_EQ(subnets->CacheSubnetGroupDescription, "CacheCluster team/cache");
  EXPECT_THAT(subnets->SubnetIds, ElementsAre("subnet-0a1b2c3d", "subnet-0f1e2d3c"));
  EXPECT_THAT(subnets->Tags, Contains(aws::elasticache::Tag{"team", "metrics"}));
  EXPECT_THAT(subnets->Tags,
              Contains(aws::elasticache::Tag{std::string(kTagKind), "CacheCluster"}));
  EXPECT_FALSE(DesiredSubnetGroup(ParseSpec(CacheClusterBuilder().Build()).spec, "team-cache",
                                  CacheClusterBuilder().Build())
                   .has_value());
}

struct ParameterGroupCase {
  std::string version;
  bool cluster;
  std::string expected;
};

TEST(CacheClusterDesiredTest, DefaultParameterGroups) {
  for (const ParameterGroupCase& c :
       std::vector<ParameterGroupCase>{{"6.2", true, "default.redis6.x.cluster.on"},
                                       {"6.x", false, "default.redis6.x"},
                                       {"7.1", true, "default.redis7.cluster.on"},
                                       {"7.0", false, "default.redis7"}}) {
    EXPECT_EQ(DefaultParameterGroup(c.version, c.cluster), c.expected) << c.version;
  }
}

}  // namespace
}  // namespace po::controllers::cache_cluster
