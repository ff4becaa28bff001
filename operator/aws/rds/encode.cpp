// Encodes RDS requests into Query-protocol form parameters.
#include "operator/aws/rds/encode.h"

#include <vector>

#include "operator/aws/query_codec.h"

namespace po::aws::rds {
namespace {

// Filters.Filter.N.Name and Filters.Filter.N.Values.Value.M.
void WriteFilters(QueryParamWriter& w, const std::vector<Filter>& filters) {
  w.Structs("Filters", "Filter", filters, [](QueryParamWriter& f, const Filter& filter) {
    f.Str("Name", filter.Name);
    f.Strings("Values", "Value", filter.Values);
  });
}

// The settings of the new instance that both restore actions take, in the service model's order
// (RestoreDBInstanceFromDBSnapshotMessage, RestoreDBInstanceToPointInTimeMessage).
template <typename RestoreMessage>
void WriteRestoredInstanceSettings(QueryParamWriter& w, const RestoreMessage& r) {
  w.Str("DBInstanceClass", r.DBInstanceClass);
  w.Int("Port", r.Port);
  w.Str("AvailabilityZone", r.AvailabilityZone);
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Bool("MultiAZ", r.MultiAZ);
  w.Str("DBName", r.DBName);
  w.Str("Engine", r.Engine);
  w.Int("Iops", r.Iops);
  w.Tags(r.Tags);
  w.Str("StorageType", r.StorageType);
  w.Strings("VpcSecurityGroupIds", "VpcSecurityGroupId", r.VpcSecurityGroupIds);
  w.Bool("DeletionProtection", r.DeletionProtection);
}

}  // namespace

QueryParams EncodeCreateDBInstance(const CreateDBInstanceMessage& r) {
  QueryParamWriter w;
  w.Str("DBName", r.DBName);
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Int("AllocatedStorage", r.AllocatedStorage);
  w.Str("DBInstanceClass", r.DBInstanceClass);
  w.Str("Engine", r.Engine);
  w.Str("MasterUsername", r.MasterUsername);
  w.Str("MasterUserPassword", r.MasterUserPassword);
  w.Strings("VpcSecurityGroupIds", "VpcSecurityGroupId", r.VpcSecurityGroupIds);
  w.Str("AvailabilityZone", r.AvailabilityZone);
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Str("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow);
  w.Str("DBParameterGroupName", r.DBParameterGroupName);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("PreferredBackupWindow", r.PreferredBackupWindow);
  w.Int("Port", r.Port);
  w.Bool("MultiAZ", r.MultiAZ);
  w.Str("EngineVersion", r.EngineVersion);
  w.Bool("AutoMinorVersionUpgrade", r.AutoMinorVersionUpgrade);
  w.Int("Iops", r.Iops);
  w.Bool("PubliclyAccessible", r.PubliclyAccessible);
  w.Tags(r.Tags);
  w.Str("StorageType", r.StorageType);
  w.Bool("StorageEncrypted", r.StorageEncrypted);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Bool("CopyTagsToSnapshot", r.CopyTagsToSnapshot);
  w.Bool("EnableIAMDatabaseAuthentication", r.EnableIAMDatabaseAuthentication);
  w.Bool("DeletionProtection", r.DeletionProtection);
  w.Int("MaxAllocatedStorage", r.MaxAllocatedStorage);
  return w.Take();
}

QueryParams EncodeDescribeDBInstances(const DescribeDBInstancesMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  WriteFilters(w, r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeModifyDBInstance(const ModifyDBInstanceMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Int("AllocatedStorage", r.AllocatedStorage);
  w.Str("DBInstanceClass", r.DBInstanceClass);
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Strings("VpcSecurityGroupIds", "VpcSecurityGroupId", r.VpcSecurityGroupIds);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  w.Str("MasterUserPassword", r.MasterUserPassword);
  w.Str("DBParameterGroupName", r.DBParameterGroupName);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("PreferredBackupWindow", r.PreferredBackupWindow);
  w.Str("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow);
  w.Bool("MultiAZ", r.MultiAZ);
  w.Str("EngineVersion", r.EngineVersion);
  w.Bool("AllowMajorVersionUpgrade", r.AllowMajorVersionUpgrade);
  w.Bool("AutoMinorVersionUpgrade", r.AutoMinorVersionUpgrade);
  w.Int("Iops", r.Iops);
  w.Str("NewDBInstanceIdentifier", r.NewDBInstanceIdentifier);
  w.Str("StorageType", r.StorageType);
  w.Bool("CopyTagsToSnapshot", r.CopyTagsToSnapshot);
  w.Bool("PubliclyAccessible", r.PubliclyAccessible);
  w.Bool("DeletionProtection", r.DeletionProtection);
  w.Int("MaxAllocatedStorage", r.MaxAllocatedStorage);
  return w.Take();
}

QueryParams EncodeDeleteDBInstance(const DeleteDBInstanceMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Bool("SkipFinalSnapshot", r.SkipFinalSnapshot);
  w.Str("FinalDBSnapshotIdentifier", r.FinalDBSnapshotIdentifier);
  w.Bool("DeleteAutomatedBackups", r.DeleteAutomatedBackups);
  return w.Take();
}

QueryParams EncodeCreateDBInstanceReadReplica(const CreateDBInstanceReadReplicaMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Str("SourceDBInstanceIdentifier", r.SourceDBInstanceIdentifier);
  w.Str("DBInstanceClass", r.DBInstanceClass);
  w.Str("AvailabilityZone", r.AvailabilityZone);
  w.Int("Port", r.Port);
  w.Bool("MultiAZ", r.MultiAZ);
  w.Int("Iops", r.Iops);
  w.Tags(r.Tags);
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Strings("VpcSecurityGroupIds", "VpcSecurityGroupId", r.VpcSecurityGroupIds);
  w.Str("StorageType", r.StorageType);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Bool("DeletionProtection", r.DeletionProtection);
  w.Int("MaxAllocatedStorage", r.MaxAllocatedStorage);
  w.Str("SourceRegion", r.SourceRegion);
  return w.Take();
}

QueryParams EncodePromoteReadReplica(const PromoteReadReplicaMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("PreferredBackupWindow", r.PreferredBackupWindow);
  return w.Take();
}

QueryParams EncodeRebootDBInstance(const RebootDBInstanceMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Bool("ForceFailover", r.ForceFailover);
  return w.Take();
}

QueryParams EncodeCreateDBSnapshot(const CreateDBSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeCopyDBSnapshot(const CopyDBSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("SourceDBSnapshotIdentifier", r.SourceDBSnapshotIdentifier);
  w.Str("TargetDBSnapshotIdentifier", r.TargetDBSnapshotIdentifier);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  w.Bool("CopyTags", r.CopyTags);
  w.Str("SourceRegion", r.SourceRegion);
  return w.Take();
}

QueryParams EncodeDescribeDBSnapshots(const DescribeDBSnapshotsMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  w.Str("SnapshotType", r.SnapshotType);
  WriteFilters(w, r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeDeleteDBSnapshot(const DeleteDBSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  return w.Take();
}

QueryParams EncodeRestoreDBInstanceFromDBSnapshot(const RestoreDBInstanceFromDBSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  WriteRestoredInstanceSettings(w, r);
  w.Int("AllocatedStorage", r.AllocatedStorage);
  return w.Take();
}

QueryParams EncodeRestoreDBInstanceToPointInTime(const RestoreDBInstanceToPointInTimeMessage& r) {
  QueryParamWriter w;
  w.Str("SourceDBInstanceIdentifier", r.SourceDBInstanceIdentifier);
  w.Str("TargetDBInstanceIdentifier", r.TargetDBInstanceIdentifier);
  w.Str("RestoreTime", r.RestoreTime);
  w.Bool("UseLatestRestorableTime", r.UseLatestRestorableTime);
  WriteRestoredInstanceSettings(w, r);
  w.Str("SourceDbiResourceId", r.SourceDbiResourceId);
  w.Int("MaxAllocatedStorage", r.MaxAllocatedStorage);
  w.Int("AllocatedStorage", r.AllocatedStorage);
  return w.Take();
}

QueryParams EncodeStartDBInstanceAutomatedBackupsReplication(
    const StartDBInstanceAutomatedBackupsReplicationMessage& r) {
  QueryParamWriter w;
  w.Str("SourceDBInstanceArn", r.SourceDBInstanceArn);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  w.Str("SourceRegion", r.SourceRegion);
  return w.Take();
}

QueryParams EncodeDescribeEvents(const DescribeEventsMessage& r) {
  QueryParamWriter w;
  w.Str("SourceIdentifier", r.SourceIdentifier);
  w.Str("SourceType", r.SourceType);
  w.Str("StartTime", r.StartTime);
  w.Str("EndTime", r.EndTime);
  w.Int("Duration", r.Duration);
  w.Strings("EventCategories", "EventCategory", r.EventCategories);
  WriteFilters(w, r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& r) {
  QueryParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeListTagsForResource(const ListTagsForResourceMessage& r) {
  QueryParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  WriteFilters(w, r.Filters);
  return w.Take();
}

QueryParams EncodeCreateDBSubnetGroup(const CreateDBSubnetGroupMessage& r) {
  QueryParamWriter w;
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Str("DBSubnetGroupDescription", r.DBSubnetGroupDescription);
  w.Strings("SubnetIds", "SubnetIdentifier", r.SubnetIds);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeDeleteDBSubnetGroup(const DeleteDBSubnetGroupMessage& r) {
  QueryParamWriter w;
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  return w.Take();
}

QueryParams EncodeDescribeDBSubnetGroups(const DescribeDBSubnetGroupsMessage& r) {
  QueryParamWriter w;
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  WriteFilters(w, r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

}  // namespace po::aws::rds
