// The environment profiles of a MetricsPlatform (development, staging, production): the defaults a
// spec overrides, kept in one table (profiles.cpp) and documented in docs/profiles.md.
// Immutable data and pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace po::controllers::metrics_platform {

// CPU and memory of a tier's container, as Kubernetes quantities.
struct TierResources {
  std::string cpu_request;
  std::string memory_request;
  std::string cpu_limit;
  std::string memory_limit;
};

// Object ages (days) for the bucket's lifecycle rules; 0 = no such rule.
struct LifecycleDays {
  int infrequent_access = 0;
  int glacier = 0;
  int expire = 0;
};

struct Profile {
  std::string name;

  // DatabaseCluster (PostgreSQL on RDS).
  std::string db_instance_class;
  int db_allocated_gib = 20;
  bool db_multi_az = false;
  int db_read_replicas = 0;
  bool db_disaster_recovery = false;  // a replica in the disaster-recovery region
  int db_backup_retention_days = 1;   // > 0 also means point-in-time recovery
  bool db_copy_backups_to_dr = false;
  bool db_deletion_protection = false;

  // CacheCluster (Redis on ElastiCache).
  std::string cache_node_type;
  bool cache_cluster_mode = false;
  int cache_shards = 1;
  int cache_replicas_per_shard = 0;
  bool cache_multi_az = false;  // also turns on automatic failover
  int cache_snapshot_retention_days = 1;

  // Web and app tiers (the same numbers for both).
  int tier_min_replicas = 1;  // a HorizontalPodAutoscaler runs when max > min
  int tier_max_replicas = 1;
  TierResources tier_resources;
  // PodDisruptionBudget maxUnavailable; 0 = no budget. Only applied with at least 2 replicas.
  int pdb_max_unavailable = 0;
  // Spread pods over zones strictly (DoNotSchedule) instead of best effort (ScheduleAnyway).
  bool zone_spread_required = false;

  // S3 bucket.
  bool replicate_storage_to_dr = false;
  LifecycleDays lifecycle;
};

// The three profiles, in the order development, staging, production.
const std::vector<Profile>& Profiles();

// The profile named `environment`, or nullptr.
const Profile* FindProfile(std::string_view environment);

}  // namespace po::controllers::metrics_platform
