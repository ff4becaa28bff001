// Checks every RDS request encoder against the form parameters botocore's query serializer produces
// for the same input (generated with tests/fixtures/aws/query_vectors.py).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "operator/aws/rds/encode.h"
#include "tests/unit/aws/query_test_util.h"

namespace po::aws::rds {
namespace {

using ::po::aws::testing::EncodeCase;
using ::po::aws::testing::EncodeCaseName;
using ::po::aws::testing::Sorted;

class RdsEncodeTest : public ::testing::TestWithParam<EncodeCase> {};

TEST_P(RdsEncodeTest, MatchesBotocoreSerializer) {
  const EncodeCase& c = GetParam();
  EXPECT_EQ(Sorted(c.encode()), Sorted(c.expected));
}

std::vector<EncodeCase> Cases() {
  return {
      {"CreateDBInstanceFull",
       [] {
         CreateDBInstanceMessage r;
         r.DBName = "metrics";
         r.DBInstanceIdentifier = "metrics-db";
         r.AllocatedStorage = 100;
         r.DBInstanceClass = "db.r6g.large";
         r.Engine = "postgres";
         r.MasterUsername = "metrics";
         r.MasterUserPassword = "pw";
         r.VpcSecurityGroupIds = {"sg-1", "sg-2"};
         r.AvailabilityZone = "us-east-1a";
         r.DBSubnetGroupName = "subnets";
         r.PreferredMaintenanceWindow = "sun:05:00-sun:06:00";
         r.DBParameterGroupName = "pg15";
         r.BackupRetentionPeriod = 7;
         r.PreferredBackupWindow = "03:00-04:00";
         r.Port = 5432;
         r.MultiAZ = true;
         r.EngineVersion = "15.4";
         r.AutoMinorVersionUpgrade = false;
         r.Iops = 3000;
         r.PubliclyAccessible = false;
         r.Tags = {{"a", "1"}, {"b", "2"}};
         r.StorageType = "io1";
         r.StorageEncrypted = true;
         r.KmsKeyId = "alias/k";
         r.CopyTagsToSnapshot = true;
         r.EnableIAMDatabaseAuthentication = true;
         r.DeletionProtection = true;
         r.MaxAllocatedStorage = 500;
         return EncodeCreateDBInstance(r);
       },
       {{"DBName", "metrics"},
        {"DBInstanceIdentifier", "metrics-db"},
        {"AllocatedStorage", "100"},
        {"DBInstanceClass", "db.r6g.large"},
        {"Engine", "postgres"},
        {"MasterUsername", "metrics"},
        {"MasterUserPassword", "pw"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.2", "sg-2"},
        {"AvailabilityZone", "us-east-1a"},
        {"DBSubnetGroupName", "subnets"},
        {"PreferredMaintenanceWindow", "sun:05:00-sun:06:00"},
        {"DBParameterGroupName", "pg15"},
        {"BackupRetentionPeriod", "7"},
        {"PreferredBackupWindow", "03:00-04:00"},
        {"Port", "5432"},
        {"MultiAZ", "true"},
        {"EngineVersion", "15.4"},
        {"AutoMinorVersionUpgrade", "false"},
        {"Iops", "3000"},
        {"PubliclyAccessible", "false"},
        {"Tags.Tag.1.Key", "a"},
        {"Tags.Tag.1.Value", "1"},
        {"Tags.Tag.2.Key", "b"},
        {"Tags.Tag.2.Value", "2"},
        {"StorageType", "io1"},
        {"StorageEncrypted", "true"},
        {"KmsKeyId", "alias/k"},
        {"CopyTagsToSnapshot", "true"},
        {"EnableIAMDatabaseAuthentication", "true"},
        {"DeletionProtection", "true"},
        {"MaxAllocatedStorage", "500"}}},
      {"CreateDBInstanceMinimal",
       [] {
         CreateDBInstanceMessage r;
         r.DBInstanceIdentifier = "db";
         r.DBInstanceClass = "db.t3.micro";
         r.Engine = "postgres";
         return EncodeCreateDBInstance(r);
       },
       {{"DBInstanceIdentifier", "db"},
        {"DBInstanceClass", "db.t3.micro"},
        {"Engine", "postgres"}}},
      {"DescribeDBInstancesById",
       [] {
         DescribeDBInstancesMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         return EncodeDescribeDBInstances(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"}}},
      {"DescribeDBInstancesFiltered",
       [] {
         DescribeDBInstancesMessage r;
         r.Filters = {{"engine", {"postgres", "mysql"}}, {"db-instance-id", {"a"}}};
         r.MaxRecords = 20;
         r.Marker = "m1";
         return EncodeDescribeDBInstances(r);
       },
       {{"Filters.Filter.1.Name", "engine"},
        {"Filters.Filter.1.Values.Value.1", "postgres"},
        {"Filters.Filter.1.Values.Value.2", "mysql"},
        {"Filters.Filter.2.Name", "db-instance-id"},
        {"Filters.Filter.2.Values.Value.1", "a"},
        {"MaxRecords", "20"},
        {"Marker", "m1"}}},
      {"ModifyDBInstance",
       [] {
         ModifyDBInstanceMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         r.AllocatedStorage = 200;
         r.DBInstanceClass = "db.r6g.xlarge";
         r.DBSubnetGroupName = "s";
         r.VpcSecurityGroupIds = {"sg-3"};
         r.ApplyImmediately = true;
         r.MasterUserPassword = "pw2";
         r.DBParameterGroupName = "pg";
         r.BackupRetentionPeriod = 14;
         r.PreferredBackupWindow = "01:00-02:00";
         r.PreferredMaintenanceWindow = "mon:01:00-mon:02:00";
         r.MultiAZ = false;
         r.EngineVersion = "15.5";
         r.AllowMajorVersionUpgrade = false;
         r.AutoMinorVersionUpgrade = true;
         r.Iops = 6000;
         r.NewDBInstanceIdentifier = "renamed";
         r.StorageType = "io2";
         r.CopyTagsToSnapshot = false;
         r.PubliclyAccessible = false;
         r.DeletionProtection = false;
         r.MaxAllocatedStorage = 1000;
         return EncodeModifyDBInstance(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"},
        {"AllocatedStorage", "200"},
        {"DBInstanceClass", "db.r6g.xlarge"},
        {"DBSubnetGroupName", "s"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-3"},
        {"ApplyImmediately", "true"},
        {"MasterUserPassword", "pw2"},
        {"DBParameterGroupName", "pg"},
        {"BackupRetentionPeriod", "14"},
        {"PreferredBackupWindow", "01:00-02:00"},
        {"PreferredMaintenanceWindow", "mon:01:00-mon:02:00"},
        {"MultiAZ", "false"},
        {"EngineVersion", "15.5"},
        {"AllowMajorVersionUpgrade", "false"},
        {"AutoMinorVersionUpgrade", "true"},
        {"Iops", "6000"},
        {"NewDBInstanceIdentifier", "renamed"},
        {"StorageType", "io2"},
        {"CopyTagsToSnapshot", "false"},
        {"PubliclyAccessible", "false"},
        {"DeletionProtection", "false"},
        {"MaxAllocatedStorage", "1000"}}},
      {"DeleteDBInstanceSkip",
       [] {
         DeleteDBInstanceMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         r.SkipFinalSnapshot = true;
         r.DeleteAutomatedBackups = true;
         return EncodeDeleteDBInstance(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"},
        {"SkipFinalSnapshot", "true"},
        {"DeleteAutomatedBackups", "true"}}},
      {"DeleteDBInstanceFinalSnapshot",
       [] {
         DeleteDBInstanceMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         r.SkipFinalSnapshot = false;
         r.FinalDBSnapshotIdentifier = "final-1";
         r.DeleteAutomatedBackups = false;
         return EncodeDeleteDBInstance(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"},
        {"SkipFinalSnapshot", "false"},
        {"FinalDBSnapshotIdentifier", "final-1"},
        {"DeleteAutomatedBackups", "false"}}},
      {"CreateReadReplicaCrossRegion",
       [] {
         CreateDBInstanceReadReplicaMessage r;
         r.DBInstanceIdentifier = "replica";
         r.SourceDBInstanceIdentifier = "arn:aws:rds:us-east-1:123456789012:db:metrics-db";
         r.DBInstanceClass = "db.r6g.large";
         r.AvailabilityZone = "us-west-2a";
         r.Port = 5432;
         r.MultiAZ = false;
         r.Iops = 1000;
         r.Tags = {{"role", "replica"}};
         r.DBSubnetGroupName = "west";
         r.VpcSecurityGroupIds = {"sg-w"};
         r.StorageType = "gp3";
         r.KmsKeyId = "arn:aws:kms:us-west-2:123456789012:key/k";
         r.DeletionProtection = true;
         r.MaxAllocatedStorage = 500;
         r.SourceRegion = "us-east-1";
         return EncodeCreateDBInstanceReadReplica(r);
       },
       {{"DBInstanceIdentifier", "replica"},
        {"SourceDBInstanceIdentifier", "arn:aws:rds:us-east-1:123456789012:db:metrics-db"},
        {"DBInstanceClass", "db.r6g.large"},
        {"AvailabilityZone", "us-west-2a"},
        {"Port", "5432"},
        {"MultiAZ", "false"},
        {"Iops", "1000"},
        {"Tags.Tag.1.Key", "role"},
        {"Tags.Tag.1.Value", "replica"},
        {"DBSubnetGroupName", "west"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-w"},
        {"StorageType", "gp3"},
        {"KmsKeyId", "arn:aws:kms:us-west-2:123456789012:key/k"},
        {"DeletionProtection", "true"},
        {"MaxAllocatedStorage", "500"},
        {"SourceRegion", "us-east-1"}}},
      {"CreateReadReplicaSameRegion",
       [] {
         CreateDBInstanceReadReplicaMessage r;
         r.DBInstanceIdentifier = "replica";
         r.SourceDBInstanceIdentifier = "metrics-db";
         return EncodeCreateDBInstanceReadReplica(r);
       },
       {{"DBInstanceIdentifier", "replica"}, {"SourceDBInstanceIdentifier", "metrics-db"}}},
      {"PromoteReadReplica",
       [] {
         PromoteReadReplicaMessage r;
         r.DBInstanceIdentifier = "replica";
         r.BackupRetentionPeriod = 7;
         r.PreferredBackupWindow = "03:00-04:00";
         return EncodePromoteReadReplica(r);
       },
       {{"DBInstanceIdentifier", "replica"},
        {"BackupRetentionPeriod", "7"},
        {"PreferredBackupWindow", "03:00-04:00"}}},
      {"RebootForceFailover",
       [] {
         RebootDBInstanceMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         r.ForceFailover = true;
         return EncodeRebootDBInstance(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"}, {"ForceFailover", "true"}}},
      {"CreateDBSnapshot",
       [] {
         CreateDBSnapshotMessage r;
         r.DBSnapshotIdentifier = "snap";
         r.DBInstanceIdentifier = "metrics-db";
         r.Tags = {{"k", "v"}};
         return EncodeCreateDBSnapshot(r);
       },
       {{"DBSnapshotIdentifier", "snap"},
        {"DBInstanceIdentifier", "metrics-db"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"}}},
      {"CopyDBSnapshotCrossRegion",
       [] {
         CopyDBSnapshotMessage r;
         r.SourceDBSnapshotIdentifier = "arn:aws:rds:us-east-1:123456789012:snapshot:snap";
         r.TargetDBSnapshotIdentifier = "snap-west";
         r.KmsKeyId = "arn:aws:kms:us-west-2:123456789012:key/k";
         r.Tags = {{"k", "v"}};
         r.CopyTags = true;
         r.SourceRegion = "us-east-1";
         return EncodeCopyDBSnapshot(r);
       },
       {{"SourceDBSnapshotIdentifier", "arn:aws:rds:us-east-1:123456789012:snapshot:snap"},
        {"TargetDBSnapshotIdentifier", "snap-west"},
        {"KmsKeyId", "arn:aws:kms:us-west-2:123456789012:key/k"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"},
        {"CopyTags", "true"},
        {"SourceRegion", "us-east-1"}}},
      {"DescribeDBSnapshots",
       [] {
         DescribeDBSnapshotsMessage r;
         r.DBInstanceIdentifier = "metrics-db";
         r.DBSnapshotIdentifier = "snap";
         r.SnapshotType = "manual";
         r.Filters = {{"engine", {"postgres"}}};
         r.MaxRecords = 50;
         r.Marker = "m";
         return EncodeDescribeDBSnapshots(r);
       },
       {{"DBInstanceIdentifier", "metrics-db"},
        {"DBSnapshotIdentifier", "snap"},
        {"SnapshotType", "manual"},
        {"Filters.Filter.1.Name", "engine"},
        {"Filters.Filter.1.Values.Value.1", "postgres"},
        {"MaxRecords", "50"},
        {"Marker", "m"}}},
      {"DeleteDBSnapshot",
       [] {
         DeleteDBSnapshotMessage r;
         r.DBSnapshotIdentifier = "snap";
         return EncodeDeleteDBSnapshot(r);
       },
       {{"DBSnapshotIdentifier", "snap"}}},
      {"RestoreFromSnapshot",
       [] {
         RestoreDBInstanceFromDBSnapshotMessage r;
         r.DBInstanceIdentifier = "restored";
         r.DBSnapshotIdentifier = "snap";
         r.DBInstanceClass = "db.r6g.large";
         r.Port = 5432;
         r.AvailabilityZone = "us-east-1b";
         r.DBSubnetGroupName = "s";
         r.MultiAZ = true;
         r.DBName = "metrics";
         r.Engine = "postgres";
         r.Iops = 3000;
         r.Tags = {{"k", "v"}};
         r.StorageType = "io1";
         r.VpcSecurityGroupIds = {"sg-1"};
         r.DeletionProtection = false;
         r.AllocatedStorage = 100;
         return EncodeRestoreDBInstanceFromDBSnapshot(r);
       },
       {{"DBInstanceIdentifier", "restored"},
        {"DBSnapshotIdentifier", "snap"},
        {"DBInstanceClass", "db.r6g.large"},
        {"Port", "5432"},
        {"AvailabilityZone", "us-east-1b"},
        {"DBSubnetGroupName", "s"},
        {"MultiAZ", "true"},
        {"DBName", "metrics"},
        {"Engine", "postgres"},
        {"Iops", "3000"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"},
        {"StorageType", "io1"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"},
        {"DeletionProtection", "false"},
        {"AllocatedStorage", "100"}}},
      {"RestoreToPointInTime",
       [] {
         RestoreDBInstanceToPointInTimeMessage r;
         r.SourceDBInstanceIdentifier = "metrics-db";
         r.TargetDBInstanceIdentifier = "pitr";
         r.RestoreTime = "2026-01-02T03:04:05Z";
         r.DBInstanceClass = "db.r6g.large";
         r.Port = 5432;
         r.AvailabilityZone = "us-east-1c";
         r.DBSubnetGroupName = "s";
         r.MultiAZ = false;
         r.DBName = "metrics";
         r.Engine = "postgres";
         r.Iops = 1000;
         r.Tags = {{"k", "v"}};
         r.StorageType = "gp3";
         r.VpcSecurityGroupIds = {"sg-1", "sg-2"};
         r.DeletionProtection = true;
         r.SourceDbiResourceId = "db-ABC";
         r.MaxAllocatedStorage = 300;
         r.AllocatedStorage = 100;
         return EncodeRestoreDBInstanceToPointInTime(r);
       },
       {{"SourceDBInstanceIdentifier", "metrics-db"},
        {"TargetDBInstanceIdentifier", "pitr"},
        {"RestoreTime", "2026-01-02T03:04:05Z"},
        {"DBInstanceClass", "db.r6g.large"},
        {"Port", "5432"},
        {"AvailabilityZone", "us-east-1c"},
        {"DBSubnetGroupName", "s"},
        {"MultiAZ", "false"},
        {"DBName", "metrics"},
        {"Engine", "postgres"},
        {"Iops", "1000"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"},
        {"StorageType", "gp3"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"},
        {"VpcSecurityGroupIds.VpcSecurityGroupId.2", "sg-2"},
        {"DeletionProtection", "true"},
        {"SourceDbiResourceId", "db-ABC"},
        {"MaxAllocatedStorage", "300"},
        {"AllocatedStorage", "100"}}},
      {"RestoreToLatest",
       [] {
         RestoreDBInstanceToPointInTimeMessage r;
         r.SourceDBInstanceIdentifier = "metrics-db";
         r.TargetDBInstanceIdentifier = "pitr";
         r.UseLatestRestorableTime = true;
         return EncodeRestoreDBInstanceToPointInTime(r);
       },
       {{"SourceDBInstanceIdentifier", "metrics-db"},
        {"TargetDBInstanceIdentifier", "pitr"},
        {"UseLatestRestorableTime", "true"}}},
      {"StartBackupsReplication",
       [] {
         StartDBInstanceAutomatedBackupsReplicationMessage r;
         r.SourceDBInstanceArn = "arn:aws:rds:us-east-1:123456789012:db:metrics-db";
         r.BackupRetentionPeriod = 7;
         r.KmsKeyId = "arn:aws:kms:us-west-2:123456789012:key/k";
         r.Tags = {{"k", "v"}};
         r.SourceRegion = "us-east-1";
         return EncodeStartDBInstanceAutomatedBackupsReplication(r);
       },
       {{"SourceDBInstanceArn", "arn:aws:rds:us-east-1:123456789012:db:metrics-db"},
        {"BackupRetentionPeriod", "7"},
        {"KmsKeyId", "arn:aws:kms:us-west-2:123456789012:key/k"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"},
        {"SourceRegion", "us-east-1"}}},
      {"DescribeEvents",
       [] {
         DescribeEventsMessage r;
         r.SourceIdentifier = "metrics-db";
         r.SourceType = "db-instance";
         r.StartTime = "2026-01-01T00:00:00Z";
         r.EndTime = "2026-01-02T00:00:00Z";
         r.Duration = 60;
         r.EventCategories = {"failover", "backup"};
         r.Filters = {{"f", {"v"}}};
         r.MaxRecords = 100;
         r.Marker = "m";
         return EncodeDescribeEvents(r);
       },
       {{"SourceIdentifier", "metrics-db"},
        {"SourceType", "db-instance"},
        {"StartTime", "2026-01-01T00:00:00Z"},
        {"EndTime", "2026-01-02T00:00:00Z"},
        {"Duration", "60"},
        {"EventCategories.EventCategory.1", "failover"},
        {"EventCategories.EventCategory.2", "backup"},
        {"Filters.Filter.1.Name", "f"},
        {"Filters.Filter.1.Values.Value.1", "v"},
        {"MaxRecords", "100"},
        {"Marker", "m"}}},
      {"AddTagsToResource",
       [] {
         AddTagsToResourceMessage r;
         r.ResourceName = "arn:aws:rds:us-east-1:123456789012:db:metrics-db";
         r.Tags = {{"a", "1"}, {"b", ""}};
         return EncodeAddTagsToResource(r);
       },
       {{"ResourceName", "arn:aws:rds:us-east-1:123456789012:db:metrics-db"},
        {"Tags.Tag.1.Key", "a"},
        {"Tags.Tag.1.Value", "1"},
        {"Tags.Tag.2.Key", "b"},
        {"Tags.Tag.2.Value", ""}}},
      {"ListTagsForResource",
       [] {
         ListTagsForResourceMessage r;
         r.ResourceName = "arn:aws:rds:us-east-1:123456789012:db:metrics-db";
         r.Filters = {{"tag-key", {"a"}}};
         return EncodeListTagsForResource(r);
       },
       {{"ResourceName", "arn:aws:rds:us-east-1:123456789012:db:metrics-db"},
        {"Filters.Filter.1.Name", "tag-key"},
        {"Filters.Filter.1.Values.Value.1", "a"}}},
      {"CreateDBSubnetGroup",
       [] {
         CreateDBSubnetGroupMessage r;
         r.DBSubnetGroupName = "s";
         r.DBSubnetGroupDescription = "metrics subnets";
         r.SubnetIds = {"subnet-1", "subnet-2"};
         r.Tags = {{"k", "v"}};
         return EncodeCreateDBSubnetGroup(r);
       },
       {{"DBSubnetGroupName", "s"},
        {"DBSubnetGroupDescription", "metrics subnets"},
        {"SubnetIds.SubnetIdentifier.1", "subnet-1"},
        {"SubnetIds.SubnetIdentifier.2", "subnet-2"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"}}},
      {"DescribeDBSubnetGroups",
       [] {
         DescribeDBSubnetGroupsMessage r;
         r.DBSubnetGroupName = "s";
         r.Filters = {{"n", {"v"}}};
         r.MaxRecords = 20;
         r.Marker = "m";
         return EncodeDescribeDBSubnetGroups(r);
       },
       {{"DBSubnetGroupName", "s"},
        {"Filters.Filter.1.Name", "n"},
        {"Filters.Filter.1.Values.Value.1", "v"},
        {"MaxRecords", "20"},
        {"Marker", "m"}}},
  };
}

INSTANTIATE_TEST_SUITE_P(Botocore, RdsEncodeTest, ::testing::ValuesIn(Cases()), EncodeCaseName);

TEST(RdsEncodeTest, EmptyListsAndUnsetOptionalsAreLeftOut) {
  DescribeDBInstancesMessage request;
  EXPECT_TRUE(EncodeDescribeDBInstances(request).empty());
}

}  // namespace
}  // namespace po::aws::rds
