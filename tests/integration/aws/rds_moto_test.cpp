// RdsClient end to end through SigningApiCaller against the harness's moto server (with the
// scripts/moto_ext extension), in us-east-1 and us-west-2: instance lifecycle, paging, tags,
// snapshots, restores, events, same- and cross-region read replicas, cross-region snapshot copy and
// automated-backup replication. Results are checked with the AWS CLI, not with our own client.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/rds/client.h"
#include "operator/aws/rds/pager.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::rds {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class RdsMotoTest : public moto::MotoFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    rds_ = std::make_unique<RdsClient>(*caller_);
  }

  // A small PostgreSQL instance in `region`.
  DBInstance CreateInstance(const std::string& region, const std::string& id, bool multi_az) {
    CreateDBInstanceMessage request;
    request.DBInstanceIdentifier = id;
    request.DBInstanceClass = "db.t3.micro";
    request.Engine = "postgres";
    request.EngineVersion = "15.4";
    request.AllocatedStorage = 20;
    request.MaxAllocatedStorage = 100;
    request.MasterUsername = "metrics";
    request.MasterUserPassword = "not-a-real-password";
    request.DBName = "metrics";
    request.MultiAZ = multi_az;
    request.BackupRetentionPeriod = 7;
    request.StorageEncrypted = true;
    request.Tags = {{"platform", "metrics"}};
    Outcome<DBInstance> created = rds_->CreateDBInstance(region, request);
    EXPECT_TRUE(created.ok()) << created.error().ToString();
    return created.ok() ? created.value() : DBInstance{};
  }

  std::unique_ptr<RdsClient> rds_;
};

class RdsRegionTest : public RdsMotoTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(RdsRegionTest, InstanceLifecycleTagsAndEvents) {
  const std::string region = GetParam();
  const std::string id = Unique("it-db");
  DBInstance created = CreateInstance(region, id, /*multi_az=*/true);
  EXPECT_EQ(created.DBInstanceIdentifier, id);
  EXPECT_THAT(created.DBInstanceArn.value_or(""), HasSubstr("arn:aws:rds:" + region + ":"));
  EXPECT_EQ(Cli("aws rds describe-db-instances --region " + region + " --db-instance-identifier " +
                id + " --query 'DBInstances[0].[DBInstanceStatus,MultiAZ,AllocatedStorage]'" +
                " --output text"),
            "available\tTrue\t20");

  DescribeDBInstancesMessage by_id;
  by_id.DBInstanceIdentifier = id;
  Outcome<DBInstanceMessage> described = rds_->DescribeDBInstances(region, by_id);
  ASSERT_TRUE(described.ok()) << described.error().ToString();
  ASSERT_EQ(described->DBInstances.size(), 1u);
  EXPECT_EQ(described->DBInstances[0].Endpoint.value_or(Endpoint{}).Port, 5432);

  ModifyDBInstanceMessage modify;
  modify.DBInstanceIdentifier = id;
  modify.AllocatedStorage = 40;
  modify.BackupRetentionPeriod = 14;
  modify.DeletionProtection = false;
  modify.ApplyImmediately = true;
  Outcome<DBInstance> modified = rds_->ModifyDBInstance(region, modify);
  ASSERT_TRUE(modified.ok()) << modified.error().ToString();
  EXPECT_EQ(
      Cli("aws rds describe-db-instances --region " + region + " --db-instance-identifier " + id +
          " --query 'DBInstances[0].[AllocatedStorage,BackupRetentionPeriod]'" + " --output text"),
      "40\t14");

  RebootDBInstanceMessage reboot;
  reboot.DBInstanceIdentifier = id;
  reboot.ForceFailover = true;
  Outcome<DBInstance> rebooted = rds_->RebootDBInstance(region, reboot);
  ASSERT_TRUE(rebooted.ok()) << rebooted.error().ToString();

  AddTagsToResourceMessage add_tags;
  add_tags.ResourceName = created.DBInstanceArn.value_or("");
  add_tags.Tags = {{"team", "observability"}};
  Outcome<Empty> tagged = rds_->AddTagsToResource(region, add_tags);
  ASSERT_TRUE(tagged.ok()) << tagged.error().ToString();
  ListTagsForResourceMessage list_tags;
  list_tags.ResourceName = add_tags.ResourceName;
  Outcome<TagListMessage> tags = rds_->ListTagsForResource(region, list_tags);
  ASSERT_TRUE(tags.ok()) << tags.error().ToString();
  EXPECT_THAT(tags->TagList, ElementsAre(Tag{"platform", "metrics"}, Tag{"team", "observability"}));
  EXPECT_EQ(Cli("aws rds list-tags-for-resource --region " + region + " --resource-name " +
                add_tags.ResourceName + " --query 'TagList[?Key==`team`].Value' --output text"),
            "observability");

  DescribeEventsMessage events_request;
  events_request.SourceIdentifier = id;
  events_request.SourceType = "db-instance";
  Outcome<EventsMessage> events = rds_->DescribeEvents(region, events_request);
  ASSERT_TRUE(events.ok()) << events.error().ToString();
  EXPECT_FALSE(events->Events.empty());

  DeleteDBInstanceMessage remove;
  remove.DBInstanceIdentifier = id;
  remove.SkipFinalSnapshot = false;
  remove.FinalDBSnapshotIdentifier = id + "-final";
  remove.DeleteAutomatedBackups = false;
  Outcome<DBInstance> deleted = rds_->DeleteDBInstance(region, remove);
  ASSERT_TRUE(deleted.ok()) << deleted.error().ToString();
  EXPECT_EQ(Cli("aws rds describe-db-snapshots --region " + region + " --db-snapshot-identifier " +
                id + "-final --query 'DBSnapshots[0].DBInstanceIdentifier' --output text"),
            id);
  EXPECT_TRUE(rds_->DescribeDBInstances(region, by_id).IsError("DBInstanceNotFound"));
}

TEST_P(RdsRegionTest, PagerWalksEveryPageWithFilters) {
  const std::string region = GetParam();
  const std::string prefix = Unique("it-page");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(prefix + "-" + std::to_string(i));
    CreateInstance(region, ids.back(), /*multi_az=*/false);
  }
  DescribeDBInstancesMessage request;
  request.Filters = {{"db-instance-id", ids}};
  request.MaxRecords = 2;
  DBInstancePager pager(*rds_, region, request);
  std::vector<std::string> seen;
  while (true) {
    Outcome<std::optional<DBInstance>> next = pager.Next();
    ASSERT_TRUE(next.ok()) << next.error().ToString();
    if (!next.value()) break;
    seen.push_back(next.value()->DBInstanceIdentifier.value_or(""));
  }
  EXPECT_EQ(seen, ids);
  EXPECT_EQ(pager.pages_fetched(), 3);

  for (const std::string& id : ids) {
    DeleteDBInstanceMessage remove;
    remove.DBInstanceIdentifier = id;
    remove.SkipFinalSnapshot = true;
    remove.DeleteAutomatedBackups = true;
    EXPECT_TRUE(rds_->DeleteDBInstance(region, remove).ok());
  }
}

TEST_P(RdsRegionTest, SnapshotsRestoresAndSameRegionReplica) {
  const std::string region = GetParam();
  const std::string id = Unique("it-src");
  DBInstance source = CreateInstance(region, id, /*multi_az=*/false);

  CreateDBSnapshotMessage snapshot_request;
  snapshot_request.DBSnapshotIdentifier = id + "-snap";
  snapshot_request.DBInstanceIdentifier = id;
  snapshot_request.Tags = {{"kind", "manual"}};
  Outcome<DBSnapshot> snapshot = rds_->CreateDBSnapshot(region, snapshot_request);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  EXPECT_EQ(snapshot->Status, "available");

  DescribeDBSnapshotsMessage list;
  list.DBInstanceIdentifier = id;
  list.SnapshotType = "manual";
  Outcome<DBSnapshotMessage> listed = rds_->DescribeDBSnapshots(region, list);
  ASSERT_TRUE(listed.ok()) << listed.error().ToString();
  ASSERT_EQ(listed->DBSnapshots.size(), 1u);
  EXPECT_EQ(listed->DBSnapshots[0].DBSnapshotIdentifier, id + "-snap");

  RestoreDBInstanceFromDBSnapshotMessage restore;
  restore.DBInstanceIdentifier = id + "-restored";
  restore.DBSnapshotIdentifier = id + "-snap";
  restore.DBInstanceClass = "db.t3.small";
  Outcome<DBInstance> restored = rds_->RestoreDBInstanceFromDBSnapshot(region, restore);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_EQ(Cli("aws rds describe-db-instances --region " + region + " --db-instance-identifier " +
                id + "-restored --query 'DBInstances[0].DBInstanceClass' --output text"),
            "db.t3.small");

  RestoreDBInstanceToPointInTimeMessage pitr;
  pitr.SourceDBInstanceIdentifier = id;
  pitr.TargetDBInstanceIdentifier = id + "-pitr";
  pitr.UseLatestRestorableTime = true;
  Outcome<DBInstance> pitr_restored = rds_->RestoreDBInstanceToPointInTime(region, pitr);
  ASSERT_TRUE(pitr_restored.ok()) << pitr_restored.error().ToString();
  EXPECT_EQ(pitr_restored->DBInstanceIdentifier, id + "-pitr");

  CreateDBInstanceReadReplicaMessage replica;
  replica.DBInstanceIdentifier = id + "-replica";
  replica.SourceDBInstanceIdentifier = id;
  Outcome<DBInstance> replica_created = rds_->CreateDBInstanceReadReplica(region, replica);
  ASSERT_TRUE(replica_created.ok()) << replica_created.error().ToString();
  EXPECT_EQ(Cli("aws rds describe-db-instances --region " + region + " --db-instance-identifier " +
                id + " --query 'DBInstances[0].ReadReplicaDBInstanceIdentifiers' --output text"),
            id + "-replica");

  PromoteReadReplicaMessage promote;
  promote.DBInstanceIdentifier = id + "-replica";
  promote.BackupRetentionPeriod = 3;
  Outcome<DBInstance> promoted = rds_->PromoteReadReplica(region, promote);
  ASSERT_TRUE(promoted.ok()) << promoted.error().ToString();
  EXPECT_EQ(Cli("aws rds describe-db-instances --region " + region + " --db-instance-identifier " +
                id + "-replica --query 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier'" +
                " --output text"),
            "None");

  DeleteDBSnapshotMessage delete_snapshot;
  delete_snapshot.DBSnapshotIdentifier = id + "-snap";
  ASSERT_TRUE(rds_->DeleteDBSnapshot(region, delete_snapshot).ok());
  EXPECT_TRUE(rds_->DeleteDBSnapshot(region, delete_snapshot).IsError("DBSnapshotNotFound"));
  (void)source;
}

TEST_P(RdsRegionTest, SubnetGroups) {
  const std::string region = GetParam();
  const std::string vpc = Cli("aws ec2 create-vpc --region " + region +
                              " --cidr-block 10.1.0.0/16 --query Vpc.VpcId --output text");
  std::vector<std::string> subnets;
  for (const char* zone : {"a", "b"}) {
    subnets.push_back(Cli("aws ec2 create-subnet --region " + region + " --vpc-id " + vpc +
                          " --cidr-block 10.1." + std::to_string(subnets.size()) +
                          ".0/24 --availability-zone " + region + zone +
                          " --query Subnet.SubnetId --output text"));
  }
  CreateDBSubnetGroupMessage create;
  create.DBSubnetGroupName = Unique("it-subnets");
  create.DBSubnetGroupDescription = "metrics";
  create.SubnetIds = subnets;
  Outcome<DBSubnetGroup> created = rds_->CreateDBSubnetGroup(region, create);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_EQ(created->VpcId, vpc);
  ASSERT_EQ(created->Subnets.size(), 2u);

  DescribeDBSubnetGroupsMessage describe;
  describe.DBSubnetGroupName = create.DBSubnetGroupName;
  Outcome<DBSubnetGroupMessage> described = rds_->DescribeDBSubnetGroups(region, describe);
  ASSERT_TRUE(described.ok()) << described.error().ToString();
  ASSERT_EQ(described->DBSubnetGroups.size(), 1u);
  EXPECT_EQ(described->DBSubnetGroups[0].DBSubnetGroupName, create.DBSubnetGroupName);
}

INSTANTIATE_TEST_SUITE_P(Regions, RdsRegionTest, ::testing::Values("us-east-1", "us-west-2"),
                         moto::RegionTestName);

TEST_F(RdsMotoTest, CrossRegionReadReplicaSnapshotCopyAndBackupReplication) {
  const std::string id = Unique("it-primary");
  DBInstance primary = CreateInstance("us-east-1", id, /*multi_az=*/true);
  const std::string primary_arn = primary.DBInstanceArn.value_or("");
  ASSERT_THAT(primary_arn, HasSubstr("arn:aws:rds:us-east-1:"));
  const std::string west_key =
      Cli("aws kms create-key --region us-west-2 --description it --query KeyMetadata.Arn --output "
          "text");

  // Replica in us-west-2, named by the primary's ARN, called in the destination region.
  CreateDBInstanceReadReplicaMessage replica;
  replica.DBInstanceIdentifier = id + "-west";
  replica.SourceDBInstanceIdentifier = primary_arn;
  replica.DBInstanceClass = "db.t3.micro";
  replica.KmsKeyId = west_key;
  replica.SourceRegion = "us-east-1";
  Outcome<DBInstance> created = rds_->CreateDBInstanceReadReplica("us-west-2", replica);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_EQ(created->ReadReplicaSourceDBInstanceIdentifier, primary_arn);
  EXPECT_EQ(Cli("aws rds describe-db-instances --region us-west-2 --db-instance-identifier " + id +
                "-west --query 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier'" +
                " --output text"),
            primary_arn);
  EXPECT_THAT(Cli("aws rds describe-db-instances --region us-east-1 --db-instance-identifier " +
                  id + " --query 'DBInstances[0].ReadReplicaDBInstanceIdentifiers' --output text"),
              HasSubstr("arn:aws:rds:us-west-2:"));

  // Snapshot in us-east-1, copied to us-west-2 by ARN.
  CreateDBSnapshotMessage snapshot;
  snapshot.DBSnapshotIdentifier = id + "-snap";
  snapshot.DBInstanceIdentifier = id;
  Outcome<DBSnapshot> taken = rds_->CreateDBSnapshot("us-east-1", snapshot);
  ASSERT_TRUE(taken.ok()) << taken.error().ToString();
  CopyDBSnapshotMessage copy;
  copy.SourceDBSnapshotIdentifier = taken->DBSnapshotArn.value_or("");
  copy.TargetDBSnapshotIdentifier = id + "-snap-west";
  copy.KmsKeyId = west_key;
  copy.CopyTags = true;
  copy.SourceRegion = "us-east-1";
  Outcome<DBSnapshot> copied = rds_->CopyDBSnapshot("us-west-2", copy);
  ASSERT_TRUE(copied.ok()) << copied.error().ToString();
  EXPECT_THAT(copied->DBSnapshotArn.value_or(""), HasSubstr("arn:aws:rds:us-west-2:"));
  EXPECT_EQ(Cli("aws rds describe-db-snapshots --region us-west-2 --db-snapshot-identifier " + id +
                "-snap-west --query 'DBSnapshots[0].KmsKeyId' --output text"),
            west_key);

  // Automated backups of the primary replicated to us-west-2 (served by scripts/moto_ext).
  StartDBInstanceAutomatedBackupsReplicationMessage backups;
  backups.SourceDBInstanceArn = primary_arn;
  backups.BackupRetentionPeriod = 7;
  backups.KmsKeyId = west_key;
  backups.SourceRegion = "us-east-1";
  Outcome<DBInstanceAutomatedBackup> replicated =
      rds_->StartDBInstanceAutomatedBackupsReplication("us-west-2", backups);
  ASSERT_TRUE(replicated.ok()) << replicated.error().ToString();
  EXPECT_EQ(replicated->DBInstanceArn, primary_arn);
  EXPECT_EQ(replicated->Region, "us-east-1");
  EXPECT_EQ(replicated->BackupRetentionPeriod, 7);
  EXPECT_THAT(replicated->DBInstanceAutomatedBackupsArn.value_or(""),
              HasSubstr("arn:aws:rds:us-west-2:"));
}

TEST_F(RdsMotoTest, MissingInstanceIsDBInstanceNotFound) {
  DescribeDBInstancesMessage request;
  request.DBInstanceIdentifier = Unique("it-missing");
  Outcome<DBInstanceMessage> described = rds_->DescribeDBInstances("us-west-2", request);
  ASSERT_FALSE(described.ok());
  EXPECT_EQ(described.error().code, "DBInstanceNotFound");
  EXPECT_EQ(described.error().http_status, 404);
}

}  // namespace
}  // namespace po::aws::rds
