// ElastiCacheClient end to end through SigningApiCaller against the harness's moto server, in
// us-east-1 and us-west-2. CreateReplicationGroup, DescribeReplicationGroups, CreateSnapshot,
// DescribeSnapshots, DeleteSnapshot, AddTagsToResource and DeleteReplicationGroup are plain moto;
// the modify, resharding, replica-count, failover, copy, events and final-snapshot behaviour come
// from scripts/moto_ext. Results are checked with the AWS CLI where it matters.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/elasticache/client.h"
#include "operator/aws/elasticache/pager.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::elasticache {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<size_t> ReplicasPerShard(const ReplicationGroup& group) {
  std::vector<size_t> counts;
  for (const NodeGroup& ng : group.NodeGroups) counts.push_back(ng.NodeGroupMembers.size() - 1);
  return counts;
}

class ElastiCacheMotoTest : public moto::MotoFixture,
                            public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    client_ = std::make_unique<ElastiCacheClient>(*caller_);
  }

  CreateReplicationGroupMessage ClusterModeRequest(const std::string& id) {
    CreateReplicationGroupMessage request;
    request.ReplicationGroupId = id;
    request.ReplicationGroupDescription = "metrics cache";
    request.ClusterMode = "enabled";
    request.NumNodeGroups = 2;
    request.ReplicasPerNodeGroup = 1;
    request.AutomaticFailoverEnabled = true;
    request.MultiAZEnabled = true;
    request.AtRestEncryptionEnabled = true;
    request.TransitEncryptionEnabled = true;
    request.KmsKeyId = "alias/metrics-cache";
    request.AuthToken = "not-a-real-token-0123456789";
    request.CacheNodeType = "cache.r7g.large";
    request.Engine = "redis";
    request.EngineVersion = "7.1";
    request.CacheParameterGroupName = "default.redis7.cluster.on";
    request.SecurityGroupIds = {"sg-0123456789abcdef0"};
    request.SnapshotRetentionLimit = 5;
    request.SnapshotWindow = "04:00-05:00";
    request.Tags = {{"platform", "metrics"}};
    return request;
  }

  std::unique_ptr<ElastiCacheClient> client_;
};

TEST_P(ElastiCacheMotoTest, ClusterModeGroupLifecycle) {
  const std::string region = GetParam();
  const std::string id = Unique("it-cache");
  Outcome<ReplicationGroup> created =
      client_->CreateReplicationGroup(region, ClusterModeRequest(id));
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_EQ(created->ClusterEnabled, true);
  EXPECT_EQ(created->AuthTokenEnabled, true);
  EXPECT_THAT(ReplicasPerShard(created.value()), ElementsAre(1u, 1u));
  EXPECT_THAT(created->ARN.value_or(""), HasSubstr("arn:aws:elasticache:" + region + ":"));
  EXPECT_EQ(Cli("aws elasticache describe-replication-groups --region " + region +
                " --replication-group-id " + id +
                " --query 'ReplicationGroups[0].[ClusterEnabled,AtRestEncryptionEnabled," +
                "TransitEncryptionEnabled,length(NodeGroups)]' --output text"),
            "True\tTrue\tTrue\t2");

  Outcome<std::vector<ReplicationGroup>> all =
      DescribeAllReplicationGroups(*client_, region, DescribeReplicationGroupsMessage{});
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  std::vector<std::string> ids;
  for (const ReplicationGroup& g : all.value()) ids.push_back(g.ReplicationGroupId.value_or(""));
  EXPECT_THAT(ids, Contains(id));

  ModifyReplicationGroupMessage modify;
  modify.ReplicationGroupId = id;
  modify.AuthToken = "another-fake-token-0123456789";
  modify.AuthTokenUpdateStrategy = "ROTATE";
  modify.SnapshotRetentionLimit = 3;
  modify.ApplyImmediately = true;
  Outcome<ReplicationGroup> modified = client_->ModifyReplicationGroup(region, modify);
  ASSERT_TRUE(modified.ok()) << modified.error().ToString();
  EXPECT_EQ(Cli("aws elasticache describe-replication-groups --region " + region +
                " --replication-group-id " + id +
                " --query 'ReplicationGroups[0].[AuthTokenEnabled,SnapshotRetentionLimit]'" +
                " --output text"),
            "True\t3");

  IncreaseReplicaCountMessage increase;
  increase.ReplicationGroupId = id;
  increase.NewReplicaCount = 2;
  Outcome<ReplicationGroup> increased = client_->IncreaseReplicaCount(region, increase);
  ASSERT_TRUE(increased.ok()) << increased.error().ToString();
  EXPECT_THAT(ReplicasPerShard(increased.value()), ElementsAre(2u, 2u));

  DecreaseReplicaCountMessage decrease;
  decrease.ReplicationGroupId = id;
  decrease.ReplicaConfiguration = {{"0002", 1, {}}};
  Outcome<ReplicationGroup> decreased = client_->DecreaseReplicaCount(region, decrease);
  ASSERT_TRUE(decreased.ok()) << decreased.error().ToString();
  EXPECT_THAT(ReplicasPerShard(decreased.value()), ElementsAre(2u, 1u));

  ModifyReplicationGroupShardConfigurationMessage reshard;
  reshard.ReplicationGroupId = id;
  reshard.NodeGroupCount = 3;
  Outcome<ReplicationGroup> resharded =
      client_->ModifyReplicationGroupShardConfiguration(region, reshard);
  ASSERT_TRUE(resharded.ok()) << resharded.error().ToString();
  EXPECT_EQ(Cli("aws elasticache describe-replication-groups --region " + region +
                " --replication-group-id " + id +
                " --query 'length(ReplicationGroups[0].NodeGroups)' --output text"),
            "3");

  ModifyReplicationGroupShardConfigurationMessage shrink;
  shrink.ReplicationGroupId = id;
  shrink.NodeGroupCount = 2;
  shrink.NodeGroupsToRemove = {"0003"};
  Outcome<ReplicationGroup> shrunk =
      client_->ModifyReplicationGroupShardConfiguration(region, shrink);
  ASSERT_TRUE(shrunk.ok()) << shrunk.error().ToString();
  EXPECT_EQ(shrunk->NodeGroups.size(), 2u);

  AddTagsToResourceMessage tags;
  tags.ResourceName = created->ARN.value_or("");
  tags.Tags = {{"team", "observability"}};
  ASSERT_TRUE(client_->AddTagsToResource(region, tags).ok());
  EXPECT_EQ(Cli("aws elasticache list-tags-for-resource --region " + region + " --resource-name " +
                tags.ResourceName + " --query 'TagList[?Key==`team`].Value' --output text"),
            "observability");

  DescribeEventsMessage events_request;
  events_request.SourceIdentifier = id;
  events_request.SourceType = "replication-group";
  Outcome<EventsMessage> events = client_->DescribeEvents(region, events_request);
  ASSERT_TRUE(events.ok()) << events.error().ToString();
  EXPECT_GE(events->Events.size(), 5u);

  DeleteReplicationGroupMessage remove;
  remove.ReplicationGroupId = id;
  remove.FinalSnapshotIdentifier = id + "-final";
  Outcome<ReplicationGroup> deleted = client_->DeleteReplicationGroup(region, remove);
  ASSERT_TRUE(deleted.ok()) << deleted.error().ToString();
  EXPECT_EQ(deleted->Status, "deleting");
  EXPECT_EQ(Cli("aws elasticache describe-snapshots --region " + region + " --snapshot-name " + id +
                "-final --query 'Snapshots[0].ReplicationGroupId' --output text"),
            id);
  // As in AWS, a deleted group is either gone or still listed as "deleting".
  DescribeReplicationGroupsMessage gone;
  gone.ReplicationGroupId = id;
  Outcome<ReplicationGroupMessage> after = client_->DescribeReplicationGroups(region, gone);
  if (after.ok()) {
    ASSERT_EQ(after->ReplicationGroups.size(), 1u);
    EXPECT_EQ(after->ReplicationGroups[0].Status, "deleting");
  } else {
    EXPECT_EQ(after.error().code, "ReplicationGroupNotFoundFault");
  }
}

TEST_P(ElastiCacheMotoTest, TestFailoverSwapsPrimary) {
  const std::string region = GetParam();
  const std::string id = Unique("it-sessions");
  CreateReplicationGroupMessage request;
  request.ReplicationGroupId = id;
  request.ReplicationGroupDescription = "sessions";
  request.ReplicasPerNodeGroup = 1;
  request.AutomaticFailoverEnabled = true;
  request.MultiAZEnabled = true;
  Outcome<ReplicationGroup> created = client_->CreateReplicationGroup(region, request);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  ASSERT_EQ(created->NodeGroups.size(), 1u);
  EXPECT_EQ(created->NodeGroups[0].NodeGroupMembers[0].CurrentRole, "primary");

  Outcome<ReplicationGroup> failed_over = client_->TestFailover(region, {id, "0001"});
  ASSERT_TRUE(failed_over.ok()) << failed_over.error().ToString();
  EXPECT_EQ(Cli("aws elasticache describe-replication-groups --region " + region +
                " --replication-group-id " + id +
                " --query \"ReplicationGroups[0].NodeGroups[0].NodeGroupMembers[?CurrentRole=='"
                "primary'].CacheClusterId\" --output text"),
            id + "-002");
  EXPECT_TRUE(client_->TestFailover(region, {id, "0009"}).IsError("NodeGroupNotFoundFault"));

  DeleteReplicationGroupMessage remove;
  remove.ReplicationGroupId = id;
  EXPECT_TRUE(client_->DeleteReplicationGroup(region, remove).ok());
}

TEST_P(ElastiCacheMotoTest, Snapshots) {
  const std::string region = GetParam();
  const std::string id = Unique("it-snapcache");
  ASSERT_TRUE(client_->CreateReplicationGroup(region, ClusterModeRequest(id)).ok());

  CreateSnapshotMessage snapshot;
  snapshot.ReplicationGroupId = id;
  snapshot.SnapshotName = id + "-snap";
  snapshot.Tags = {{"kind", "manual"}};
  Outcome<Snapshot> taken = client_->CreateSnapshot(region, snapshot);
  ASSERT_TRUE(taken.ok()) << taken.error().ToString();
  EXPECT_EQ(taken->SnapshotStatus, "available");

  CopySnapshotMessage copy;
  copy.SourceSnapshotName = id + "-snap";
  copy.TargetSnapshotName = id + "-copy";
  Outcome<Snapshot> copied = client_->CopySnapshot(region, copy);
  ASSERT_TRUE(copied.ok()) << copied.error().ToString();
  EXPECT_EQ(copied->SnapshotName, id + "-copy");
  EXPECT_TRUE(client_->CopySnapshot(region, copy).IsError("SnapshotAlreadyExistsFault"));

  DescribeSnapshotsMessage list;
  list.ReplicationGroupId = id;
  Outcome<DescribeSnapshotsListMessage> listed = client_->DescribeSnapshots(region, list);
  ASSERT_TRUE(listed.ok()) << listed.error().ToString();
  EXPECT_EQ(listed->Snapshots.size(), 2u);
  EXPECT_EQ(Cli("aws elasticache describe-snapshots --region " + region + " --snapshot-name " + id +
                "-copy --query 'Snapshots[0].ReplicationGroupId' --output text"),
            id);

  for (const std::string& name : {id + "-snap", id + "-copy"}) {
    Outcome<Snapshot> deleted = client_->DeleteSnapshot(region, {name});
    ASSERT_TRUE(deleted.ok()) << deleted.error().ToString();
  }
  EXPECT_TRUE(client_->DeleteSnapshot(region, {id + "-snap"}).IsError("SnapshotNotFoundFault"));
  DeleteReplicationGroupMessage remove;
  remove.ReplicationGroupId = id;
  EXPECT_TRUE(client_->DeleteReplicationGroup(region, remove).ok());
}

INSTANTIATE_TEST_SUITE_P(Regions, ElastiCacheMotoTest, ::testing::Values("us-east-1", "us-west-2"),
                         moto::RegionTestName);

}  // namespace
}  // namespace po::aws::elasticache
