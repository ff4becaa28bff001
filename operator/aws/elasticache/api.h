// ElastiCacheApi: the ElastiCache operations the operator uses, one method per API action, region
// chosen per call. ElastiCacheClient is the real implementation; controller tests substitute a
// fake. Implementations must be thread-safe.
#pragma once

#include <string>

#include "operator/aws/elasticache/types.h"
#include "operator/aws/error.h"

namespace po::aws::elasticache {

class ElastiCacheApi {
 public:
  virtual ~ElastiCacheApi() = default;
  virtual Outcome<ReplicationGroup> CreateReplicationGroup(
      const std::string& region, const CreateReplicationGroupMessage& request) = 0;
  // One page; DescribeAllReplicationGroups walks all of them.
  virtual Outcome<ReplicationGroupMessage> DescribeReplicationGroups(
      const std::string& region, const DescribeReplicationGroupsMessage& request) = 0;
  // AuthToken with AuthTokenUpdateStrategy SET/ROTATE/DELETE changes the AUTH token.
  virtual Outcome<ReplicationGroup> ModifyReplicationGroup(
      const std::string& region, const ModifyReplicationGroupMessage& request) = 0;
  // Adds or removes shards (cluster mode enabled).
  virtual Outcome<ReplicationGroup> ModifyReplicationGroupShardConfiguration(
      const std::string& region,
      const ModifyReplicationGroupShardConfigurationMessage& request) = 0;
  virtual Outcome<ReplicationGroup> IncreaseReplicaCount(
      const std::string& region, const IncreaseReplicaCountMessage& request) = 0;
  virtual Outcome<ReplicationGroup> DecreaseReplicaCount(
      const std::string& region, const DecreaseReplicaCountMessage& request) = 0;
  virtual Outcome<ReplicationGroup> DeleteReplicationGroup(
      const std::string& region, const DeleteReplicationGroupMessage& request) = 0;
  // Fails the node group's primary over to one of its replicas.
  virtual Outcome<ReplicationGroup> TestFailover(const std::string& region,
                                                 const TestFailoverMessage& request) = 0;
  virtual Outcome<Snapshot> CreateSnapshot(const std::string& region,
                                           const CreateSnapshotMessage& request) = 0;
  virtual Outcome<DescribeSnapshotsListMessage> DescribeSnapshots(
      const std::string& region, const DescribeSnapshotsMessage& request) = 0;
  virtual Outcome<Snapshot> DeleteSnapshot(const std::string& region,
                                           const DeleteSnapshotMessage& request) = 0;
  virtual Outcome<Snapshot> CopySnapshot(const std::string& region,
                                         const CopySnapshotMessage& request) = 0;
  virtual Outcome<EventsMessage> DescribeEvents(const std::string& region,
                                                const DescribeEventsMessage& request) = 0;
  // A subnet group for replication groups (CacheSubnetGroupName in CreateReplicationGroup).
  virtual Outcome<CacheSubnetGroup> CreateCacheSubnetGroup(
      const std::string& region, const CreateCacheSubnetGroupMessage& request) = 0;
  // Fails with CacheSubnetGroupInUse while a replication group uses it.
  virtual Outcome<Empty> DeleteCacheSubnetGroup(const std::string& region,
                                                const DeleteCacheSubnetGroupMessage& request) = 0;
  // The tags of a replication group, snapshot, subnet group, ... (by ARN).
  virtual Outcome<TagListMessage> ListTagsForResource(
      const std::string& region, const ListTagsForResourceMessage& request) = 0;
  // Returns the resource's tags after the change.
  virtual Outcome<TagListMessage> AddTagsToResource(const std::string& region,
                                                    const AddTagsToResourceMessage& request) = 0;
};

}  // namespace po::aws::elasticache
