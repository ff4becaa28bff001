// Decodes ElastiCache Query-protocol XML response bodies into typed results. Pure functions;
// thread-safe. A body that is not the expected document yields an Internal status naming the
// action.
#pragma once

#include <string_view>

#include "operator/aws/elasticache/types.h"
#include "operator/aws/error.h"
#include "operator/common/status.h"

namespace po::aws::elasticache {

// For the actions whose result is one <ReplicationGroup>: CreateReplicationGroup,
// ModifyReplicationGroup, ModifyReplicationGroupShardConfiguration, IncreaseReplicaCount,
// DecreaseReplicaCount, DeleteReplicationGroup, TestFailover.
Result<ReplicationGroup> DecodeReplicationGroupResult(std::string_view action,
                                                      std::string_view xml);
// For CreateSnapshot, DeleteSnapshot and CopySnapshot.
Result<Snapshot> DecodeSnapshotResult(std::string_view action, std::string_view xml);

Result<ReplicationGroupMessage> DecodeDescribeReplicationGroups(std::string_view xml);
Result<DescribeSnapshotsListMessage> DecodeDescribeSnapshots(std::string_view xml);
Result<EventsMessage> DecodeDescribeEvents(std::string_view xml);
Result<CacheSubnetGroup> DecodeCreateCacheSubnetGroup(std::string_view xml);
Result<Empty> DecodeDeleteCacheSubnetGroup(std::string_view xml);
Result<TagListMessage> DecodeListTagsForResource(std::string_view xml);
Result<TagListMessage> DecodeAddTagsToResource(std::string_view xml);

}  // namespace po::aws::elasticache
