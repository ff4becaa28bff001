// Encodes ElastiCache requests into Query-protocol form parameters.
#include "operator/aws/elasticache/encode.h"

#include "operator/aws/query_codec.h"

namespace po::aws::elasticache {
namespace {

void WriteConfigureShard(QueryParamWriter& w, const ConfigureShard& shard) {
  w.Str("NodeGroupId", shard.NodeGroupId);
  w.Int("NewReplicaCount", shard.NewReplicaCount);
  w.Strings("PreferredAvailabilityZones", "PreferredAvailabilityZone",
            shard.PreferredAvailabilityZones);
}

}  // namespace

QueryParams EncodeCreateReplicationGroup(const CreateReplicationGroupMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("ReplicationGroupDescription", r.ReplicationGroupDescription);
  w.Bool("AutomaticFailoverEnabled", r.AutomaticFailoverEnabled);
  w.Bool("MultiAZEnabled", r.MultiAZEnabled);
  w.Int("NumCacheClusters", r.NumCacheClusters);
  w.Strings("PreferredCacheClusterAZs", "AvailabilityZone", r.PreferredCacheClusterAZs);
  w.Int("NumNodeGroups", r.NumNodeGroups);
  w.Int("ReplicasPerNodeGroup", r.ReplicasPerNodeGroup);
  w.Structs("NodeGroupConfiguration", "NodeGroupConfiguration", r.NodeGroupConfiguration,
            [](QueryParamWriter& n, const NodeGroupConfiguration& c) {
              n.Str("NodeGroupId", c.NodeGroupId);
              n.Str("Slots", c.Slots);
              n.Int("ReplicaCount", c.ReplicaCount);
              n.Str("PrimaryAvailabilityZone", c.PrimaryAvailabilityZone);
              n.Strings("ReplicaAvailabilityZones", "AvailabilityZone", c.ReplicaAvailabilityZones);
            });
  w.Str("CacheNodeType", r.CacheNodeType);
  w.Str("Engine", r.Engine);
  w.Str("EngineVersion", r.EngineVersion);
  w.Str("CacheParameterGroupName", r.CacheParameterGroupName);
  w.Str("CacheSubnetGroupName", r.CacheSubnetGroupName);
  w.Strings("SecurityGroupIds", "SecurityGroupId", r.SecurityGroupIds);
  w.Tags(r.Tags);
  w.Str("SnapshotName", r.SnapshotName);
  w.Str("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow);
  w.Int("Port", r.Port);
  w.Bool("AutoMinorVersionUpgrade", r.AutoMinorVersionUpgrade);
  w.Int("SnapshotRetentionLimit", r.SnapshotRetentionLimit);
  w.Str("SnapshotWindow", r.SnapshotWindow);
  w.Str("AuthToken", r.AuthToken);
  w.Bool("TransitEncryptionEnabled", r.TransitEncryptionEnabled);
  w.Bool("AtRestEncryptionEnabled", r.AtRestEncryptionEnabled);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Str("TransitEncryptionMode", r.TransitEncryptionMode);
  w.Str("ClusterMode", r.ClusterMode);
  return w.Take();
}

QueryParams EncodeDescribeReplicationGroups(const DescribeReplicationGroupsMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeModifyReplicationGroup(const ModifyReplicationGroupMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("ReplicationGroupDescription", r.ReplicationGroupDescription);
  w.Str("PrimaryClusterId", r.PrimaryClusterId);
  w.Str("SnapshottingClusterId", r.SnapshottingClusterId);
  w.Bool("AutomaticFailoverEnabled", r.AutomaticFailoverEnabled);
  w.Bool("MultiAZEnabled", r.MultiAZEnabled);
  w.Strings("SecurityGroupIds", "SecurityGroupId", r.SecurityGroupIds);
  w.Str("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow);
  w.Str("CacheParameterGroupName", r.CacheParameterGroupName);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  w.Str("EngineVersion", r.EngineVersion);
  w.Bool("AutoMinorVersionUpgrade", r.AutoMinorVersionUpgrade);
  w.Int("SnapshotRetentionLimit", r.SnapshotRetentionLimit);
  w.Str("SnapshotWindow", r.SnapshotWindow);
  w.Str("CacheNodeType", r.CacheNodeType);
  w.Str("AuthToken", r.AuthToken);
  w.Str("AuthTokenUpdateStrategy", r.AuthTokenUpdateStrategy);
  w.Bool("TransitEncryptionEnabled", r.TransitEncryptionEnabled);
  w.Str("TransitEncryptionMode", r.TransitEncryptionMode);
  w.Str("ClusterMode", r.ClusterMode);
  return w.Take();
}

QueryParams EncodeModifyReplicationGroupShardConfiguration(
    const ModifyReplicationGroupShardConfigurationMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NodeGroupCount", r.NodeGroupCount);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  w.Structs("ReshardingConfiguration", "ReshardingConfiguration", r.ReshardingConfiguration,
            [](QueryParamWriter& n, const ReshardingConfiguration& c) {
              n.Str("NodeGroupId", c.NodeGroupId);
              n.Strings("PreferredAvailabilityZones", "AvailabilityZone",
                        c.PreferredAvailabilityZones);
            });
  w.Strings("NodeGroupsToRemove", "NodeGroupToRemove", r.NodeGroupsToRemove);
  w.Strings("NodeGroupsToRetain", "NodeGroupToRetain", r.NodeGroupsToRetain);
  return w.Take();
}

QueryParams EncodeIncreaseReplicaCount(const IncreaseReplicaCountMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NewReplicaCount", r.NewReplicaCount);
  w.Structs("ReplicaConfiguration", "ConfigureShard", r.ReplicaConfiguration, WriteConfigureShard);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  return w.Take();
}

QueryParams EncodeDecreaseReplicaCount(const DecreaseReplicaCountMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NewReplicaCount", r.NewReplicaCount);
  w.Structs("ReplicaConfiguration", "ConfigureShard", r.ReplicaConfiguration, WriteConfigureShard);
  w.Strings("ReplicasToRemove", "member", r.ReplicasToRemove);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  return w.Take();
}

QueryParams EncodeDeleteReplicationGroup(const DeleteReplicationGroupMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Bool("RetainPrimaryCluster", r.RetainPrimaryCluster);
  w.Str("FinalSnapshotIdentifier", r.FinalSnapshotIdentifier);
  return w.Take();
}

QueryParams EncodeTestFailover(const TestFailoverMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("NodeGroupId", r.NodeGroupId);
  return w.Take();
}

QueryParams EncodeCreateSnapshot(const CreateSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("CacheClusterId", r.CacheClusterId);
  w.Str("SnapshotName", r.SnapshotName);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeDescribeSnapshots(const DescribeSnapshotsMessage& r) {
  QueryParamWriter w;
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("CacheClusterId", r.CacheClusterId);
  w.Str("SnapshotName", r.SnapshotName);
  w.Str("SnapshotSource", r.SnapshotSource);
  w.Str("Marker", r.Marker);
  w.Int("MaxRecords", r.MaxRecords);
  w.Bool("ShowNodeGroupConfig", r.ShowNodeGroupConfig);
  return w.Take();
}

QueryParams EncodeDeleteSnapshot(const DeleteSnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("SnapshotName", r.SnapshotName);
  return w.Take();
}

QueryParams EncodeCopySnapshot(const CopySnapshotMessage& r) {
  QueryParamWriter w;
  w.Str("SourceSnapshotName", r.SourceSnapshotName);
  w.Str("TargetSnapshotName", r.TargetSnapshotName);
  w.Str("TargetBucket", r.TargetBucket);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeDescribeEvents(const DescribeEventsMessage& r) {
  QueryParamWriter w;
  w.Str("SourceIdentifier", r.SourceIdentifier);
  w.Str("SourceType", r.SourceType);
  w.Str("StartTime", r.StartTime);
  w.Str("EndTime", r.EndTime);
  w.Int("Duration", r.Duration);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return w.Take();
}

QueryParams EncodeCreateCacheSubnetGroup(const CreateCacheSubnetGroupMessage& r) {
  QueryParamWriter w;
  w.Str("CacheSubnetGroupName", r.CacheSubnetGroupName);
  w.Str("CacheSubnetGroupDescription", r.CacheSubnetGroupDescription);
  w.Strings("SubnetIds", "SubnetIdentifier", r.SubnetIds);
  w.Tags(r.Tags);
  return w.Take();
}

QueryParams EncodeDeleteCacheSubnetGroup(const DeleteCacheSubnetGroupMessage& r) {
  QueryParamWriter w;
  w.Str("CacheSubnetGroupName", r.CacheSubnetGroupName);
  return w.Take();
}

QueryParams EncodeListTagsForResource(const ListTagsForResourceMessage& r) {
  QueryParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  return w.Take();
}

QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& r) {
  QueryParamWriter w;
  w.Str("ResourceName", r.ResourceName);
  w.Tags(r.Tags);
  return w.Take();
}

}  // namespace po::aws::elasticache
