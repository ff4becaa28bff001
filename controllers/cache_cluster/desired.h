// The replication group a CacheCluster asks for, as the CreateReplicationGroup request that makes
// it: Redis in cluster mode (shards, replicas), failover, Multi-AZ, encryption, AUTH, network,
// snapshots, the cluster-enabled default parameter group and the ownership tags. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "controllers/cache_cluster/spec.h"
#include "operator/aws/elasticache/types.h"

namespace po::controllers::cache_cluster {

// "default.redis6.x.cluster.on" for 6.2 in cluster mode, "default.redis7" for 7.1 without it.
std::string DefaultParameterGroup(const std::string& engine_version, bool cluster_mode);

// The CreateReplicationGroup request for `spec`. `object` is the custom resource (for the
// description and the ownership tags); `auth_token` is the AUTH token when spec.auth is set.
aws::elasticache::CreateReplicationGroupMessage DesiredCreateRequest(
    const CacheClusterSpec& spec, const std::string& replication_group_id,
    const nlohmann::json& object, const std::optional<std::string>& auth_token);

// The subnet group the operator creates for spec.network.subnetIds (named like the replication
// group, with the ownership tags), or std::nullopt when the spec names none.
std::optional<aws::elasticache::CreateCacheSubnetGroupMessage> DesiredSubnetGroup(
    const CacheClusterSpec& spec, const std::string& replication_group_id,
    const nlohmann::json& object);

}  // namespace po::controllers::cache_cluster
