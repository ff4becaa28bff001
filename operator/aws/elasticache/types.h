// Request and response shapes of the Amazon ElastiCache API (2015-02-02) that the operator uses,
// named and spelled exactly as in the service model. Optional members are std::optional; timestamps
// are the ISO 8601 strings of the wire format. Plain values; safe to copy and share between
// threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace po::aws::elasticache {

inline constexpr char kApiVersion[] = "2015-02-02";
inline constexpr char kSigningName[] = "elasticache";

// ---- Shared shapes ----

struct Tag {
  std::string Key;
  std::string Value;
  bool operator==(const Tag&) const = default;
};

struct Endpoint {
  std::optional<std::string> Address;
  std::optional<int> Port;
};

struct NodeGroupMember {
  std::optional<std::string> CacheClusterId;
  std::optional<std::string> CacheNodeId;
  std::optional<Endpoint> ReadEndpoint;
  std::optional<std::string> PreferredAvailabilityZone;
  std::optional<std::string> CurrentRole;  // "primary" or "replica" (cluster mode disabled only)
};

struct NodeGroup {
  std::optional<std::string> NodeGroupId;
  std::optional<std::string> Status;
  std::optional<Endpoint> PrimaryEndpoint;
  std::optional<Endpoint> ReaderEndpoint;
  std::optional<std::string> Slots;
  std::vector<NodeGroupMember> NodeGroupMembers;
};

struct SlotMigration {
  std::optional<double> ProgressPercentage;
};

struct ReshardingStatus {
  std::optional<elasticache::SlotMigration> SlotMigration;
};

struct ReplicationGroupPendingModifiedValues {
  std::optional<std::string> PrimaryClusterId;
  std::optional<std::string> AutomaticFailoverStatus;  // "enabled" | "disabled"
  std::optional<ReshardingStatus> Resharding;
  std::optional<std::string> AuthTokenStatus;  // "SETTING" | "ROTATING"
  std::optional<bool> TransitEncryptionEnabled;
  std::optional<std::string> TransitEncryptionMode;
  std::optional<std::string> ClusterMode;
};

struct ReplicationGroup {
  std::optional<std::string> ReplicationGroupId;
  std::optional<std::string> Description;
  std::optional<std::string> Status;
  std::optional<ReplicationGroupPendingModifiedValues> PendingModifiedValues;
  std::vector<std::string> MemberClusters;
  std::vector<NodeGroup> NodeGroups;
  std::optional<std::string> SnapshottingClusterId;
  std::optional<std::string> AutomaticFailover;  // "enabled" | "disabled" | "enabling" | …
  std::optional<std::string> MultiAZ;            // "enabled" | "disabled"
  std::optional<Endpoint> ConfigurationEndpoint;
  std::optional<int> SnapshotRetentionLimit;
  std::optional<std::string> SnapshotWindow;
  std::optional<bool> ClusterEnabled;
  std::optional<std::string> CacheNodeType;
  std::optional<bool> AuthTokenEnabled;
  std::optional<std::string> AuthTokenLastModifiedDate;
  std::optional<bool> TransitEncryptionEnabled;
  std::optional<bool> AtRestEncryptionEnabled;
  std::optional<std::string> KmsKeyId;
  std::optional<std::string> ARN;
  std::optional<std::string> ReplicationGroupCreateTime;
  std::optional<bool> AutoMinorVersionUpgrade;
  std::optional<std::string> TransitEncryptionMode;
  std::optional<std::string> ClusterMode;  // "enabled" | "disabled" | "compatible"
  std::optional<std::string> Engine;
};

struct Snapshot {
  std::optional<std::string> SnapshotName;
  std::optional<std::string> ReplicationGroupId;
  std::optional<std::string> ReplicationGroupDescription;
  std::optional<std::string> CacheClusterId;
  std::optional<std::string> SnapshotStatus;
  std::optional<std::string> SnapshotSource;  // "manual" | "automated"
  std::optional<std::string> CacheNodeType;
  std::optional<std::string> Engine;
  std::optional<std::string> EngineVersion;
  std::optional<int> NumCacheNodes;
  std::optional<int> Port;
  std::optional<std::string> CacheSubnetGroupName;
  std::optional<int> SnapshotRetentionLimit;
  std::optional<std::string> SnapshotWindow;
  std::optional<int> NumNodeGroups;
  std::optional<std::string> AutomaticFailover;
  std::optional<std::string> KmsKeyId;
  std::optional<std::string> ARN;
};

struct Event {
  std::optional<std::string> SourceIdentifier;
  std::optional<std::string> SourceType;
  std::optional<std::string> Message;
  std::optional<std::string> Date;
};

// ---- Requests (input shapes) ----

struct NodeGroupConfiguration {
  std::optional<std::string> NodeGroupId;
  std::optional<std::string> Slots;
  std::optional<int> ReplicaCount;
  std::optional<std::string> PrimaryAvailabilityZone;
  std::vector<std::string> ReplicaAvailabilityZones;
};

struct CreateReplicationGroupMessage {
  std::string ReplicationGroupId;
  std::string ReplicationGroupDescription;
  std::optional<bool> AutomaticFailoverEnabled;
  std::optional<bool> MultiAZEnabled;
  std::optional<int> NumCacheClusters;
  std::vector<std::string> PreferredCacheClusterAZs;
  std::optional<int> NumNodeGroups;
  std::optional<int> ReplicasPerNodeGroup;
  std::vector<elasticache::NodeGroupConfiguration> NodeGroupConfiguration;
  std::optional<std::string> CacheNodeType;
  std::optional<std::string> Engine;
  std::optional<std::string> EngineVersion;
  std::optional<std::string> CacheParameterGroupName;
  std::optional<std::string> CacheSubnetGroupName;
  std::vector<std::string> SecurityGroupIds;
  std::vector<Tag> Tags;
  std::optional<std::string> SnapshotName;
  std::optional<std::string> PreferredMaintenanceWindow;
  std::optional<int> Port;
  std::optional<bool> AutoMinorVersionUpgrade;
  std::optional<int> SnapshotRetentionLimit;
  std::optional<std::string> SnapshotWindow;
  std::optional<std::string> AuthToken;  // secret: never logged
  std::optional<bool> TransitEncryptionEnabled;
  std::optional<bool> AtRestEncryptionEnabled;
  std::optional<std::string> KmsKeyId;
  std::optional<std::string> TransitEncryptionMode;
  std::optional<std::string> ClusterMode;
};

struct DescribeReplicationGroupsMessage {
  std::optional<std::string> ReplicationGroupId;
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

struct ModifyReplicationGroupMessage {
  std::string ReplicationGroupId;
  std::optional<std::string> ReplicationGroupDescription;
  std::optional<std::string> PrimaryClusterId;
  std::optional<std::string> SnapshottingClusterId;
  std::optional<bool> AutomaticFailoverEnabled;
  std::optional<bool> MultiAZEnabled;
  std::vector<std::string> SecurityGroupIds;
  std::optional<std::string> PreferredMaintenanceWindow;
  std::optional<std::string> CacheParameterGroupName;
  std::optional<bool> ApplyImmediately;
  std::optional<std::string> EngineVersion;
  std::optional<bool> AutoMinorVersionUpgrade;
  std::optional<int> SnapshotRetentionLimit;
  std::optional<std::string> SnapshotWindow;
  std::optional<std::string> CacheNodeType;
  std::optional<std::string> AuthToken;                // secret: never logged
  std::optional<std::string> AuthTokenUpdateStrategy;  // "SET" | "ROTATE" | "DELETE"
  std::optional<bool> TransitEncryptionEnabled;
  std::optional<std::string> TransitEncryptionMode;
  std::optional<std::string> ClusterMode;
};

struct ReshardingConfiguration {
  std::optional<std::string> NodeGroupId;
  std::vector<std::string> PreferredAvailabilityZones;
};

struct ModifyReplicationGroupShardConfigurationMessage {
  std::string ReplicationGroupId;
  int NodeGroupCount = 0;
  bool ApplyImmediately = true;
  std::vector<elasticache::ReshardingConfiguration> ReshardingConfiguration;
  std::vector<std::string> NodeGroupsToRemove;
  std::vector<std::string> NodeGroupsToRetain;
};

struct ConfigureShard {
  std::string NodeGroupId;
  int NewReplicaCount = 0;
  std::vector<std::string> PreferredAvailabilityZones;
};

struct IncreaseReplicaCountMessage {
  std::string ReplicationGroupId;
  std::optional<int> NewReplicaCount;
  std::vector<ConfigureShard> ReplicaConfiguration;
  bool ApplyImmediately = true;
};

struct DecreaseReplicaCountMessage {
  std::string ReplicationGroupId;
  std::optional<int> NewReplicaCount;
  std::vector<ConfigureShard> ReplicaConfiguration;
  std::vector<std::string> ReplicasToRemove;
  bool ApplyImmediately = true;
};

struct DeleteReplicationGroupMessage {
  std::string ReplicationGroupId;
  std::optional<bool> RetainPrimaryCluster;
  std::optional<std::string> FinalSnapshotIdentifier;
};

struct TestFailoverMessage {
  std::string ReplicationGroupId;
  std::string NodeGroupId;
};

struct CreateSnapshotMessage {
  std::optional<std::string> ReplicationGroupId;
  std::optional<std::string> CacheClusterId;
  std::string SnapshotName;
  std::optional<std::string> KmsKeyId;
  std::vector<Tag> Tags;
};

struct DescribeSnapshotsMessage {
  std::optional<std::string> ReplicationGroupId;
  std::optional<std::string> CacheClusterId;
  std::optional<std::string> SnapshotName;
  std::optional<std::string> SnapshotSource;
  std::optional<std::string> Marker;
  std::optional<int> MaxRecords;
  std::optional<bool> ShowNodeGroupConfig;
};

struct DeleteSnapshotMessage {
  std::string SnapshotName;
};

struct CopySnapshotMessage {
  std::string SourceSnapshotName;
  std::string TargetSnapshotName;
  std::optional<std::string> TargetBucket;
  std::optional<std::string> KmsKeyId;
  std::vector<Tag> Tags;
};

struct DescribeEventsMessage {
  std::optional<std::string> SourceIdentifier;
  std::optional<std::string> SourceType;  // "replication-group", "cache-cluster", …
  std::optional<std::string> StartTime;   // ISO 8601
  std::optional<std::string> EndTime;     // ISO 8601
  std::optional<int> Duration;            // minutes
  std::optional<int> MaxRecords;
  std::optional<std::string> Marker;
};

struct CreateCacheSubnetGroupMessage {
  std::string CacheSubnetGroupName;
  std::string CacheSubnetGroupDescription;
  std::vector<std::string> SubnetIds;
  std::vector<Tag> Tags;
};

struct DeleteCacheSubnetGroupMessage {
  std::string CacheSubnetGroupName;
};

struct CacheSubnetGroup {
  std::optional<std::string> CacheSubnetGroupName;
  std::optional<std::string> CacheSubnetGroupDescription;
  std::optional<std::string> VpcId;
  std::optional<std::string> ARN;
};

struct ListTagsForResourceMessage {
  std::string ResourceName;  // an ARN
};

struct AddTagsToResourceMessage {
  std::string ResourceName;  // an ARN
  std::vector<Tag> Tags;
};

// ---- Responses (output shapes of the paged and list operations) ----

struct ReplicationGroupMessage {
  std::optional<std::string> Marker;
  std::vector<ReplicationGroup> ReplicationGroups;
};

struct DescribeSnapshotsListMessage {
  std::optional<std::string> Marker;
  std::vector<Snapshot> Snapshots;
};

struct EventsMessage {
  std::optional<std::string> Marker;
  std::vector<Event> Events;
};

struct TagListMessage {
  std::vector<Tag> TagList;
};

}  // namespace po::aws::elasticache
