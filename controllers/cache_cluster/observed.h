// ObservedGroup: a replication group as DescribeReplicationGroups reports it, normalised so it can
// be compared with a spec (ElastiCache's spellings of failover, cluster mode, windows and node
// types folded into plain values; replicas counted per shard). Pure functions; plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "operator/aws/elasticache/types.h"

namespace po::controllers::cache_cluster {

struct ObservedShard {
  std::string id;       // node group ID, such as "0001"
  std::string status;   // "available", "modifying", ...
  std::string primary;  // cache cluster ID of the primary ("" when unknown)
  std::vector<std::string> replicas;
};

struct ObservedGroup {
  std::string id;
  std::string status;  // "creating", "available", "modifying", "deleting", "create-failed", ...
  std::string arn;
  bool cluster_mode = false;
  std::vector<ObservedShard> shards;
  int min_replicas = 0;             // the fewest replicas of any shard
  int max_replicas = 0;             // the most replicas of any shard
  std::string node_type;            // lower case
  bool automatic_failover = false;  // "enabled" or "enabling"
  bool multi_az = false;
  bool at_rest_encryption = false;
  bool in_transit_encryption = false;
  std::string transit_encryption_mode;  // "", "preferred" or "required"
  bool auth_token_enabled = false;
  int snapshot_retention_days = 0;
  std::string snapshot_window;            // "hh:mm-hh:mm", zero-padded
  bool pending_changes = false;           // PendingModifiedValues names a change in progress
  std::string pending_auth_token_status;  // "ROTATING", "SETTING" or ""
  std::optional<aws::elasticache::Endpoint> configuration_endpoint;
  std::optional<aws::elasticache::Endpoint> primary_endpoint;  // without cluster mode
  std::optional<aws::elasticache::Endpoint> reader_endpoint;   // without cluster mode
};

ObservedGroup Observe(const aws::elasticache::ReplicationGroup& group);

// "5:00-6:00" → "05:00-06:00"; anything unparseable is returned unchanged.
std::string NormalizeWindow(const std::string& window);

}  // namespace po::controllers::cache_cluster
