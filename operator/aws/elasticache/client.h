// ElastiCacheClient: ElastiCacheApi over an ApiCaller — encodes each request, makes the Query call
// to the "elasticache" service in the given region and decodes the reply. Holds only a reference to
// the caller; as thread-safe as the ApiCaller it is given (which must be).
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/elasticache/api.h"

namespace po::aws::elasticache {

class ElastiCacheClient final : public ElastiCacheApi {
 public:
  explicit ElastiCacheClient(ApiCaller& caller) : caller_(caller) {}

  Outcome<ReplicationGroup> CreateReplicationGroup(
      const std::string& region, const CreateReplicationGroupMessage& request) override;
  Outcome<ReplicationGroupMessage> DescribeReplicationGroups(
      const std::string& region, const DescribeReplicationGroupsMessage& request) override;
  Outcome<ReplicationGroup> ModifyReplicationGroup(
      const std::string& region, const ModifyReplicationGroupMessage& request) override;
  Outcome<ReplicationGroup> ModifyReplicationGroupShardConfiguration(
      const std::string& region,
      const ModifyReplicationGroupShardConfigurationMessage& request) override;
  Outcome<ReplicationGroup> IncreaseReplicaCount(
      const std::string& region, const IncreaseReplicaCountMessage& request) override;
  Outcome<ReplicationGroup> DecreaseReplicaCount(
      const std::string& region, const DecreaseReplicaCountMessage& request) override;
  Outcome<ReplicationGroup> DeleteReplicationGroup(
      const std::string& region, const DeleteReplicationGroupMessage& request) override;
  Outcome<ReplicationGroup> TestFailover(const std::string& region,
                                         const TestFailoverMessage& request) override;
  Outcome<Snapshot> CreateSnapshot(const std::string& region,
                                   const CreateSnapshotMessage& request) override;
  Outcome<DescribeSnapshotsListMessage> DescribeSnapshots(
      const std::string& region, const DescribeSnapshotsMessage& request) override;
  Outcome<Snapshot> DeleteSnapshot(const std::string& region,
                                   const DeleteSnapshotMessage& request) override;
  Outcome<Snapshot> CopySnapshot(const std::string& region,
                                 const CopySnapshotMessage& request) override;
  Outcome<EventsMessage> DescribeEvents(const std::string& region,
                                        const DescribeEventsMessage& request) override;
  Outcome<CacheSubnetGroup> CreateCacheSubnetGroup(
      const std::string& region, const CreateCacheSubnetGroupMessage& request) override;
  Outcome<Empty> DeleteCacheSubnetGroup(const std::string& region,
                                        const DeleteCacheSubnetGroupMessage& request) override;
  Outcome<TagListMessage> ListTagsForResource(const std::string& region,
                                              const ListTagsForResourceMessage& request) override;
  Outcome<TagListMessage> AddTagsToResource(const std::string& region,
                                            const AddTagsToResourceMessage& request) override;

 private:
  ApiCaller& caller_;
};

}  // namespace po::aws::elasticache
