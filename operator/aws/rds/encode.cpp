// Encodes RDS requests into Query-protocol form parameters.
#include "operator/aws/rds/encode.h"

#include <string>
#include <utility>

namespace po::aws::rds {
namespace {

// Appends Query parameters; absent optionals and empty lists are left out.
class ParamWriter {
 public:
  void Str(const std::string& name, const std::string& value) { out_.emplace_back(name, value); }
  void Str(const std::string& name, const std::optional<std::string>& value) {
    if (value) Str(name, *value);
  }
  void Int(const std::string& name, const std::optional<int>& value) {
    if (value) Str(name, std::to_string(*value));
  }
  void Bool(const std::string& name, const std::optional<bool>& value) {
    if (value) Str(name, std::string(*value ? "true" : "false"));
  }
  // name.member.1, name.member.2, …
  void Strings(const std::string& name, const std::string& member,
               const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      Str(name + "." + member + "." + std::to_string(i + 1), values[i]);
    }
  }
  void Tags(const std::vector<Tag>& tags) {
    for (size_t i = 0; i < tags.size(); ++i) {
      const std::string prefix = "Tags.Tag." + std::to_string(i + 1);
      Str(prefix + ".Key", tags[i].Key);
      Str(prefix + ".Value", tags[i].Value);
    }
  }
  void Filters(const std::vector<Filter>& filters) {
    for (size_t i = 0; i < filters.size(); ++i) {
      const std::string prefix = "Filters.Filter." + std::to_string(i + 1);
      Str(prefix + ".Name", filters[i].Name);
      Strings(prefix + ".Values", "Value", filters[i].Values);
    }
  }
  QueryParams Take() { return std::move(out_); }

 private:
  QueryParams out_;
};

}  // namespace

QueryParams EncodeCreateDBInstance(const CreateDBInstanceMessage& r) {
  ParamWriter w;
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
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Filters(r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeModifyDBInstance(const ModifyDBInstanceMessage& r) {
  ParamWriter w;
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
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Bool("SkipFinalSnapshot", r.SkipFinalSnapshot);
  w.Str("FinalDBSnapshotIdentifier", r.FinalDBSnapshotIdentifier);
  w.Bool("DeleteAutomatedBackups", r.DeleteAutomatedBackups);
  return w.Take();
}

QueryParams EncodeCreateDBInstanceReadReplica(const CreateDBInstanceReadReplicaMessage& r) {
  ParamWriter w;
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
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("PreferredBackupWindow", r.PreferredBackupWindow);
  return w.Take();
}

QueryParams EncodeRebootDBInstance(const RebootDBInstanceMessage& r) {
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Bool("ForceFailover", r.ForceFailover);
  return w.Take();
}

QueryParams EncodeCreateDBSnapshot(const CreateDBSnapshotMessage& r) {
  ParamWriter w;
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeCopyDBSnapshot(const CopyDBSnapshotMessage& r) {
  ParamWriter w;
  w.Str("SourceDBSnapshotIdentifier", r.SourceDBSnapshotIdentifier);
  w.Str("TargetDBSnapshotIdentifier", r.TargetDBSnapshotIdentifier);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  w.Bool("CopyTags", r.CopyTags);
  w.Str("SourceRegion", r.SourceRegion);
  return w.Take();
}

QueryParams EncodeDescribeDBSnapshots(const DescribeDBSnapshotsMessage& r) {
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  w.Str("SnapshotType", r.SnapshotType);
  w.Filters(r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeDeleteDBSnapshot(const DeleteDBSnapshotMessage& r) {
  ParamWriter w;
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
  return w.Take();
}

QueryParams EncodeRestoreDBInstanceFromDBSnapshot(const RestoreDBInstanceFromDBSnapshotMessage& r) {
  ParamWriter w;
  w.Str("DBInstanceIdentifier", r.DBInstanceIdentifier);
  w.Str("DBSnapshotIdentifier", r.DBSnapshotIdentifier);
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
  w.Int("AllocatedStorage", r.AllocatedStorage);
  return w.Take();
}

QueryParams EncodeRestoreDBInstanceToPointInTime(const RestoreDBInstanceToPointInTimeMessage& r) {
  ParamWriter w;
  w.Str("SourceDBInstanceIdentifier", r.SourceDBInstanceIdentifier);
  w.Str("TargetDBInstanceIdentifier", r.TargetDBInstanceIdentifier);
  w.Str("RestoreTime", r.RestoreTime);
  w.Bool("UseLatestRestorableTime", r.UseLatestRestorableTime);
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
  w.Str("SourceDbiResourceId", r.SourceDbiResourceId);
  w.Int("MaxAllocatedStorage", r.MaxAllocatedStorage);
  w.Int("AllocatedStorage", r.AllocatedStorage);
  return w.Take();
}

QueryParams EncodeStartDBInstanceAutomatedBackupsReplication(
    const StartDBInstanceAutomatedBackupsReplicationMessage& r) {
  ParamWriter w;
  w.Str("SourceDBInstanceArn", r.SourceDBInstanceArn);
  w.Int("BackupRetentionPeriod", r.BackupRetentionPeriod);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  w.Str("SourceRegion", r.SourceRegion);
  return w.Take();
}

QueryParams EncodeDescribeEvents(const DescribeEventsMessage& r) {
  ParamWriter w;
  w.Str("SourceIdentifier", r.SourceIdentifier);
  w.Str("SourceType", r.SourceType);
  w.Str("StartTime", r.StartTime);
  w.Str("EndTime", r.EndTime);
  w.Int("Duration", r.Duration);
  w.Strings("EventCategories", "EventCategory", r.EventCategories);
  w.Filters(r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& r) {
  ParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeListTagsForResource(const ListTagsForResourceMessage& r) {
  ParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  w.Filters(r.Filters);
  return w.Take();
}

QueryParams EncodeCreateDBSubnetGroup(const CreateDBSubnetGroupMessage& r) {
  ParamWriter w;
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Str("DBSubnetGroupDescription", r.DBSubnetGroupDescription);
  w.Strings("SubnetIds", "SubnetIdentifier", r.SubnetIds);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeDescribeDBSubnetGroups(const DescribeDBSubnetGroupsMessage& r) {
  ParamWriter w;
  w.Str("DBSubnetGroupName", r.DBSubnetGroupName);
  w.Filters(r.Filters);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

}  // namespace po::aws::rds
