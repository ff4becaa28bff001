// Encodes ElastiCache requests into Query-protocol form parameters (list and structure names as the
// service model and botocore's query serializer spell them). Pure functions; thread-safe.
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/elasticache/types.h"

namespace po::aws::elasticache {

QueryParams EncodeCreateReplicationGroup(const CreateReplicationGroupMessage& request);
QueryParams EncodeDescribeReplicationGroups(const DescribeReplicationGroupsMessage& request);
QueryParams EncodeModifyReplicationGroup(const ModifyReplicationGroupMessage& request);
QueryParams EncodeModifyReplicationGroupShardConfiguration(
    const ModifyReplicationGroupShardConfigurationMessage& request);
QueryParams EncodeIncreaseReplicaCount(const IncreaseReplicaCountMessage& request);
QueryParams EncodeDecreaseReplicaCount(const DecreaseReplicaCountMessage& request);
QueryParams EncodeDeleteReplicationGroup(const DeleteReplicationGroupMessage& request);
QueryParams EncodeTestFailover(const TestFailoverMessage& request);
QueryParams EncodeCreateSnapshot(const CreateSnapshotMessage& request);
QueryParams EncodeDescribeSnapshots(const DescribeSnapshotsMessage& request);
QueryParams EncodeDeleteSnapshot(const DeleteSnapshotMessage& request);
QueryParams EncodeCopySnapshot(const CopySnapshotMessage& request);
QueryParams EncodeDescribeEvents(const DescribeEventsMessage& request);
QueryParams EncodeCreateCacheSubnetGroup(const CreateCacheSubnetGroupMessage& request);
QueryParams EncodeDeleteCacheSubnetGroup(const DeleteCacheSubnetGroupMessage& request);
QueryParams EncodeListTagsForResource(const ListTagsForResourceMessage& request);
QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& request);

}  // namespace po::aws::elasticache
