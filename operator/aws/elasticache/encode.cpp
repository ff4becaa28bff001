// Encodes ElastiCache requests into Query-protocol form parameters.
#include "operator/aws/elasticache/encode.h"

#include <string>
#include <utility>

namespace po::aws::elasticache {
namespace {

// Appends Query parameters under an optional prefix; absent optionals and empty lists are left out.
class ParamWriter {
 public:
  explicit ParamWriter(QueryParams& out, std::string prefix = "")
      : out_(out), prefix_(std::move(prefix)) {}

  void Str(const std::string& name, const std::string& value) {
    out_.emplace_back(prefix_ + name, value);
  }
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
  // name.member.N.<fields written by write(writer, item)>
  template <typename T, typename WriteFn>
  void Structs(const std::string& name, const std::string& member, const std::vector<T>& items,
               WriteFn write) {
    for (size_t i = 0; i < items.size(); ++i) {
      ParamWriter nested(out_, prefix_ + name + "." + member + "." + std::to_string(i + 1) + ".");
      write(nested, items[i]);
    }
  }
  void Tags(const std::vector<Tag>& tags) {
    Structs("Tags", "Tag", tags, [](ParamWriter& w, const Tag& tag) {
      w.Str("Key", tag.Key);
      w.Str("Value", tag.Value);
    });
  }

 private:
  QueryParams& out_;
  std::string prefix_;
};

void WriteConfigureShard(ParamWriter& w, const ConfigureShard& shard) {
  w.Str("NodeGroupId", shard.NodeGroupId);
  w.Int("NewReplicaCount", shard.NewReplicaCount);
  w.Strings("PreferredAvailabilityZones", "PreferredAvailabilityZone",
            shard.PreferredAvailabilityZones);
}

}  // namespace

QueryParams EncodeCreateReplicationGroup(const CreateReplicationGroupMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("ReplicationGroupDescription", r.ReplicationGroupDescription);
  w.Bool("AutomaticFailoverEnabled", r.AutomaticFailoverEnabled);
  w.Bool("MultiAZEnabled", r.MultiAZEnabled);
  w.Int("NumCacheClusters", r.NumCacheClusters);
  w.Strings("PreferredCacheClusterAZs", "AvailabilityZone", r.PreferredCacheClusterAZs);
  w.Int("NumNodeGroups", r.NumNodeGroups);
  w.Int("ReplicasPerNodeGroup", r.ReplicasPerNodeGroup);
  w.Structs("NodeGroupConfiguration", "NodeGroupConfiguration", r.NodeGroupConfiguration,
            [](ParamWriter& n, const NodeGroupConfiguration& c) {
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
  return out;
}

QueryParams EncodeDescribeReplicationGroups(const DescribeReplicationGroupsMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return out;
}

QueryParams EncodeModifyReplicationGroup(const ModifyReplicationGroupMessage& r) {
  QueryParams out;
  ParamWriter w(out);
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
  return out;
}

QueryParams EncodeModifyReplicationGroupShardConfiguration(
    const ModifyReplicationGroupShardConfigurationMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NodeGroupCount", r.NodeGroupCount);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  w.Structs("ReshardingConfiguration", "ReshardingConfiguration", r.ReshardingConfiguration,
            [](ParamWriter& n, const ReshardingConfiguration& c) {
              n.Str("NodeGroupId", c.NodeGroupId);
              n.Strings("PreferredAvailabilityZones", "AvailabilityZone",
                        c.PreferredAvailabilityZones);
            });
  w.Strings("NodeGroupsToRemove", "NodeGroupToRemove", r.NodeGroupsToRemove);
  w.Strings("NodeGroupsToRetain", "NodeGroupToRetain", r.NodeGroupsToRetain);
  return out;
}

QueryParams EncodeIncreaseReplicaCount(const IncreaseReplicaCountMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NewReplicaCount", r.NewReplicaCount);
  w.Structs("ReplicaConfiguration", "ConfigureShard", r.ReplicaConfiguration, WriteConfigureShard);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  return out;
}

QueryParams EncodeDecreaseReplicaCount(const DecreaseReplicaCountMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Int("NewReplicaCount", r.NewReplicaCount);
  w.Structs("ReplicaConfiguration", "ConfigureShard", r.ReplicaConfiguration, WriteConfigureShard);
  w.Strings("ReplicasToRemove", "member", r.ReplicasToRemove);
  w.Bool("ApplyImmediately", r.ApplyImmediately);
  return out;
}

QueryParams EncodeDeleteReplicationGroup(const DeleteReplicationGroupMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Bool("RetainPrimaryCluster", r.RetainPrimaryCluster);
  w.Str("FinalSnapshotIdentifier", r.FinalSnapshotIdentifier);
  return out;
}

QueryParams EncodeTestFailover(const TestFailoverMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("NodeGroupId", r.NodeGroupId);
  return out;
}

QueryParams EncodeCreateSnapshot(const CreateSnapshotMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("CacheClusterId", r.CacheClusterId);
  w.Str("SnapshotName", r.SnapshotName);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  return out;
}

QueryParams EncodeDescribeSnapshots(const DescribeSnapshotsMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ReplicationGroupId", r.ReplicationGroupId);
  w.Str("CacheClusterId", r.CacheClusterId);
  w.Str("SnapshotName", r.SnapshotName);
  w.Str("SnapshotSource", r.SnapshotSource);
  w.Str("Marker", r.Marker);
  w.Int("MaxRecords", r.MaxRecords);
  w.Bool("ShowNodeGroupConfig", r.ShowNodeGroupConfig);
  return out;
}

QueryParams EncodeDeleteSnapshot(const DeleteSnapshotMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("SnapshotName", r.SnapshotName);
  return out;
}

QueryParams EncodeCopySnapshot(const CopySnapshotMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("SourceSnapshotName", r.SourceSnapshotName);
  w.Str("TargetSnapshotName", r.TargetSnapshotName);
  w.Str("TargetBucket", r.TargetBucket);
  w.Str("KmsKeyId", r.KmsKeyId);
  w.Tags(r.Tags);
  return out;
}

QueryParams EncodeDescribeEvents(const DescribeEventsMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("SourceIdentifier", r.SourceIdentifier);
  w.Str("SourceType", r.SourceType);
  w.Str("StartTime", r.StartTime);
  w.Str("EndTime", r.EndTime);
  w.Int("Duration", r.Duration);
  w.Int("MaxRecords", r.MaxRecords);
  w.Str("Marker", r.Marker);
  return out;
}

QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& r) {
  QueryParams out;
  ParamWriter w(out);
  w.Str("ResourceName", r.ResourceName);
  w.Tags(r.Tags);
  return out;
}

}  // namespace po::aws::elasticache
