// Request and response shapes of the Amazon RDS API (2014-10-31) that the operator uses, named and
// spelled exactly as in the service model. Optional members are std::optional; timestamps are the
// ISO 8601 strings of the wire format. Plain values; safe to copy and share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace po::aws::rds {

inline constexpr char kApiVersion[] = "2014-10-31";
inline constexpr char kSigningName[] = "rds";

// ---- Shared shapes ----

struct Tag {
  std::string Key;
  std::string Value;
  bool operator==(const Tag&) const = default;
};

struct Filter {
  std::string Name;
  std::vector<std::string> Values;
  bool operator==(const Filter&) const = default;
};

struct Endpoint {
  std::optional<std::string> Address;
  std::optional<int> Port;
  std::optional<std::string> HostedZoneId;
};

struct VpcSecurityGroupMembership {
  std::optional<std::string> VpcSecurityGroupId;
  std::optional<std::string> Status;
};

struct Subnet {
  std::optional<std::string> SubnetIdentifier;
  std::optional<std::string> SubnetAvailabilityZone;  // AvailabilityZone.Name
  std::optional<std::string> SubnetStatus;
};

struct DBSubnetGroup {
  std::optional<std::string> DBSubnetGroupName;
  std::optional<std::string> DBSubnetGroupDescription;
  std::optional<std::string> VpcId;
  std::optional<std::string> SubnetGroupStatus;
  std::vector<Subnet> Subnets;
  std::optional<std::string> DBSubnetGroupArn;
};

// Changes accepted but not yet applied. MasterUserPassword is deliberately not decoded.
struct PendingModifiedValues {
  std::optional<std::string> DBInstanceClass;
  std::optional<int> AllocatedStorage;
  std::optional<int> Port;
  std::optional<int> BackupRetentionPeriod;
  std::optional<bool> MultiAZ;
  std::optional<std::string> EngineVersion;
  std::optional<int> Iops;
  std::optional<int> StorageThroughput;
  std::optional<std::string> DBInstanceIdentifier;
  std::optional<std::string> StorageType;
  std::optional<std::string> CACertificateIdentifier;
  std::optional<std::string> DBSubnetGroupName;
  std::optional<bool> IAMDatabaseAuthenticationEnabled;
  std::optional<std::string> Engine;

  // True when no member is set (RDS sends an empty <PendingModifiedValues/> then).
  bool empty() const {
    return !DBInstanceClass && !AllocatedStorage && !Port && !BackupRetentionPeriod && !MultiAZ &&
           !EngineVersion && !Iops && !StorageThroughput && !DBInstanceIdentifier && !StorageType &&
           !CACertificateIdentifier && !DBSubnetGroupName && !IAMDatabaseAuthenticationEnabled &&
           !Engine;
  }
};

struct DBInstanceStatusInfo {
  std::optional<std::string> StatusType;
  std::optional<bool> Normal;
  std::optional<std::string> Status;
  std::optional<std::string> Message;
};

struct DBInstance {
  std::optional<std::string> DBInstanceIdentifier;
  std::optional<std::string> DBInstanceArn;
  std::optional<std::string> DBInstanceClass;
  std::optional<std::string> Engine;
  std::optional<std::string> EngineVersion;
  std::optional<std::string> DBInstanceStatus;
  std::optional<std::string> MasterUsername;
  std::optional<std::string> DBName;
  std::optional<rds::Endpoint> Endpoint;
  std::optional<int> AllocatedStorage;
  std::optional<int> MaxAllocatedStorage;
  std::optional<std::string> StorageType;
  std::optional<int> Iops;
  std::optional<bool> StorageEncrypted;
  std::optional<std::string> KmsKeyId;
  std::optional<std::string> InstanceCreateTime;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> PreferredBackupWindow;
  std::optional<std::string> PreferredMaintenanceWindow;
  std::optional<std::string> LatestRestorableTime;
  std::optional<bool> MultiAZ;
  std::optional<std::string> AvailabilityZone;
  std::optional<std::string> SecondaryAvailabilityZone;
  std::optional<bool> PubliclyAccessible;
  std::optional<bool> DeletionProtection;
  std::optional<std::string> DbiResourceId;
  std::optional<std::string> ReadReplicaSourceDBInstanceIdentifier;
  std::vector<std::string> ReadReplicaDBInstanceIdentifiers;
  std::optional<rds::DBSubnetGroup> DBSubnetGroup;
  std::vector<VpcSecurityGroupMembership> VpcSecurityGroups;
  std::vector<Tag> TagList;
  std::optional<rds::PendingModifiedValues> PendingModifiedValues;
  std::vector<DBInstanceStatusInfo> StatusInfos;
};

struct DBSnapshot {
  std::optional<std::string> DBSnapshotIdentifier;
  std::optional<std::string> DBInstanceIdentifier;
  std::optional<std::string> DBSnapshotArn;
  std::optional<std::string> SnapshotCreateTime;
  std::optional<std::string> Engine;
  std::optional<std::string> EngineVersion;
  std::optional<int> AllocatedStorage;
  std::optional<std::string> Status;
  std::optional<int> Port;
  std::optional<std::string> AvailabilityZone;
  std::optional<std::string> VpcId;
  std::optional<std::string> MasterUsername;
  std::optional<std::string> SnapshotType;
  std::optional<int> PercentProgress;
  std::optional<std::string> SourceRegion;
  std::optional<std::string> SourceDBSnapshotIdentifier;
  std::optional<std::string> StorageType;
  std::optional<bool> Encrypted;
  std::optional<std::string> KmsKeyId;
  std::vector<Tag> TagList;
};

struct Event {
  std::optional<std::string> SourceIdentifier;
  std::optional<std::string> SourceType;
  std::optional<std::string> Message;
  std::vector<std::string> EventCategories;
  std::optional<std::string> Date;
  std::optional<std::string> SourceArn;
};

struct DBInstanceAutomatedBackup {
  std::optional<std::string> DBInstanceArn;
  std::optional<std::string> DbiResourceId;
  std::optional<std::string> Region;
  std::optional<std::string> DBInstanceIdentifier;
  std::optional<std::string> Status;
  std::optional<std::string> Engine;
  std::optional<bool> Encrypted;
  std::optional<std::string> KmsKeyId;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> DBInstanceAutomatedBackupsArn;
};

// ---- Requests (input shapes) ----

struct CreateDBInstanceMessage {
  std::optional<std::string> DBName;
  std::string DBInstanceIdentifier;
  std::optional<int> AllocatedStorage;
  std::string DBInstanceClass;
  std::string Engine;
  std::optional<std::string> MasterUsername;
  std::optional<std::string> MasterUserPassword;  // secret: never logged
  std::vector<std::string> VpcSecurityGroupIds;
  std::optional<std::string> AvailabilityZone;
  std::optional<std::string> DBSubnetGroupName;
  std::optional<std::string> PreferredMaintenanceWindow;
  std::optional<std::string> DBParameterGroupName;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> PreferredBackupWindow;
  std::optional<int> Port;
  std::optional<bool> MultiAZ;
  std::optional<std::string> EngineVersion;
  std::optional<bool> AutoMinorVersionUpgrade;
  std::optional<int> Iops;
  std::optional<bool> PubliclyAccessible;
  std::vector<Tag> Tags;
  std::optional<std::string> StorageType;
  std::optional<bool> StorageEncrypted;
  std::optional<std::string> KmsKeyId;
  std::optional<bool> CopyTagsToSnapshot;
  std::optional<bool> EnableIAMDatabaseAuthentication;
  std::optional<bool> DeletionProtection;
  std::optional<int> MaxAllocatedStorage;
};

struct DescribeDBInstancesMessage {
  std::optional<std::string> DBInstanceIdentifier;
  std::vector<Filter> Filters;
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

struct ModifyDBInstanceMessage {
  std::string DBInstanceIdentifier;
  std::optional<int> AllocatedStorage;
  std::optional<std::string> DBInstanceClass;
  std::optional<std::string> DBSubnetGroupName;
  std::vector<std::string> VpcSecurityGroupIds;
  std::optional<bool> ApplyImmediately;
  std::optional<std::string> MasterUserPassword;  // secret: never logged
  std::optional<std::string> DBParameterGroupName;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> PreferredBackupWindow;
  std::optional<std::string> PreferredMaintenanceWindow;
  std::optional<bool> MultiAZ;
  std::optional<std::string> EngineVersion;
  std::optional<bool> AllowMajorVersionUpgrade;
  std::optional<bool> AutoMinorVersionUpgrade;
  std::optional<int> Iops;
  std::optional<std::string> NewDBInstanceIdentifier;
  std::optional<std::string> StorageType;
  std::optional<bool> CopyTagsToSnapshot;
  std::optional<bool> PubliclyAccessible;
  std::optional<bool> DeletionProtection;
  std::optional<int> MaxAllocatedStorage;
};

struct DeleteDBInstanceMessage {
  std::string DBInstanceIdentifier;
  std::optional<bool> SkipFinalSnapshot;
  std::optional<std::string> FinalDBSnapshotIdentifier;
  std::optional<bool> DeleteAutomatedBackups;
};

// Cross-region: call in the destination region with SourceDBInstanceIdentifier as the source's ARN
// and SourceRegion set to the source's region.
struct CreateDBInstanceReadReplicaMessage {
  std::string DBInstanceIdentifier;
  std::string SourceDBInstanceIdentifier;
  std::optional<std::string> DBInstanceClass;
  std::optional<std::string> AvailabilityZone;
  std::optional<int> Port;
  std::optional<bool> MultiAZ;
  std::optional<int> Iops;
  std::vector<Tag> Tags;
  std::optional<std::string> DBSubnetGroupName;
  std::vector<std::string> VpcSecurityGroupIds;
  std::optional<std::string> StorageType;
  std::optional<std::string> KmsKeyId;
  std::optional<bool> DeletionProtection;
  std::optional<int> MaxAllocatedStorage;
  std::optional<std::string> SourceRegion;
};

struct PromoteReadReplicaMessage {
  std::string DBInstanceIdentifier;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> PreferredBackupWindow;
};

struct RebootDBInstanceMessage {
  std::string DBInstanceIdentifier;
  std::optional<bool> ForceFailover;
};

struct CreateDBSnapshotMessage {
  std::string DBSnapshotIdentifier;
  std::string DBInstanceIdentifier;
  std::vector<Tag> Tags;
};

// Cross-region: call in the destination region with SourceDBSnapshotIdentifier as the source ARN.
struct CopyDBSnapshotMessage {
  std::string SourceDBSnapshotIdentifier;
  std::string TargetDBSnapshotIdentifier;
  std::optional<std::string> KmsKeyId;
  std::vector<Tag> Tags;
  std::optional<bool> CopyTags;
  std::optional<std::string> SourceRegion;
};

struct DescribeDBSnapshotsMessage {
  std::optional<std::string> DBInstanceIdentifier;
  std::optional<std::string> DBSnapshotIdentifier;
  std::optional<std::string> SnapshotType;
  std::vector<Filter> Filters;
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

struct DeleteDBSnapshotMessage {
  std::string DBSnapshotIdentifier;
};

struct RestoreDBInstanceFromDBSnapshotMessage {
  std::string DBInstanceIdentifier;
  std::string DBSnapshotIdentifier;
  std::optional<std::string> DBInstanceClass;
  std::optional<int> Port;
  std::optional<std::string> AvailabilityZone;
  std::optional<std::string> DBSubnetGroupName;
  std::optional<bool> MultiAZ;
  std::optional<std::string> DBName;
  std::optional<std::string> Engine;
  std::optional<int> Iops;
  std::vector<Tag> Tags;
  std::optional<std::string> StorageType;
  std::vector<std::string> VpcSecurityGroupIds;
  std::optional<bool> DeletionProtection;
  std::optional<int> AllocatedStorage;
};

struct RestoreDBInstanceToPointInTimeMessage {
  std::optional<std::string> SourceDBInstanceIdentifier;
  std::string TargetDBInstanceIdentifier;
  std::optional<std::string> RestoreTime;  // ISO 8601, e.g. "2026-01-01T00:00:00Z"
  std::optional<bool> UseLatestRestorableTime;
  std::optional<std::string> DBInstanceClass;
  std::optional<int> Port;
  std::optional<std::string> AvailabilityZone;
  std::optional<std::string> DBSubnetGroupName;
  std::optional<bool> MultiAZ;
  std::optional<std::string> DBName;
  std::optional<std::string> Engine;
  std::optional<int> Iops;
  std::vector<Tag> Tags;
  std::optional<std::string> StorageType;
  std::vector<std::string> VpcSecurityGroupIds;
  std::optional<bool> DeletionProtection;
  std::optional<std::string> SourceDbiResourceId;
  std::optional<int> MaxAllocatedStorage;
  std::optional<int> AllocatedStorage;
};

// Called in the destination region; SourceDBInstanceArn names the instance in SourceRegion.
struct StartDBInstanceAutomatedBackupsReplicationMessage {
  std::string SourceDBInstanceArn;
  std::optional<int> BackupRetentionPeriod;
  std::optional<std::string> KmsKeyId;
  std::vector<Tag> Tags;
  std::optional<std::string> SourceRegion;
};

struct DescribeEventsMessage {
  std::optional<std::string> SourceIdentifier;
  std::optional<std::string> SourceType;  // "db-instance", "db-snapshot", …
  std::optional<std::string> StartTime;   // ISO 8601
  std::optional<std::string> EndTime;     // ISO 8601
  std::optional<int> Duration;            // minutes
  std::vector<std::string> EventCategories;
  std::vector<Filter> Filters;
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

struct AddTagsToResourceMessage {
  std::string ResourceName;  // an ARN
  std::vector<Tag> Tags;
};

struct ListTagsForResourceMessage {
  std::string ResourceName;  // an ARN
  std::vector<Filter> Filters;
};

struct CreateDBSubnetGroupMessage {
  std::string DBSubnetGroupName;
  std::string DBSubnetGroupDescription;
  std::vector<std::string> SubnetIds;
  std::vector<Tag> Tags;
};

struct DeleteDBSubnetGroupMessage {
  std::string DBSubnetGroupName;
};

struct DescribeDBSubnetGroupsMessage {
  std::optional<std::string> DBSubnetGroupName;
  std::vector<Filter> Filters;
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

// ---- Responses (output shapes of the paged and list operations) ----

struct DBInstanceMessage {
  std::optional<std::string> Marker;
  std::vector<DBInstance> DBInstances;
};

struct DBSnapshotMessage {
  std::optional<std::string> Marker;
  std::vector<DBSnapshot> DBSnapshots;
};

struct EventsMessage {
  std::optional<std::string> Marker;
  std::vector<Event> Events;
};

struct TagListMessage {
  std::vector<Tag> TagList;
};

struct DBSubnetGroupMessage {
  std::optional<std::string> Marker;
  std::vector<DBSubnetGroup> DBSubnetGroups;
};

}  // namespace po::aws::rds
