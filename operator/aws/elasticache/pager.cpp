// DescribeAllReplicationGroups: walks the Marker pages of DescribeReplicationGroups.
#include "operator/aws/elasticache/pager.h"

#include <utility>

namespace po::aws::elasticache {

Outcome<std::vector<ReplicationGroup>> DescribeAllReplicationGroups(
    ElastiCacheApi& api, const std::string& region, DescribeReplicationGroupsMessage request) {
  std::vector<ReplicationGroup> all;
  request.Marker.reset();
  while (true) {
    Outcome<ReplicationGroupMessage> page = api.DescribeReplicationGroups(region, request);
    if (!page.ok()) return page.error();
    for (ReplicationGroup& group : page.value().ReplicationGroups) all.push_back(std::move(group));
    if (!page.value().Marker || page.value().Marker->empty()) return all;
    request.Marker = std::move(page.value().Marker);
  }
}

}  // namespace po::aws::elasticache
