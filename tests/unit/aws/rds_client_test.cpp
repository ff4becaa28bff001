// Checks RdsClient's calls through a FakeApiCaller (service, region, action, version, parameters),
// its handling of service errors and undecodable bodies, and the lazy DBInstancePager.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "operator/aws/rds/client.h"
#include "operator/aws/rds/pager.h"
#include "tests/fakes/fake_api_caller.h"
#include "tests/unit/aws/query_test_util.h"

namespace po::aws::rds {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::Operations;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::Contains;
using ::testing::Pair;

TEST(RdsClientTest, CreateDBInstanceCallsRdsInTheGivenRegion) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("rds/create_db_instance.xml"));
  RdsClient client(caller);
  CreateDBInstanceMessage request;
  request.DBInstanceIdentifier = "metrics-db";
  request.DBInstanceClass = "db.r6g.large";
  request.Engine = "postgres";

  Outcome<DBInstance> created = client.CreateDBInstance("eu-west-1", request);

  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_EQ(created->DBInstanceIdentifier, "metrics-db");
  RecordedCall call = caller.last_call();
  EXPECT_EQ(call.protocol, RecordedCall::Protocol::kQuery);
  EXPECT_EQ(call.target.service, "rds");
  EXPECT_EQ(call.target.region, "eu-west-1");
  EXPECT_EQ(call.operation, "CreateDBInstance");
  EXPECT_EQ(call.api_version, "2014-10-31");
  EXPECT_THAT(call.params, Contains(Pair("DBInstanceIdentifier", "metrics-db")));
}

TEST(RdsClientTest, ServiceErrorIsReturnedUnchanged) {
  FakeApiCaller caller;
  caller.QueueQuery(ServiceError("DBInstanceNotFound", 404, "DBInstance nope not found."));
  RdsClient client(caller);
  DescribeDBInstancesMessage request;
  request.DBInstanceIdentifier = "nope";

  Outcome<DBInstanceMessage> described = client.DescribeDBInstances("us-east-1", request);

  ASSERT_FALSE(described.ok());
  EXPECT_TRUE(described.IsError("DBInstanceNotFound"));
  EXPECT_EQ(described.error().http_status, 404);
}

TEST(RdsClientTest, UndecodableBodyBecomesInvalidResponse) {
  FakeApiCaller caller;
  caller.QueueQuery(std::string("<html>proxy error</html>"));
  RdsClient client(caller);

  Outcome<DBInstance> rebooted = client.RebootDBInstance("us-east-1", {"metrics-db", true});

  ASSERT_FALSE(rebooted.ok());
  EXPECT_EQ(rebooted.error().code, "InvalidResponse");
  EXPECT_THAT(rebooted.error().message, ::testing::HasSubstr("RebootDBInstanceResponse"));
}

// Every operation sends its own action name and decodes its own fixture.
TEST(RdsClientTest, EachOperationUsesItsAction) {
  FakeApiCaller caller;
  RdsClient client(caller);
  const std::string region = "us-west-2";
  caller.QueueQuery(ReadFixture("rds/modify_db_instance.xml"));
  EXPECT_TRUE(client.ModifyDBInstance(region, ModifyDBInstanceMessage{}).ok());
  caller.QueueQuery(ReadFixture("rds/delete_db_instance.xml"));
  EXPECT_TRUE(client.DeleteDBInstance(region, DeleteDBInstanceMessage{}).ok());
  caller.QueueQuery(ReadFixture("rds/create_db_instance_read_replica.xml"));
  EXPECT_TRUE(client.CreateDBInstanceReadReplica(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/promote_read_replica.xml"));
  EXPECT_TRUE(client.PromoteReadReplica(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/create_db_snapshot.xml"));
  EXPECT_TRUE(client.CreateDBSnapshot(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/copy_db_snapshot.xml"));
  EXPECT_TRUE(client.CopyDBSnapshot(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/describe_db_snapshots.xml"));
  EXPECT_TRUE(client.DescribeDBSnapshots(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/delete_db_snapshot.xml"));
  EXPECT_TRUE(client.DeleteDBSnapshot(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/restore_db_instance_from_db_snapshot.xml"));
  EXPECT_TRUE(client.RestoreDBInstanceFromDBSnapshot(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/restore_db_instance_to_point_in_time.xml"));
  EXPECT_TRUE(client.RestoreDBInstanceToPointInTime(region, {}).ok());
  caller.QueueQuery(
      ReadFixture("rds/start_db_instance_automated_backups_replication_documented.xml"));
  EXPECT_TRUE(client.StartDBInstanceAutomatedBackupsReplication(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/describe_events.xml"));
  EXPECT_TRUE(client.DescribeEvents(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/add_tags_to_resource.xml"));
  EXPECT_TRUE(client.AddTagsToResource(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/list_tags_for_resource.xml"));
  EXPECT_TRUE(client.ListTagsForResource(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/create_db_subnet_group.xml"));
  EXPECT_TRUE(client.CreateDBSubnetGroup(region, {}).ok());
  caller.QueueQuery(ReadFixture("rds/describe_db_subnet_groups.xml"));
  EXPECT_TRUE(client.DescribeDBSubnetGroups(region, {}).ok());

  for (const RecordedCall& call : caller.calls()) EXPECT_EQ(call.target.region, region);
  EXPECT_THAT(
      Operations(caller),
      ::testing::ElementsAre(
          "ModifyDBInstance", "DeleteDBInstance", "CreateDBInstanceReadReplica",
          "PromoteReadReplica", "CreateDBSnapshot", "CopyDBSnapshot", "DescribeDBSnapshots",
          "DeleteDBSnapshot", "RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceToPointInTime",
          "StartDBInstanceAutomatedBackupsReplication", "DescribeEvents", "AddTagsToResource",
          "ListTagsForResource", "CreateDBSubnetGroup", "DescribeDBSubnetGroups"));
}

TEST(DBInstancePagerTest, WalksAllPagesLazilyFollowingMarker) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page1.xml"));
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page2.xml"));
  RdsClient client(caller);
  DescribeDBInstancesMessage request;
  request.Filters = {{"engine", {"postgres"}}};
  request.MaxRecords = 20;
  request.Marker = "ignored";
  DBInstancePager pager(client, "us-east-1", request);

  Outcome<std::optional<DBInstance>> first = pager.Next();
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first.value().has_value());
  EXPECT_EQ(pager.pages_fetched(), 1);
  EXPECT_EQ(caller.calls().size(), 1u);  // the second page is not fetched yet

  int seen = 1;
  while (true) {
    Outcome<std::optional<DBInstance>> next = pager.Next();
    ASSERT_TRUE(next.ok()) << next.error().ToString();
    if (!next.value()) break;
    ++seen;
  }
  EXPECT_EQ(seen, 23);
  EXPECT_EQ(pager.pages_fetched(), 2);
  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 2u);
  for (const auto& [name, value] : calls[0].params) EXPECT_NE(name, "Marker");
  EXPECT_THAT(calls[1].params, Contains(Pair("Marker", ::testing::StartsWith("eyJ"))));
  EXPECT_THAT(calls[1].params, Contains(Pair("Filters.Filter.1.Name", "engine")));
  // Past the end it stays at the end without calling again.
  EXPECT_FALSE(pager.Next().value().has_value());
  EXPECT_EQ(caller.calls().size(), 2u);
}

TEST(DBInstancePagerTest, PageErrorIsReturnedAndTheSamePageIsRetried) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page1.xml"));
  caller.QueueQuery(ServiceError("Throttling", 400, "Rate exceeded"));
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page2.xml"));
  RdsClient client(caller);
  DBInstancePager pager(client, "us-east-1", {});
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(pager.Next().ok());

  Outcome<std::optional<DBInstance>> failed = pager.Next();
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(failed.IsError("Throttling"));

  Outcome<std::optional<DBInstance>> retried = pager.Next();
  ASSERT_TRUE(retried.ok());
  ASSERT_TRUE(retried.value().has_value());
  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[1].params, calls[2].params);
}

TEST(DBInstancePagerTest, DescribeAllConcatenatesPages) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page1.xml"));
  caller.QueueQuery(ReadFixture("rds/describe_db_instances_page2.xml"));
  RdsClient client(caller);

  Outcome<std::vector<DBInstance>> all = DescribeAllDBInstances(client, "us-east-1", {});

  ASSERT_TRUE(all.ok()) << all.error().ToString();
  EXPECT_EQ(all->size(), 23u);
  EXPECT_EQ(all->front().DBInstanceIdentifier, "metrics-db");
}

}  // namespace
}  // namespace po::aws::rds
