// Checks every ElastiCache request encoder against the form parameters botocore's query serializer
// produces for the same input (generated with tests/fixtures/aws/query_vectors.py).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "operator/aws/elasticache/encode.h"
#include "tests/unit/aws/query_test_util.h"

namespace po::aws::elasticache {
namespace {

using ::po::aws::testing::EncodeCase;
using ::po::aws::testing::EncodeCaseName;
using ::po::aws::testing::Sorted;

class ElastiCacheEncodeTest : public ::testing::TestWithParam<EncodeCase> {};

TEST_P(ElastiCacheEncodeTest, MatchesBotocoreSerializer) {
  const EncodeCase& c = GetParam();
  EXPECT_EQ(Sorted(c.encode()), Sorted(c.expected));
}

std::vector<EncodeCase> Cases() {
  return {
      {"CreateClusterMode",
       [] {
         CreateReplicationGroupMessage r;
         r.ReplicationGroupId = "metrics-cache";
         r.ReplicationGroupDescription = "metrics cache";
         r.AutomaticFailoverEnabled = true;
         r.MultiAZEnabled = true;
         r.NumNodeGroups = 2;
         r.ReplicasPerNodeGroup = 1;
         r.CacheNodeType = "cache.r7g.large";
         r.Engine = "redis";
         r.EngineVersion = "7.1";
         r.CacheParameterGroupName = "default.redis7.cluster.on";
         r.CacheSubnetGroupName = "subnets";
         r.SecurityGroupIds = {"sg-1", "sg-2"};
         r.Tags = {{"a", "1"}};
         r.PreferredMaintenanceWindow = "sun:05:00-sun:06:00";
         r.Port = 6379;
         r.AutoMinorVersionUpgrade = true;
         r.SnapshotRetentionLimit = 5;
         r.SnapshotWindow = "04:00-05:00";
         r.AuthToken = "tok";
         r.TransitEncryptionEnabled = true;
         r.AtRestEncryptionEnabled = true;
         r.KmsKeyId = "alias/k";
         r.TransitEncryptionMode = "required";
         r.ClusterMode = "enabled";
         return EncodeCreateReplicationGroup(r);
       },
       {{"ReplicationGroupId", "metrics-cache"},
        {"ReplicationGroupDescription", "metrics cache"},
        {"AutomaticFailoverEnabled", "true"},
        {"MultiAZEnabled", "true"},
        {"NumNodeGroups", "2"},
        {"ReplicasPerNodeGroup", "1"},
        {"CacheNodeType", "cache.r7g.large"},
        {"Engine", "redis"},
        {"EngineVersion", "7.1"},
        {"CacheParameterGroupName", "default.redis7.cluster.on"},
        {"CacheSubnetGroupName", "subnets"},
        {"SecurityGroupIds.SecurityGroupId.1", "sg-1"},
        {"SecurityGroupIds.SecurityGroupId.2", "sg-2"},
        {"Tags.Tag.1.Key", "a"},
        {"Tags.Tag.1.Value", "1"},
        {"PreferredMaintenanceWindow", "sun:05:00-sun:06:00"},
        {"Port", "6379"},
        {"AutoMinorVersionUpgrade", "true"},
        {"SnapshotRetentionLimit", "5"},
        {"SnapshotWindow", "04:00-05:00"},
        {"AuthToken", "tok"},
        {"TransitEncryptionEnabled", "true"},
        {"AtRestEncryptionEnabled", "true"},
        {"KmsKeyId", "alias/k"},
        {"TransitEncryptionMode", "required"},
        {"ClusterMode", "enabled"}}},
      {"CreateWithNodeGroupConfiguration",
       [] {
         CreateReplicationGroupMessage r;
         r.ReplicationGroupId = "rg";
         r.ReplicationGroupDescription = "d";
         r.NumCacheClusters = 3;
         r.PreferredCacheClusterAZs = {"us-east-1a", "us-east-1b"};
         r.NodeGroupConfiguration = {
             {"0001", "0-8191", 2, "us-east-1a", {"us-east-1b", "us-east-1c"}},
             {"0002", "8192-16383", 1, "us-east-1b", {"us-east-1a"}}};
         r.SnapshotName = "snap";
         return EncodeCreateReplicationGroup(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"ReplicationGroupDescription", "d"},
        {"NumCacheClusters", "3"},
        {"PreferredCacheClusterAZs.AvailabilityZone.1", "us-east-1a"},
        {"PreferredCacheClusterAZs.AvailabilityZone.2", "us-east-1b"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.NodeGroupId", "0001"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.Slots", "0-8191"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.ReplicaCount", "2"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.PrimaryAvailabilityZone", "us-east-1a"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.ReplicaAvailabilityZones."
         "AvailabilityZone.1",
         "us-east-1b"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.1.ReplicaAvailabilityZones."
         "AvailabilityZone.2",
         "us-east-1c"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.2.NodeGroupId", "0002"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.2.Slots", "8192-16383"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.2.ReplicaCount", "1"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.2.PrimaryAvailabilityZone", "us-east-1b"},
        {"NodeGroupConfiguration.NodeGroupConfiguration.2.ReplicaAvailabilityZones."
         "AvailabilityZone.1",
         "us-east-1a"},
        {"SnapshotName", "snap"}}},
      {"DescribeReplicationGroups",
       [] {
         DescribeReplicationGroupsMessage r;
         r.ReplicationGroupId = "rg";
         r.MaxRecords = 20;
         r.Marker = "m";
         return EncodeDescribeReplicationGroups(r);
       },
       {{"ReplicationGroupId", "rg"}, {"MaxRecords", "20"}, {"Marker", "m"}}},
      {"ModifyAuthTokenRotate",
       [] {
         ModifyReplicationGroupMessage r;
         r.ReplicationGroupId = "rg";
         r.ReplicationGroupDescription = "d2";
         r.PrimaryClusterId = "rg-002";
         r.SnapshottingClusterId = "rg-002";
         r.AutomaticFailoverEnabled = true;
         r.MultiAZEnabled = true;
         r.SecurityGroupIds = {"sg-9"};
         r.PreferredMaintenanceWindow = "mon:01:00-mon:02:00";
         r.CacheParameterGroupName = "pg";
         r.ApplyImmediately = true;
         r.EngineVersion = "7.1";
         r.AutoMinorVersionUpgrade = false;
         r.SnapshotRetentionLimit = 3;
         r.SnapshotWindow = "02:00-03:00";
         r.CacheNodeType = "cache.r7g.xlarge";
         r.AuthToken = "new-token";
         r.AuthTokenUpdateStrategy = "ROTATE";
         r.TransitEncryptionEnabled = true;
         r.TransitEncryptionMode = "preferred";
         r.ClusterMode = "compatible";
         return EncodeModifyReplicationGroup(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"ReplicationGroupDescription", "d2"},
        {"PrimaryClusterId", "rg-002"},
        {"SnapshottingClusterId", "rg-002"},
        {"AutomaticFailoverEnabled", "true"},
        {"MultiAZEnabled", "true"},
        {"SecurityGroupIds.SecurityGroupId.1", "sg-9"},
        {"PreferredMaintenanceWindow", "mon:01:00-mon:02:00"},
        {"CacheParameterGroupName", "pg"},
        {"ApplyImmediately", "true"},
        {"EngineVersion", "7.1"},
        {"AutoMinorVersionUpgrade", "false"},
        {"SnapshotRetentionLimit", "3"},
        {"SnapshotWindow", "02:00-03:00"},
        {"CacheNodeType", "cache.r7g.xlarge"},
        {"AuthToken", "new-token"},
        {"AuthTokenUpdateStrategy", "ROTATE"},
        {"TransitEncryptionEnabled", "true"},
        {"TransitEncryptionMode", "preferred"},
        {"ClusterMode", "compatible"}}},
      {"ModifyShardConfigurationGrow",
       [] {
         ModifyReplicationGroupShardConfigurationMessage r;
         r.ReplicationGroupId = "rg";
         r.NodeGroupCount = 3;
         r.ApplyImmediately = true;
         r.ReshardingConfiguration = {{"0001", {"us-east-1a", "us-east-1b"}},
                                      {"0003", {"us-east-1c"}}};
         return EncodeModifyReplicationGroupShardConfiguration(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"NodeGroupCount", "3"},
        {"ApplyImmediately", "true"},
        {"ReshardingConfiguration.ReshardingConfiguration.1.NodeGroupId", "0001"},
        {"ReshardingConfiguration.ReshardingConfiguration.1.PreferredAvailabilityZones."
         "AvailabilityZone.1",
         "us-east-1a"},
        {"ReshardingConfiguration.ReshardingConfiguration.1.PreferredAvailabilityZones."
         "AvailabilityZone.2",
         "us-east-1b"},
        {"ReshardingConfiguration.ReshardingConfiguration.2.NodeGroupId", "0003"},
        {"ReshardingConfiguration.ReshardingConfiguration.2.PreferredAvailabilityZones."
         "AvailabilityZone.1",
         "us-east-1c"}}},
      {"ModifyShardConfigurationShrink",
       [] {
         ModifyReplicationGroupShardConfigurationMessage r;
         r.ReplicationGroupId = "rg";
         r.NodeGroupCount = 1;
         r.ApplyImmediately = true;
         r.NodeGroupsToRemove = {"0002", "0003"};
         return EncodeModifyReplicationGroupShardConfiguration(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"NodeGroupCount", "1"},
        {"ApplyImmediately", "true"},
        {"NodeGroupsToRemove.NodeGroupToRemove.1", "0002"},
        {"NodeGroupsToRemove.NodeGroupToRemove.2", "0003"}}},
      {"ModifyShardConfigurationRetain",
       [] {
         ModifyReplicationGroupShardConfigurationMessage r;
         r.ReplicationGroupId = "rg";
         r.NodeGroupCount = 1;
         r.ApplyImmediately = true;
         r.NodeGroupsToRetain = {"0001"};
         return EncodeModifyReplicationGroupShardConfiguration(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"NodeGroupCount", "1"},
        {"ApplyImmediately", "true"},
        {"NodeGroupsToRetain.NodeGroupToRetain.1", "0001"}}},
      {"IncreaseReplicaCountAll",
       [] {
         IncreaseReplicaCountMessage r;
         r.ReplicationGroupId = "rg";
         r.NewReplicaCount = 2;
         r.ApplyImmediately = true;
         return EncodeIncreaseReplicaCount(r);
       },
       {{"ReplicationGroupId", "rg"}, {"NewReplicaCount", "2"}, {"ApplyImmediately", "true"}}},
      {"IncreaseReplicaCountPerShard",
       [] {
         IncreaseReplicaCountMessage r;
         r.ReplicationGroupId = "rg";
         r.ReplicaConfiguration = {{"0001", 2, {"us-east-1a", "us-east-1b", "us-east-1c"}}};
         r.ApplyImmediately = true;
         return EncodeIncreaseReplicaCount(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"ReplicaConfiguration.ConfigureShard.1.NodeGroupId", "0001"},
        {"ReplicaConfiguration.ConfigureShard.1.NewReplicaCount", "2"},
        {"ReplicaConfiguration.ConfigureShard.1.PreferredAvailabilityZones."
         "PreferredAvailabilityZone.1",
         "us-east-1a"},
        {"ReplicaConfiguration.ConfigureShard.1.PreferredAvailabilityZones."
         "PreferredAvailabilityZone.2",
         "us-east-1b"},
        {"ReplicaConfiguration.ConfigureShard.1.PreferredAvailabilityZones."
         "PreferredAvailabilityZone.3",
         "us-east-1c"},
        {"ApplyImmediately", "true"}}},
      {"DecreaseReplicaCountRemove",
       [] {
         DecreaseReplicaCountMessage r;
         r.ReplicationGroupId = "rg";
         r.ReplicasToRemove = {"rg-0001-002", "rg-0002-002"};
         r.ApplyImmediately = true;
         return EncodeDecreaseReplicaCount(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"ReplicasToRemove.member.1", "rg-0001-002"},
        {"ReplicasToRemove.member.2", "rg-0002-002"},
        {"ApplyImmediately", "true"}}},
      {"DecreaseReplicaCountPerShard",
       [] {
         DecreaseReplicaCountMessage r;
         r.ReplicationGroupId = "rg";
         r.NewReplicaCount = 1;
         r.ReplicaConfiguration = {{"0002", 0, {}}};
         r.ApplyImmediately = false;
         return EncodeDecreaseReplicaCount(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"NewReplicaCount", "1"},
        {"ReplicaConfiguration.ConfigureShard.1.NodeGroupId", "0002"},
        {"ReplicaConfiguration.ConfigureShard.1.NewReplicaCount", "0"},
        {"ApplyImmediately", "false"}}},
      {"DeleteWithFinalSnapshot",
       [] {
         DeleteReplicationGroupMessage r;
         r.ReplicationGroupId = "rg";
         r.RetainPrimaryCluster = false;
         r.FinalSnapshotIdentifier = "final";
         return EncodeDeleteReplicationGroup(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"RetainPrimaryCluster", "false"},
        {"FinalSnapshotIdentifier", "final"}}},
      {"TestFailover",
       [] {
         TestFailoverMessage r;
         r.ReplicationGroupId = "rg";
         r.NodeGroupId = "0001";
         return EncodeTestFailover(r);
       },
       {{"ReplicationGroupId", "rg"}, {"NodeGroupId", "0001"}}},
      {"CreateSnapshot",
       [] {
         CreateSnapshotMessage r;
         r.ReplicationGroupId = "rg";
         r.SnapshotName = "s";
         r.KmsKeyId = "alias/k";
         r.Tags = {{"k", "v"}};
         return EncodeCreateSnapshot(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"SnapshotName", "s"},
        {"KmsKeyId", "alias/k"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"}}},
      {"DescribeSnapshots",
       [] {
         DescribeSnapshotsMessage r;
         r.ReplicationGroupId = "rg";
         r.CacheClusterId = "c";
         r.SnapshotName = "s";
         r.SnapshotSource = "manual";
         r.Marker = "m";
         r.MaxRecords = 50;
         r.ShowNodeGroupConfig = true;
         return EncodeDescribeSnapshots(r);
       },
       {{"ReplicationGroupId", "rg"},
        {"CacheClusterId", "c"},
        {"SnapshotName", "s"},
        {"SnapshotSource", "manual"},
        {"Marker", "m"},
        {"MaxRecords", "50"},
        {"ShowNodeGroupConfig", "true"}}},
      {"DeleteSnapshot",
       [] {
         DeleteSnapshotMessage r;
         r.SnapshotName = "s";
         return EncodeDeleteSnapshot(r);
       },
       {{"SnapshotName", "s"}}},
      {"CopySnapshot",
       [] {
         CopySnapshotMessage r;
         r.SourceSnapshotName = "s";
         r.TargetSnapshotName = "t";
         r.TargetBucket = "bucket";
         r.KmsKeyId = "alias/k";
         r.Tags = {{"k", "v"}};
         return EncodeCopySnapshot(r);
       },
       {{"SourceSnapshotName", "s"},
        {"TargetSnapshotName", "t"},
        {"TargetBucket", "bucket"},
        {"KmsKeyId", "alias/k"},
        {"Tags.Tag.1.Key", "k"},
        {"Tags.Tag.1.Value", "v"}}},
      {"DescribeEvents",
       [] {
         DescribeEventsMessage r;
         r.SourceIdentifier = "rg";
         r.SourceType = "replication-group";
         r.StartTime = "2026-01-01T00:00:00Z";
         r.EndTime = "2026-01-02T00:00:00Z";
         r.Duration = 60;
         r.MaxRecords = 100;
         r.Marker = "m";
         return EncodeDescribeEvents(r);
       },
       {{"SourceIdentifier", "rg"},
        {"SourceType", "replication-group"},
        {"StartTime", "2026-01-01T00:00:00Z"},
        {"EndTime", "2026-01-02T00:00:00Z"},
        {"Duration", "60"},
        {"MaxRecords", "100"},
        {"Marker", "m"}}},
      {"AddTagsToResource",
       [] {
         AddTagsToResourceMessage r;
         r.ResourceName = "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:rg";
         r.Tags = {{"a", "1"}, {"b", "2"}};
         return EncodeAddTagsToResource(r);
       },
       {{"ResourceName", "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:rg"},
        {"Tags.Tag.1.Key", "a"},
        {"Tags.Tag.1.Value", "1"},
        {"Tags.Tag.2.Key", "b"},
        {"Tags.Tag.2.Value", "2"}}},
  };
}

INSTANTIATE_TEST_SUITE_P(Botocore, ElastiCacheEncodeTest, ::testing::ValuesIn(Cases()),
                         EncodeCaseName);

TEST(ElastiCacheEncodeTest, RequiredShardFieldsAreAlwaysSent) {
  IncreaseReplicaCountMessage request;
  request.ReplicationGroupId = "rg";
  EXPECT_EQ(EncodeIncreaseReplicaCount(request),
            (QueryParams{{"ReplicationGroupId", "rg"}, {"ApplyImmediately", "true"}}));
}

}  // namespace
}  // namespace po::aws::elasticache
