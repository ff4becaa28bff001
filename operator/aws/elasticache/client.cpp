// ElastiCacheClient: encodes each ElastiCache request, makes the Query call and decodes the reply.
#include "operator/aws/elasticache/client.h"

#include <string>
#include <string_view>

#include "operator/aws/elasticache/decode.h"
#include "operator/aws/elasticache/encode.h"
#include "operator/aws/query_call.h"

namespace po::aws::elasticache {
namespace {

// Makes one Query call to this service in `region` and decodes its body.
template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& action,
                const QueryParams& params, DecodeFn decode) {
  return CallQuery<T>(caller, CallTarget{kSigningName, region}, action, kApiVersion, params,
                      decode);
}

}  // namespace

Outcome<ReplicationGroup> ElastiCacheClient::CreateReplicationGroup(
    const std::string& region, const CreateReplicationGroupMessage& request) {
  return Call<ReplicationGroup>(caller_, region, "CreateReplicationGroup",
                                EncodeCreateReplicationGroup(request), [](std::string_view xml) {
                                  return DecodeReplicationGroupResult("CreateReplicationGroup",
                                                                      xml);
                                });
}

Outcome<ReplicationGroupMessage> ElastiCacheClient::DescribeReplicationGroups(
    const std::string& region, const DescribeReplicationGroupsMessage& request) {
  return Call<ReplicationGroupMessage>(caller_, region, "DescribeReplicationGroups",
                                       EncodeDescribeReplicationGroups(request),
                                       DecodeDescribeReplicationGroups);
}

Outcome<ReplicationGroup> ElastiCacheClient::ModifyReplicationGroup(
    const std::string& region, const ModifyReplicationGroupMessage& request) {
  return Call<ReplicationGroup>(caller_, region, "ModifyReplicationGroup",
                                EncodeModifyReplicationGroup(request), [](std::string_view xml) {
                                  return DecodeReplicationGroupResult("ModifyReplicationGroup",
                                                                      xml);
                                });
}

Outcome<ReplicationGroup> ElastiCacheClient::ModifyReplicationGroupShardConfiguration(
    const std::string& region, const ModifyReplicationGroupShardConfigurationMessage& request) {
  return Call<ReplicationGroup>(
      caller_, region, "ModifyReplicationGroupShardConfiguration",
      EncodeModifyReplicationGroupShardConfiguration(request), [](std::string_view xml) {
        return DecodeReplicationGroupResult("ModifyReplicationGroupShardConfiguration", xml);
      });
}

Outcome<ReplicationGroup> ElastiCacheClient::IncreaseReplicaCount(
    const std::string& region, const IncreaseReplicaCountMessage& request) {
  return Call<ReplicationGroup>(caller_, region, "IncreaseReplicaCount",
                                EncodeIncreaseReplicaCount(request), [](std::string_view xml) {
                                  return DecodeReplicationGroupResult("IncreaseReplicaCount", xml);
                                });
}

Outcome<ReplicationGroup> ElastiCacheClient::DecreaseReplicaCount(
    const std::string& region, const DecreaseReplicaCountMessage& request) {
  return Call<ReplicationGroup>(caller_, region, "DecreaseReplicaCount",
                                EncodeDecreaseReplicaCount(request), [](std::string_view xml) {
                                  return DecodeReplicationGroupResult("DecreaseReplicaCount", xml);
                                });
}

Outcome<ReplicationGroup> ElastiCacheClient::DeleteReplicationGroup(
    const std::string& region, const DeleteReplicationGroupMessage& request) {
  return Call<ReplicationGroup>(caller_, region, "DeleteReplicationGroup",
                                EncodeDeleteReplicationGroup(request), [](std::string_view xml) {
                                  return DecodeReplicationGroupResult("DeleteReplicationGroup",
                                                                      xml);
                                });
}

Outcome<ReplicationGroup> ElastiCacheClient::TestFailover(const std::string& region,
                                                          const TestFailoverMessage& request) {
  return Call<ReplicationGroup>(
      caller_, region, "TestFailover", EncodeTestFailover(request),
      [](std::string_view xml) { return DecodeReplicationGroupResult("TestFailover", xml); });
}

Outcome<Snapshot> ElastiCacheClient::CreateSnapshot(const std::string& region,
                                                    const CreateSnapshotMessage& request) {
  return Call<Snapshot>(
      caller_, region, "CreateSnapshot", EncodeCreateSnapshot(request),
      [](std::string_view xml) { return DecodeSnapshotResult("CreateSnapshot", xml); });
}

Outcome<DescribeSnapshotsListMessage> ElastiCacheClient::DescribeSnapshots(
    const std::string& region, const DescribeSnapshotsMessage& request) {
  return Call<DescribeSnapshotsListMessage>(caller_, region, "DescribeSnapshots",
                                            EncodeDescribeSnapshots(request),
                                            DecodeDescribeSnapshots);
}

Outcome<Snapshot> ElastiCacheClient::DeleteSnapshot(const std::string& region,
                                                    const DeleteSnapshotMessage& request) {
  return Call<Snapshot>(
      caller_, region, "DeleteSnapshot", EncodeDeleteSnapshot(request),
      [](std::string_view xml) { return DecodeSnapshotResult("DeleteSnapshot", xml); });
}

Outcome<Snapshot> ElastiCacheClient::CopySnapshot(const std::string& region,
                                                  const CopySnapshotMessage& request) {
  return Call<Snapshot>(
      caller_, region, "CopySnapshot", EncodeCopySnapshot(request),
      [](std::string_view xml) { return DecodeSnapshotResult("CopySnapshot", xml); });
}

Outcome<EventsMessage> ElastiCacheClient::DescribeEvents(const std::string& region,
                                                         const DescribeEventsMessage& request) {
  return Call<EventsMessage>(caller_, region, "DescribeEvents", EncodeDescribeEvents(request),
                             DecodeDescribeEvents);
}

Outcome<CacheSubnetGroup> ElastiCacheClient::CreateCacheSubnetGroup(
    const std::string& region, const CreateCacheSubnetGroupMessage& request) {
  return Call<CacheSubnetGroup>(caller_, region, "CreateCacheSubnetGroup",
                                EncodeCreateCacheSubnetGroup(request),
                                DecodeCreateCacheSubnetGroup);
}

Outcome<Empty> ElastiCacheClient::DeleteCacheSubnetGroup(
    const std::string& region, const DeleteCacheSubnetGroupMessage& request) {
  return Call<Empty>(caller_, region, "DeleteCacheSubnetGroup",
                     EncodeDeleteCacheSubnetGroup(request), DecodeDeleteCacheSubnetGroup);
}

Outcome<TagListMessage> ElastiCacheClient::ListTagsForResource(
    const std::string& region, const ListTagsForResourceMessage& request) {
  return Call<TagListMessage>(caller_, region, "ListTagsForResource",
                              EncodeListTagsForResource(request), DecodeListTagsForResource);
}

Outcome<TagListMessage> ElastiCacheClient::AddTagsToResource(
    const std::string& region, const AddTagsToResourceMessage& request) {
  return Call<TagListMessage>(caller_, region, "AddTagsToResource",
                              EncodeAddTagsToResource(request), DecodeAddTagsToResource);
}

}  // namespace po::aws::elasticache
