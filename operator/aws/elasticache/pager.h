// DescribeAllReplicationGroups: every replication group of a region, following
// DescribeReplicationGroups' Marker page by page until ElastiCache returns none. A free function;
// as thread-safe as the api.
#pragma once

#include <string>
#include <vector>

#include "operator/aws/elasticache/api.h"

namespace po::aws::elasticache {

// `request.MaxRecords` sets the page size; `request.Marker` is ignored. The first failing page
// call's error is returned.
Outcome<std::vector<ReplicationGroup>> DescribeAllReplicationGroups(
    ElastiCacheApi& api, const std::string& region, DescribeReplicationGroupsMessage request);

}  // namespace po::aws::elasticache
