// Builds the RDS requests and desired instance shapes of a DatabaseCluster from its spec.
#include "controllers/database_cluster/desired.h"

namespace po::controllers::database_cluster {
namespace {

bool IsMajorOnly(const std::string& version) {
  return version.find('.') == std::string::npos;
}

}  // namespace

std::string RoleName(Role role) {
  switch (role) {
    case Role::kPrimary:
      return "primary";
    case Role::kReplica:
      return "replica";
    case Role::kDisasterRecovery:
      return "disaster-recovery";
  }
  return "primary";
}

std::vector<aws::rds::Tag> Tags(const ClusterSpec& spec) {
  std::vector<aws::rds::Tag> tags;
  for (const auto& [key, value] : spec.tags) tags.push_back({key, value});  // map: sorted
  return tags;
}

std::optional<std::string> DesiredSubnetGroup(const ClusterSpec& spec) {
  if (spec.subnet_group_name) return spec.subnet_group_name;
  if (!spec.subnet_ids.empty()) return SubnetGroupName(spec);
  return std::nullopt;
}

DesiredInstance DesiredPrimary(const ClusterSpec& spec) {
  DesiredInstance d;
  d.identifier = spec.identifier;
  d.region = spec.region;
  d.role = Role::kPrimary;
  d.instance_class = spec.instance_class;
  d.engine_version = spec.engine_version;
  d.allocated_gib = spec.storage.allocated_gib;
  d.max_allocated_gib = spec.storage.max_allocated_gib;
  d.storage_type = spec.storage.type;
  d.iops = spec.storage.iops;
  d.multi_az = spec.multi_az;
  d.backup_retention_days = spec.backup_retention_days;
  d.backup_window = spec.backup_window;
  d.maintenance_window = spec.maintenance_window;
  d.security_group_ids = spec.security_group_ids;
  d.publicly_accessible = spec.publicly_accessible;
  d.deletion_protection = spec.deletion_protection;
  d.tags = Tags(spec);
  return d;
}

DesiredInstance DesiredReplica(const ClusterSpec& spec, int index) {
  DesiredInstance d;
  d.identifier = ReplicaIdentifier(spec, index);
  d.region = spec.region;
  d.role = Role::kReplica;
  d.instance_class = spec.replica_class.value_or(spec.instance_class);
  d.allocated_gib = spec.storage.allocated_gib;
  d.max_allocated_gib = spec.storage.max_allocated_gib;
  d.storage_type = spec.storage.type;
  d.iops = spec.storage.iops;
  d.maintenance_window = spec.maintenance_window;
  d.security_group_ids = spec.security_group_ids;
  d.publicly_accessible = spec.publicly_accessible;
  d.deletion_protection = spec.deletion_protection;
  d.tags = Tags(spec);
  return d;
}

DesiredInstance DesiredDisasterRecovery(const ClusterSpec& spec) {
  DesiredInstance d;
  d.identifier = DisasterRecoveryIdentifier(spec);
  d.region = spec.disaster_recovery.region;
  d.role = Role::kDisasterRecovery;
  d.instance_class = spec.disaster_recovery.instance_class.value_or(spec.instance_class);
  d.allocated_gib = spec.storage.allocated_gib;
  d.max_allocated_gib = spec.storage.max_allocated_gib;
  d.storage_type = spec.storage.type;
  d.iops = spec.storage.iops;
  d.maintenance_window = spec.maintenance_window;
  // Security groups belong to the primary region's VPC; the DR replica keeps its region's default.
  d.publicly_accessible = spec.publicly_accessible;
  d.deletion_protection = spec.deletion_protection;
  d.tags = Tags(spec);
  return d;
}

aws::rds::CreateDBInstanceMessage CreatePrimaryRequest(const ClusterSpec& spec,
                                                       const std::string& password) {
  aws::rds::CreateDBInstanceMessage r;
  r.DBInstanceIdentifier = spec.identifier;
  r.DBInstanceClass = spec.instance_class;
  r.Engine = spec.engine;
  r.EngineVersion = spec.engine_version;
  // A major version lets RDS pick (and keep upgrading to) its default minor; a pinned minor stays.
  r.AutoMinorVersionUpgrade = IsMajorOnly(spec.engine_version);
  r.MasterUsername = spec.username;
  r.MasterUserPassword = password;
  r.AllocatedStorage = spec.storage.allocated_gib;
  r.MaxAllocatedStorage = spec.storage.max_allocated_gib;
  r.StorageType = spec.storage.type;
  r.Iops = spec.storage.iops;
  r.MultiAZ = spec.multi_az;
  r.StorageEncrypted = true;
  r.KmsKeyId = spec.kms_key_id;
  r.DBSubnetGroupName = DesiredSubnetGroup(spec);
  r.VpcSecurityGroupIds = spec.security_group_ids;
  r.PubliclyAccessible = spec.publicly_accessible;
  r.BackupRetentionPeriod = spec.backup_retention_days;
  r.PreferredBackupWindow = spec.backup_window;
  r.PreferredMaintenanceWindow = spec.maintenance_window;
  r.DeletionProtection = spec.deletion_protection;
  r.CopyTagsToSnapshot = true;
  r.Port = kPostgresPort;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::RestoreDBInstanceFromDBSnapshotMessage RestoreFromSnapshotRequest(
    const ClusterSpec& spec) {
  aws::rds::RestoreDBInstanceFromDBSnapshotMessage r;
  r.DBInstanceIdentifier = spec.identifier;
  r.DBSnapshotIdentifier =
      spec.restore && spec.restore->from_snapshot ? *spec.restore->from_snapshot : std::string();
  r.DBInstanceClass = spec.instance_class;
  r.Engine = spec.engine;
  r.MultiAZ = spec.multi_az;
  r.StorageType = spec.storage.type;
  r.Iops = spec.storage.iops;
  r.AllocatedStorage = spec.storage.allocated_gib;
  r.DBSubnetGroupName = DesiredSubnetGroup(spec);
  r.VpcSecurityGroupIds = spec.security_group_ids;
  r.DeletionProtection = spec.deletion_protection;
  r.Port = kPostgresPort;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::RestoreDBInstanceToPointInTimeMessage RestoreToPointInTimeRequest(
    const ClusterSpec& spec) {
  aws::rds::RestoreDBInstanceToPointInTimeMessage r;
  r.TargetDBInstanceIdentifier = spec.identifier;
  if (spec.restore && spec.restore->point_in_time) {
    const auto& p = *spec.restore->point_in_time;
    r.SourceDBInstanceIdentifier = p.source_identifier;
    if (p.latest) {
      r.UseLatestRestorableTime = true;
    } else {
      r.RestoreTime = p.time;
    }
  }
  r.DBInstanceClass = spec.instance_class;
  r.Engine = spec.engine;
  r.MultiAZ = spec.multi_az;
  r.StorageType = spec.storage.type;
  r.Iops = spec.storage.iops;
  r.AllocatedStorage = spec.storage.allocated_gib;
  r.MaxAllocatedStorage = spec.storage.max_allocated_gib;
  r.DBSubnetGroupName = DesiredSubnetGroup(spec);
  r.VpcSecurityGroupIds = spec.security_group_ids;
  r.DeletionProtection = spec.deletion_protection;
  r.Port = kPostgresPort;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::CreateDBInstanceReadReplicaMessage CreateReplicaRequest(const ClusterSpec& spec,
                                                                  int index) {
  aws::rds::CreateDBInstanceReadReplicaMessage r;
  r.DBInstanceIdentifier = ReplicaIdentifier(spec, index);
  r.SourceDBInstanceIdentifier = spec.identifier;
  r.DBInstanceClass = spec.replica_class.value_or(spec.instance_class);
  r.StorageType = spec.storage.type;
  r.Iops = spec.storage.iops;
  r.MaxAllocatedStorage = spec.storage.max_allocated_gib;
  r.VpcSecurityGroupIds = spec.security_group_ids;
  r.DeletionProtection = spec.deletion_protection;
  r.Port = kPostgresPort;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::CreateDBInstanceReadReplicaMessage CreateDisasterRecoveryRequest(
    const ClusterSpec& spec, const std::string& primary_arn) {
  aws::rds::CreateDBInstanceReadReplicaMessage r;
  r.DBInstanceIdentifier = DisasterRecoveryIdentifier(spec);
  r.SourceDBInstanceIdentifier = primary_arn;
  r.DBInstanceClass = spec.disaster_recovery.instance_class.value_or(spec.instance_class);
  r.StorageType = spec.storage.type;
  r.Iops = spec.storage.iops;
  r.MaxAllocatedStorage = spec.storage.max_allocated_gib;
  // The source is encrypted; a cross-region replica needs a key of its own region ("aws/rds" of
  // that region when unset).
  r.KmsKeyId = spec.disaster_recovery.kms_key_id.value_or("alias/aws/rds");
  r.DeletionProtection = spec.deletion_protection;
  r.Port = kPostgresPort;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::CreateDBSubnetGroupMessage SubnetGroupRequest(const ClusterSpec& spec) {
  aws::rds::CreateDBSubnetGroupMessage r;
  r.DBSubnetGroupName = SubnetGroupName(spec);
  r.DBSubnetGroupDescription =
      "Subnets of DatabaseCluster " + spec.ns + "/" + spec.name + " (platform-operator)";
  r.SubnetIds = spec.subnet_ids;
  r.Tags = Tags(spec);
  return r;
}

aws::rds::DeleteDBInstanceMessage DeletePrimaryRequest(const ClusterSpec& spec) {
  aws::rds::DeleteDBInstanceMessage r;
  r.DBInstanceIdentifier = spec.identifier;
  if (spec.deletion_policy == DeletionPolicy::kSnapshot) {
    r.SkipFinalSnapshot = false;
    r.FinalDBSnapshotIdentifier = FinalSnapshotIdentifier(spec);
  } else {
    r.SkipFinalSnapshot = true;
  }
  return r;
}

aws::rds::DeleteDBInstanceMessage DeleteReplicaRequest(const std::string& identifier) {
  aws::rds::DeleteDBInstanceMessage r;
  r.DBInstanceIdentifier = identifier;
  r.SkipFinalSnapshot = true;
  return r;
}

}  // namespace po::controllers::database_cluster
