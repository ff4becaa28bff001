// Checks the RDS response decoders on bodies captured from moto (tests/fixtures/aws/rds) and on
// hand-written bodies of the documented shapes moto does not send.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "operator/aws/rds/decode.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::rds {
namespace {

using ::po::aws::testing::ReadFixture;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct InstanceCase {
  std::string fixture;
  std::string action;
  std::string identifier;
  std::string status;
};

class RdsDBInstanceResultTest : public ::testing::TestWithParam<InstanceCase> {};

TEST_P(RdsDBInstanceResultTest, DecodesIdentifierStatusAndEndpoint) {
  const InstanceCase& c = GetParam();
  Result<DBInstance> decoded = DecodeDBInstanceResult(c.action, ReadFixture("rds/" + c.fixture));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->DBInstanceIdentifier, c.identifier);
  EXPECT_EQ(decoded->DBInstanceStatus, c.status);
  ASSERT_TRUE(decoded->Endpoint.has_value());
  EXPECT_EQ(decoded->Endpoint->Port, 5432);
  EXPECT_EQ(decoded->Engine, "postgres");
}

INSTANTIATE_TEST_SUITE_P(
    Moto, RdsDBInstanceResultTest,
    ::testing::Values(
        InstanceCase{"create_db_instance.xml", "CreateDBInstance", "metrics-db", "available"},
        InstanceCase{"modify_db_instance.xml", "ModifyDBInstance", "metrics-db", "available"},
        InstanceCase{"reboot_db_instance.xml", "RebootDBInstance", "metrics-db", "available"},
        InstanceCase{"create_db_instance_read_replica.xml", "CreateDBInstanceReadReplica",
                     "metrics-db-replica", "available"},
        InstanceCase{"promote_read_replica.xml", "PromoteReadReplica", "metrics-db-replica",
                     "available"},
        InstanceCase{"restore_db_instance_from_db_snapshot.xml", "RestoreDBInstanceFromDBSnapshot",
                     "metrics-restored", "available"},
        InstanceCase{"restore_db_instance_to_point_in_time.xml", "RestoreDBInstanceToPointInTime",
                     "metrics-pitr", "available"},
        InstanceCase{"delete_db_instance.xml", "DeleteDBInstance", "metrics-pitr", "deleting"}),
    [](const ::testing::TestParamInfo<InstanceCase>& info) { return info.param.action; });

TEST(RdsDecodeTest, CreateDBInstanceCarriesEveryFieldControllersUse) {
  Result<DBInstance> d =
      DecodeDBInstanceResult("CreateDBInstance", ReadFixture("rds/create_db_instance.xml"));
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->DBInstanceArn, "arn:aws:rds:us-east-1:123456789012:db:metrics-db");
  EXPECT_EQ(d->DBInstanceClass, "db.r6g.large");
  EXPECT_EQ(d->EngineVersion, "15.4");
  EXPECT_EQ(d->Endpoint->Address, "metrics-db.aaaaaaaaaa.us-east-1.rds.amazonaws.com");
  EXPECT_EQ(d->MultiAZ, true);
  EXPECT_EQ(d->AvailabilityZone, "us-east-1a");
  EXPECT_EQ(d->AllocatedStorage, 100);
  EXPECT_EQ(d->MaxAllocatedStorage, 500);
  EXPECT_EQ(d->StorageType, "gp3");
  EXPECT_EQ(d->StorageEncrypted, true);
  EXPECT_EQ(d->KmsKeyId, "alias/metrics");
  EXPECT_EQ(d->BackupRetentionPeriod, 7);
  EXPECT_EQ(d->PreferredBackupWindow, "03:00-04:00");
  EXPECT_EQ(d->PreferredMaintenanceWindow, "sun:05:00-sun:06:00");
  EXPECT_EQ(d->DeletionProtection, false);
  EXPECT_EQ(d->MasterUsername, "metrics");
  EXPECT_EQ(d->DBName, "metrics");
  EXPECT_TRUE(d->LatestRestorableTime.has_value());
  ASSERT_EQ(d->VpcSecurityGroups.size(), 1u);
  EXPECT_EQ(d->VpcSecurityGroups[0].VpcSecurityGroupId, "sg-0123456789abcdef0");
  EXPECT_EQ(d->VpcSecurityGroups[0].Status, "active");
  EXPECT_THAT(d->TagList, ElementsAre(Tag{"platform", "metrics"}));
  EXPECT_TRUE(d->ReadReplicaDBInstanceIdentifiers.empty());
  EXPECT_FALSE(d->ReadReplicaSourceDBInstanceIdentifier.has_value());
  EXPECT_FALSE(d->PendingModifiedValues.has_value());
  EXPECT_FALSE(d->Iops.has_value());
}

TEST(RdsDecodeTest, CrossRegionReplicaNamesItsSourceByArn) {
  Result<DBInstance> replica = DecodeDBInstanceResult(
      "CreateDBInstanceReadReplica", ReadFixture("rds/create_db_instance_read_replica.xml"));
  ASSERT_TRUE(replica.ok()) << replica.status().ToString();
  EXPECT_EQ(replica->ReadReplicaSourceDBInstanceIdentifier,
            "arn:aws:rds:us-east-1:123456789012:db:metrics-db");
  EXPECT_EQ(replica->DBInstanceArn, "arn:aws:rds:us-west-2:123456789012:db:metrics-db-replica");

  Result<DBInstanceMessage> primary =
      DecodeDescribeDBInstances(ReadFixture("rds/describe_db_instances_primary_with_replica.xml"));
  ASSERT_TRUE(primary.ok()) << primary.status().ToString();
  ASSERT_EQ(primary->DBInstances.size(), 1u);
  EXPECT_THAT(primary->DBInstances[0].ReadReplicaDBInstanceIdentifiers,
              ElementsAre("arn:aws:rds:us-west-2:123456789012:db:metrics-db-replica"));
}

TEST(RdsDecodeTest, DocumentedPendingModifiedValuesAndStatusInfos) {
  Result<DBInstanceMessage> m =
      DecodeDescribeDBInstances(ReadFixture("rds/describe_db_instances_documented_shapes.xml"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->DBInstances.size(), 1u);
  const DBInstance& d = m->DBInstances[0];
  EXPECT_EQ(d.SecondaryAvailabilityZone, "us-west-2b");
  EXPECT_EQ(d.Iops, 3000);
  ASSERT_TRUE(d.PendingModifiedValues.has_value());
  const PendingModifiedValues& p = *d.PendingModifiedValues;
  EXPECT_FALSE(p.empty());
  EXPECT_EQ(p.DBInstanceClass, "db.r6g.xlarge");
  EXPECT_EQ(p.AllocatedStorage, 200);
  EXPECT_EQ(p.BackupRetentionPeriod, 14);
  EXPECT_EQ(p.MultiAZ, false);
  EXPECT_EQ(p.EngineVersion, "15.5");
  EXPECT_EQ(p.Iops, 6000);
  EXPECT_EQ(p.StorageType, "io2");
  ASSERT_EQ(d.StatusInfos.size(), 1u);
  EXPECT_EQ(d.StatusInfos[0].StatusType, "read replication");
  EXPECT_EQ(d.StatusInfos[0].Normal, false);
  EXPECT_EQ(d.StatusInfos[0].Status, "error");
  EXPECT_EQ(d.StatusInfos[0].Message, "Replication has stopped.");
  EXPECT_FALSE(m->Marker.has_value());
}

TEST(RdsDecodeTest, DescribePagesCarryMarkerUntilTheLast) {
  Result<DBInstanceMessage> page1 =
      DecodeDescribeDBInstances(ReadFixture("rds/describe_db_instances_page1.xml"));
  ASSERT_TRUE(page1.ok()) << page1.status().ToString();
  EXPECT_EQ(page1->DBInstances.size(), 20u);
  ASSERT_TRUE(page1->Marker.has_value());
  EXPECT_FALSE(page1->Marker->empty());

  Result<DBInstanceMessage> page2 =
      DecodeDescribeDBInstances(ReadFixture("rds/describe_db_instances_page2.xml"));
  ASSERT_TRUE(page2.ok()) << page2.status().ToString();
  EXPECT_EQ(page2->DBInstances.size(), 3u);
  EXPECT_FALSE(page2->Marker.has_value());
}

TEST(RdsDecodeTest, Snapshots) {
  Result<DBSnapshot> created =
      DecodeDBSnapshotResult("CreateDBSnapshot", ReadFixture("rds/create_db_snapshot.xml"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->DBSnapshotIdentifier, "metrics-snap");
  EXPECT_EQ(created->DBInstanceIdentifier, "metrics-db");
  EXPECT_EQ(created->Status, "available");
  EXPECT_EQ(created->SnapshotType, "manual");
  EXPECT_EQ(created->Encrypted, true);
  EXPECT_EQ(created->DBSnapshotArn, "arn:aws:rds:us-east-1:123456789012:snapshot:metrics-snap");

  Result<DBSnapshot> copied =
      DecodeDBSnapshotResult("CopyDBSnapshot", ReadFixture("rds/copy_db_snapshot.xml"));
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_EQ(copied->DBSnapshotIdentifier, "metrics-snap-west");
  EXPECT_EQ(copied->DBSnapshotArn, "arn:aws:rds:us-west-2:123456789012:snapshot:metrics-snap-west");
  EXPECT_THAT(copied->KmsKeyId.value_or(""), HasSubstr("arn:aws:kms:us-west-2:"));

  Result<DBSnapshot> deleted =
      DecodeDBSnapshotResult("DeleteDBSnapshot", ReadFixture("rds/delete_db_snapshot.xml"));
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_EQ(deleted->DBSnapshotIdentifier, "metrics-snap");

  Result<DBSnapshotMessage> listed =
      DecodeDescribeDBSnapshots(ReadFixture("rds/describe_db_snapshots.xml"));
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_FALSE(listed->DBSnapshots.empty());
  EXPECT_EQ(listed->DBSnapshots[0].DBInstanceIdentifier, "metrics-db");
}

TEST(RdsDecodeTest, EventsTagsAndSubnetGroups) {
  Result<EventsMessage> events = DecodeDescribeEvents(ReadFixture("rds/describe_events.xml"));
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_FALSE(events->Events.empty());
  EXPECT_EQ(events->Events[0].SourceIdentifier, "metrics-db");
  EXPECT_EQ(events->Events[0].SourceType, "db-instance");
  EXPECT_EQ(events->Events[0].Message, "DB instance created");
  EXPECT_THAT(events->Events[0].EventCategories, ElementsAre("creation"));
  EXPECT_TRUE(events->Events[0].Date.has_value());

  EXPECT_TRUE(DecodeAddTagsToResource(ReadFixture("rds/add_tags_to_resource.xml")).ok());
  Result<TagListMessage> tags =
      DecodeListTagsForResource(ReadFixture("rds/list_tags_for_resource.xml"));
  ASSERT_TRUE(tags.ok()) << tags.status().ToString();
  EXPECT_THAT(tags->TagList, ElementsAre(Tag{"platform", "metrics"}, Tag{"team", "observability"}));

  Result<DBSubnetGroup> group =
      DecodeCreateDBSubnetGroup(ReadFixture("rds/create_db_subnet_group.xml"));
  ASSERT_TRUE(group.ok()) << group.status().ToString();
  EXPECT_EQ(group->DBSubnetGroupName, "metrics-subnets");
  EXPECT_EQ(group->SubnetGroupStatus, "Complete");
  ASSERT_EQ(group->Subnets.size(), 2u);
  EXPECT_EQ(group->Subnets[0].SubnetAvailabilityZone, "us-east-1a");
  EXPECT_EQ(group->Subnets[1].SubnetAvailabilityZone, "us-east-1b");

  Result<DBSubnetGroupMessage> groups =
      DecodeDescribeDBSubnetGroups(ReadFixture("rds/describe_db_subnet_groups.xml"));
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->DBSubnetGroups.size(), 1u);
  EXPECT_EQ(groups->DBSubnetGroups[0].Subnets.size(), 2u);
}

TEST(RdsDecodeTest, DocumentedAutomatedBackupsReplication) {
  Result<DBInstanceAutomatedBackup> b = DecodeStartDBInstanceAutomatedBackupsReplication(
      ReadFixture("rds/start_db_instance_automated_backups_replication_documented.xml"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->DBInstanceArn, "arn:aws:rds:us-east-1:123456789012:db:metrics-db");
  EXPECT_EQ(b->Status, "pending");
  EXPECT_EQ(b->BackupRetentionPeriod, 7);
  EXPECT_EQ(b->Encrypted, true);
}

struct BadBodyCase {
  std::string name;
  std::string body;
  std::string message;
};

class RdsBadBodyTest : public ::testing::TestWithParam<BadBodyCase> {};

TEST_P(RdsBadBodyTest, IsAnInternalErrorNamingTheAction) {
  Result<DBInstance> decoded = DecodeDBInstanceResult("CreateDBInstance", GetParam().body);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kInternal);
  EXPECT_THAT(decoded.status().message(), HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, RdsBadBodyTest,
    ::testing::Values(
        BadBodyCase{"NotXml", "{\"json\": true", "malformed XML in RDS CreateDBInstance"},
        BadBodyCase{"WrongDocument", "<DescribeDBInstancesResponse/>",
                    "has no <CreateDBInstanceResponse>"},
        BadBodyCase{
            "NoInstance",
            "<CreateDBInstanceResponse><CreateDBInstanceResult/></CreateDBInstanceResponse>",
            "has no <DBInstance>"}),
    [](const ::testing::TestParamInfo<BadBodyCase>& info) { return info.param.name; });

}  // namespace
}  // namespace po::aws::rds
