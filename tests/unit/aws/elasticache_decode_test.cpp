// Checks the ElastiCache response decoders on bodies captured from moto and from the harness's moto
// extension (tests/fixtures/aws/elasticache), and on a hand-written body of the documented shapes
// moto does not send.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "operator/aws/elasticache/decode.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::elasticache {
namespace {

using ::po::aws::testing::ReadFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> MemberIds(const NodeGroup& group) {
  std::vector<std::string> ids;
  for (const NodeGroupMember& m : group.NodeGroupMembers) ids.push_back(m.CacheClusterId.value());
  return ids;
}

struct GroupCase {
  std::string fixture;
  std::string action;
  std::string id;
  size_t node_groups;
  size_t member_clusters;
};

class ElastiCacheReplicationGroupResultTest : public ::testing::TestWithParam<GroupCase> {};

TEST_P(ElastiCacheReplicationGroupResultTest, DecodesShape) {
  const GroupCase& c = GetParam();
  Result<ReplicationGroup> g =
      DecodeReplicationGroupResult(c.action, ReadFixture("elasticache/" + c.fixture));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->ReplicationGroupId, c.id);
  EXPECT_EQ(g->NodeGroups.size(), c.node_groups);
  EXPECT_EQ(g->MemberClusters.size(), c.member_clusters);
  EXPECT_TRUE(g->ARN.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    MotoAndExtension, ElastiCacheReplicationGroupResultTest,
    ::testing::Values(
        GroupCase{"create_replication_group_cluster_mode.xml", "CreateReplicationGroup",
                  "metrics-cache", 2, 4},
        GroupCase{"modify_replication_group.xml", "ModifyReplicationGroup", "ext-cache", 2, 4},
        GroupCase{"increase_replica_count.xml", "IncreaseReplicaCount", "ext-cache", 2, 6},
        GroupCase{"decrease_replica_count.xml", "DecreaseReplicaCount", "ext-cache", 2, 5},
        GroupCase{"modify_replication_group_shard_configuration.xml",
                  "ModifyReplicationGroupShardConfiguration", "ext-cache", 3, 8},
        GroupCase{"test_failover.xml", "TestFailover", "ext-single", 1, 2},
        GroupCase{"delete_replication_group.xml", "DeleteReplicationGroup", "metrics-sessions", 1,
                  3}),
    [](const ::testing::TestParamInfo<GroupCase>& info) { return info.param.action; });

TEST(ElastiCacheDecodeTest, ClusterModeGroupCarriesEveryFieldControllersUse) {
  Result<ReplicationGroup> g = DecodeReplicationGroupResult(
      "CreateReplicationGroup",
      ReadFixture("elasticache/create_replication_group_cluster_mode.xml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->ARN, "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:metrics-cache");
  EXPECT_EQ(g->Status, "available");
  EXPECT_EQ(g->ClusterEnabled, true);
  EXPECT_EQ(g->ClusterMode, "enabled");
  EXPECT_EQ(g->AutomaticFailover, "enabled");
  EXPECT_EQ(g->MultiAZ, "enabled");
  EXPECT_EQ(g->AtRestEncryptionEnabled, true);
  EXPECT_EQ(g->TransitEncryptionEnabled, true);
  EXPECT_EQ(g->AuthTokenEnabled, true);
  EXPECT_EQ(g->KmsKeyId, "alias/metrics-cache");
  EXPECT_EQ(g->CacheNodeType, "cache.r7g.large");
  EXPECT_EQ(g->SnapshotRetentionLimit, 5);
  EXPECT_EQ(g->SnapshotWindow, "04:00-05:00");
  EXPECT_EQ(g->Engine, "redis");
  ASSERT_TRUE(g->ConfigurationEndpoint.has_value());
  EXPECT_EQ(g->ConfigurationEndpoint->Address,
            "clustercfg.metrics-cache.3xd3as.use1.cache.amazonaws.com");
  EXPECT_EQ(g->ConfigurationEndpoint->Port, 6379);
  EXPECT_THAT(g->MemberClusters, ElementsAre("metrics-cache-0001-001", "metrics-cache-0001-002",
                                             "metrics-cache-0002-001", "metrics-cache-0002-002"));
  ASSERT_EQ(g->NodeGroups.size(), 2u);
  EXPECT_EQ(g->NodeGroups[0].NodeGroupId, "0001");
  EXPECT_EQ(g->NodeGroups[0].Slots, "0-5461");
  EXPECT_EQ(g->NodeGroups[0].Status, "available");
  EXPECT_FALSE(g->NodeGroups[0].PrimaryEndpoint.has_value());
  ASSERT_EQ(g->NodeGroups[0].NodeGroupMembers.size(), 2u);
  EXPECT_EQ(g->NodeGroups[0].NodeGroupMembers[1].PreferredAvailabilityZone, "us-east-1b");
  EXPECT_FALSE(g->PendingModifiedValues.has_value());
}

TEST(ElastiCacheDecodeTest, SingleShardGroupHasPrimaryAndReaderEndpointsAndRoles) {
  Result<ReplicationGroup> g = DecodeReplicationGroupResult(
      "CreateReplicationGroup",
      ReadFixture("elasticache/create_replication_group_single_shard.xml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->ClusterEnabled, false);
  ASSERT_EQ(g->NodeGroups.size(), 1u);
  const NodeGroup& ng = g->NodeGroups[0];
  ASSERT_TRUE(ng.PrimaryEndpoint.has_value());
  EXPECT_EQ(ng.PrimaryEndpoint->Address, "master.metrics-sessions.pidr44.use1.cache.amazonaws.com");
  EXPECT_FALSE(ng.ReaderEndpoint.has_value());  // moto does not send it; see the documented case
  ASSERT_EQ(ng.NodeGroupMembers.size(), 3u);
  EXPECT_EQ(ng.NodeGroupMembers[0].CurrentRole, "primary");
  EXPECT_EQ(ng.NodeGroupMembers[1].CurrentRole, "replica");
  ASSERT_TRUE(ng.NodeGroupMembers[0].ReadEndpoint.has_value());
}

TEST(ElastiCacheDecodeTest, TestFailoverSwapsPrimaryAndReplica) {
  Result<ReplicationGroup> g =
      DecodeReplicationGroupResult("TestFailover", ReadFixture("elasticache/test_failover.xml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const NodeGroup& ng = g->NodeGroups[0];
  EXPECT_THAT(MemberIds(ng), ElementsAre("ext-single-002", "ext-single-001"));
  EXPECT_EQ(ng.NodeGroupMembers[0].CurrentRole, "primary");
  EXPECT_EQ(ng.NodeGroupMembers[1].CurrentRole, "replica");
}

TEST(ElastiCacheDecodeTest, ShardsAndReplicaCounts) {
  Result<ReplicationGroup> grown = DecodeReplicationGroupResult(
      "ModifyReplicationGroupShardConfiguration",
      ReadFixture("elasticache/modify_replication_group_shard_configuration.xml"));
  ASSERT_TRUE(grown.ok()) << grown.status().ToString();
  ASSERT_EQ(grown->NodeGroups.size(), 3u);
  EXPECT_EQ(grown->NodeGroups[2].NodeGroupId, "0003");
  EXPECT_EQ(grown->NodeGroups[2].Slots, "10922-16383");

  Result<ReplicationGroup> decreased = DecodeReplicationGroupResult(
      "DecreaseReplicaCount", ReadFixture("elasticache/decrease_replica_count.xml"));
  ASSERT_TRUE(decreased.ok()) << decreased.status().ToString();
  EXPECT_THAT(MemberIds(decreased->NodeGroups[1]),
              ElementsAre("ext-cache-0002-001", "ext-cache-0002-002"));
}

TEST(ElastiCacheDecodeTest, DocumentedPendingModifiedValuesAndMarker) {
  Result<ReplicationGroupMessage> m = DecodeDescribeReplicationGroups(
      ReadFixture("elasticache/describe_replication_groups_documented_shapes.xml"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->Marker, "bWV0cmljcy1jYWNoZS0y");
  ASSERT_EQ(m->ReplicationGroups.size(), 2u);
  const ReplicationGroup& g = m->ReplicationGroups[0];
  EXPECT_EQ(g.Status, "modifying");
  ASSERT_TRUE(g.PendingModifiedValues.has_value());
  EXPECT_EQ(g.PendingModifiedValues->AuthTokenStatus, "ROTATING");
  EXPECT_EQ(g.PendingModifiedValues->AutomaticFailoverStatus, "enabled");
  EXPECT_EQ(g.PendingModifiedValues->TransitEncryptionEnabled, true);
  EXPECT_EQ(g.PendingModifiedValues->TransitEncryptionMode, "required");
  ASSERT_TRUE(g.PendingModifiedValues->Resharding.has_value());
  ASSERT_TRUE(g.PendingModifiedValues->Resharding->SlotMigration.has_value());
  EXPECT_DOUBLE_EQ(g.PendingModifiedValues->Resharding->SlotMigration->ProgressPercentage.value(),
                   42.5);

  const NodeGroup& sessions = m->ReplicationGroups[1].NodeGroups.at(0);
  ASSERT_TRUE(sessions.ReaderEndpoint.has_value());
  EXPECT_EQ(sessions.ReaderEndpoint->Address,
            "replica.metrics-sessions.abcdef.usw2.cache.amazonaws.com");
  EXPECT_EQ(sessions.ReaderEndpoint->Port, 6379);
  EXPECT_EQ(sessions.NodeGroupMembers.at(1).CurrentRole, "replica");
}

TEST(ElastiCacheDecodeTest, DescribeReplicationGroupsFromMoto) {
  Result<ReplicationGroupMessage> m =
      DecodeDescribeReplicationGroups(ReadFixture("elasticache/describe_replication_groups.xml"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->ReplicationGroups.size(), 2u);
  EXPECT_EQ(m->ReplicationGroups[0].ReplicationGroupId, "metrics-cache");
  EXPECT_EQ(m->ReplicationGroups[1].ReplicationGroupId, "metrics-sessions");
  EXPECT_FALSE(m->Marker.has_value());
}

TEST(ElastiCacheDecodeTest, SnapshotsEventsAndTags) {
  Result<Snapshot> created =
      DecodeSnapshotResult("CreateSnapshot", ReadFixture("elasticache/create_snapshot.xml"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->SnapshotName, "metrics-cache-snap");
  EXPECT_EQ(created->ReplicationGroupId, "metrics-cache");
  EXPECT_EQ(created->SnapshotStatus, "available");
  EXPECT_EQ(created->SnapshotRetentionLimit, 5);

  Result<Snapshot> copied =
      DecodeSnapshotResult("CopySnapshot", ReadFixture("elasticache/copy_snapshot.xml"));
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_EQ(copied->SnapshotName, "ext-snap-copy");

  Result<Snapshot> deleted =
      DecodeSnapshotResult("DeleteSnapshot", ReadFixture("elasticache/delete_snapshot.xml"));
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_EQ(deleted->SnapshotName, "metrics-cache-snap");

  Result<DescribeSnapshotsListMessage> listed =
      DecodeDescribeSnapshots(ReadFixture("elasticache/describe_snapshots.xml"));
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->Snapshots.size(), 1u);
  EXPECT_EQ(listed->Snapshots[0].SnapshotName, "metrics-cache-snap");

  Result<EventsMessage> events =
      DecodeDescribeEvents(ReadFixture("elasticache/describe_events.xml"));
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_FALSE(events->Events.empty());
  EXPECT_EQ(events->Events[0].SourceIdentifier, "ext-cache");
  EXPECT_EQ(events->Events[0].SourceType, "replication-group");
  EXPECT_EQ(events->Events[0].Message, "Shard configuration of ext-cache changed to 3 shards");
  EXPECT_TRUE(events->Events[0].Date.has_value());

  Result<TagListMessage> tags =
      DecodeAddTagsToResource(ReadFixture("elasticache/add_tags_to_resource.xml"));
  ASSERT_TRUE(tags.ok()) << tags.status().ToString();
}

TEST(ElastiCacheDecodeTest, AddTagsToResourceReturnsTheTagList) {
  const std::string body =
      "<AddTagsToResourceResponse><AddTagsToResourceResult><TagList>"
      "<Tag><Key>platform</Key><Value>metrics</Value></Tag>"
      "<Tag><Key>team</Key><Value></Value></Tag>"
      "</TagList></AddTagsToResourceResult></AddTagsToResourceResponse>";
  Result<TagListMessage> tags = DecodeAddTagsToResource(body);
  ASSERT_TRUE(tags.ok()) << tags.status().ToString();
  EXPECT_THAT(tags->TagList, ElementsAre(Tag{"platform", "metrics"}, Tag{"team", ""}));
}

TEST(ElastiCacheDecodeTest, WrongDocumentIsInternalErrorNamingTheAction) {
  Result<ReplicationGroup> g = DecodeReplicationGroupResult(
      "TestFailover", ReadFixture("elasticache/create_replication_group_cluster_mode.xml"));
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kInternal);
  EXPECT_THAT(g.status().message(), HasSubstr("has no <TestFailoverResponse>"));
}

}  // namespace
}  // namespace po::aws::elasticache
