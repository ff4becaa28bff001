// Checks ElastiCacheClient's calls through a FakeApiCaller, error handling, and
// DescribeAllReplicationGroups' Marker walk.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "operator/aws/elasticache/client.h"
#include "operator/aws/elasticache/pager.h"
#include "tests/fakes/fake_api_caller.h"
#include "tests/unit/aws/query_test_util.h"

namespace po::aws::elasticache {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::Operations;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Pair;

TEST(ElastiCacheClientTest, ModifyReplicationGroupSendsTokenAndStrategy) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("elasticache/modify_replication_group.xml"));
  ElastiCacheClient client(caller);
  ModifyReplicationGroupMessage request;
  request.ReplicationGroupId = "ext-cache";
  request.AuthToken = "another-fake-token-0123456789";
  request.AuthTokenUpdateStrategy = "ROTATE";
  request.ApplyImmediately = true;

  Outcome<ReplicationGroup> modified = client.ModifyReplicationGroup("us-west-2", request);

  ASSERT_TRUE(modified.ok()) << modified.error().ToString();
  EXPECT_EQ(modified->AuthTokenEnabled, true);
  RecordedCall call = caller.last_call();
  EXPECT_EQ(call.target.service, "elasticache");
  EXPECT_EQ(call.target.region, "us-west-2");
  EXPECT_EQ(call.operation, "ModifyReplicationGroup");
  EXPECT_EQ(call.api_version, "2015-02-02");
  EXPECT_THAT(call.params, Contains(Pair("AuthTokenUpdateStrategy", "ROTATE")));
  EXPECT_THAT(call.params, Contains(Pair("AuthToken", "another-fake-token-0123456789")));
}

TEST(ElastiCacheClientTest, ServiceErrorIsReturnedUnchanged) {
  FakeApiCaller caller;
  caller.QueueQuery(ServiceError("ReplicationGroupNotFoundFault", 404));
  ElastiCacheClient client(caller);
  TestFailoverMessage request;
  request.ReplicationGroupId = "nope";
  request.NodeGroupId = "0001";

  Outcome<ReplicationGroup> failed = client.TestFailover("us-east-1", request);

  EXPECT_TRUE(failed.IsError("ReplicationGroupNotFoundFault"));
}

TEST(ElastiCacheClientTest, UndecodableBodyBecomesInvalidResponse) {
  FakeApiCaller caller;
  caller.QueueQuery(std::string("not xml <"));
  ElastiCacheClient client(caller);

  Outcome<Snapshot> copied = client.CopySnapshot("us-east-1", CopySnapshotMessage{});

  ASSERT_FALSE(copied.ok());
  EXPECT_EQ(copied.error().code, "InvalidResponse");
  EXPECT_THAT(copied.error().message, ::testing::HasSubstr("ElastiCache CopySnapshot"));
}

TEST(ElastiCacheClientTest, EachOperationUsesItsAction) {
  FakeApiCaller caller;
  ElastiCacheClient client(caller);
  const std::string region = "us-east-1";
  caller.QueueQuery(ReadFixture("elasticache/create_replication_group_cluster_mode.xml"));
  EXPECT_TRUE(client.CreateReplicationGroup(region, CreateReplicationGroupMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/describe_replication_groups.xml"));
  EXPECT_TRUE(client.DescribeReplicationGroups(region, DescribeReplicationGroupsMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/modify_replication_group_shard_configuration.xml"));
  EXPECT_TRUE(client
                  .ModifyReplicationGroupShardConfiguration(
                      region, ModifyReplicationGroupShardConfigurationMessage{})
                  .ok());
  caller.QueueQuery(ReadFixture("elasticache/increase_replica_count.xml"));
  EXPECT_TRUE(client.IncreaseReplicaCount(region, IncreaseReplicaCountMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/decrease_replica_count.xml"));
  EXPECT_TRUE(client.DecreaseReplicaCount(region, DecreaseReplicaCountMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/delete_replication_group.xml"));
  EXPECT_TRUE(client.DeleteReplicationGroup(region, DeleteReplicationGroupMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/create_snapshot.xml"));
  EXPECT_TRUE(client.CreateSnapshot(region, CreateSnapshotMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/describe_snapshots.xml"));
  EXPECT_TRUE(client.DescribeSnapshots(region, DescribeSnapshotsMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/delete_snapshot.xml"));
  EXPECT_TRUE(client.DeleteSnapshot(region, DeleteSnapshotMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/describe_events.xml"));
  EXPECT_TRUE(client.DescribeEvents(region, DescribeEventsMessage{}).ok());
  caller.QueueQuery(ReadFixture("elasticache/add_tags_to_resource.xml"));
  EXPECT_TRUE(client.AddTagsToResource(region, AddTagsToResourceMessage{}).ok());

  EXPECT_THAT(
      Operations(caller),
      ElementsAre("CreateReplicationGroup", "DescribeReplicationGroups",
                  "ModifyReplicationGroupShardConfiguration", "IncreaseReplicaCount",
                  "DecreaseReplicaCount", "DeleteReplicationGroup", "CreateSnapshot",
                  "DescribeSnapshots", "DeleteSnapshot", "DescribeEvents", "AddTagsToResource"));
}

TEST(DescribeAllReplicationGroupsTest, FollowsMarkerToTheLastPage) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("elasticache/describe_replication_groups_documented_shapes.xml"));
  caller.QueueQuery(ReadFixture("elasticache/describe_replication_groups.xml"));
  ElastiCacheClient client(caller);
  DescribeReplicationGroupsMessage request;
  request.MaxRecords = 20;

  Outcome<std::vector<ReplicationGroup>> all =
      DescribeAllReplicationGroups(client, "us-west-2", request);

  ASSERT_TRUE(all.ok()) << all.error().ToString();
  EXPECT_EQ(all->size(), 4u);
  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_THAT(calls[0].params, ElementsAre(Pair("MaxRecords", "20")));
  EXPECT_THAT(calls[1].params,
              ElementsAre(Pair("MaxRecords", "20"), Pair("Marker", "bWV0cmljcy1jYWNoZS0y")));
}

TEST(DescribeAllReplicationGroupsTest, ReturnsThePageError) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("elasticache/describe_replication_groups_documented_shapes.xml"));
  caller.QueueQuery(ServiceError("Throttling", 400));
  ElastiCacheClient client(caller);

  Outcome<std::vector<ReplicationGroup>> all =
      DescribeAllReplicationGroups(client, "us-west-2", DescribeReplicationGroupsMessage{});

  EXPECT_TRUE(all.IsError("Throttling"));
}

}  // namespace
}  // namespace po::aws::elasticache
