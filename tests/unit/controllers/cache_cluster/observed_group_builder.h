// ObservedGroups for the diff and plan tables: ObservedFor(shards, replicas) is a settled group
// that matches the default spec in everything but its shape. Plain values.
#pragma once

#include <cstdio>

#include "controllers/cache_cluster/observed.h"

namespace po::controllers::cache_cluster::testing {

inline ObservedGroup ObservedFor(int shards, int replicas) {
  ObservedGroup o;
  o.id = "team-cache";
  o.status = "available";
  o.arn = "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:team-cache";
  o.cluster_mode = true;
  for (int s = 1; s <= shards; ++s) {
    ObservedShard shard;
    char id[16];
    std::snprintf(id, sizeof(id), "%04d", s);
    shard.id = id;
    shard.status = "available";
    shard.primary = "team-cache-" + shard.id + "-001";
    for (int r = 0; r < replicas; ++r) {
      shard.replicas.push_back("team-cache-" + shard.id + "-00" + std::to_string(r + 2));
    }
    o.shards.push_back(shard);
  }
  o.min_replicas = o.max_replicas = replicas;
  o.node_type = "cache.r5.large";
  o.automatic_failover = true;
  o.multi_az = true;
  o.at_rest_encryption = true;
  o.in_transit_encryption = true;
  o.auth_token_enabled = false;
  o.snapshot_retention_days = 7;
  o.snapshot_window = "05:00-06:00";
  return o;
}

}  // namespace po::controllers::cache_cluster::testing
