// THE profile table: every default a MetricsPlatform takes from its environment. docs/profiles.md
// shows the same numbers; status.effective shows what a given platform resolved.
#include "controllers/metrics_platform/profiles.h"

namespace po::controllers::metrics_platform {

namespace {

std::vector<Profile> MakeProfiles() {
  Profile development{
      .name = "development",
      .db_instance_class = "db.t4g.small",
      .db_allocated_gib = 20,
      .db_multi_az = false,
      .db_read_replicas = 0,
      .db_disaster_recovery = false,
      .db_backup_retention_days = 1,
      .db_copy_backups_to_dr = false,
      .db_deletion_protection = false,
      .cache_node_type = "cache.t4g.micro",
      .cache_cluster_mode = false,
      .cache_shards = 1,
      .cache_replicas_per_shard = 0,
      .cache_multi_az = false,
      .cache_snapshot_retention_days = 1,
      .tier_min_replicas = 1,
      .tier_max_replicas = 1,
      .tier_resources = {"100m", "128Mi", "500m", "512Mi"},
      .pdb_max_unavailable = 0,
      .zone_spread_required = false,
      .replicate_storage_to_dr = false,
      .lifecycle = {.infrequent_access = 0, .glacier = 0, .expire = 30},
  };
  Profile staging{
      .name = "staging",
      .db_instance_class = "db.r5.large",
      .db_allocated_gib = 50,
      .db_multi_az = true,
      .db_read_replicas = 1,
      .db_disaster_recovery = false,
      .db_backup_retention_days = 7,
      .db_copy_backups_to_dr = false,
      .db_deletion_protection = false,
      .cache_node_type = "cache.t4g.medium",
      .cache_cluster_mode = true,
      .cache_shards = 1,
      .cache_replicas_per_shard = 1,
      .cache_multi_az = true,
      .cache_snapshot_retention_days = 7,
      .tier_min_replicas = 2,
      .tier_max_replicas = 5,
      .tier_resources = {"250m", "256Mi", "1", "1Gi"},
      .pdb_max_unavailable = 1,
      .zone_spread_required = false,
      .replicate_storage_to_dr = false,
      .lifecycle = {.infrequent_access = 30, .glacier = 0, .expire = 365},
  };
  Profile production{
      .name = "production",
      .db_instance_class = "db.r5.xlarge",
      .db_allocated_gib = 100,
      .db_multi_az = true,
      .db_read_replicas = 2,
      .db_disaster_recovery = true,
      .db_backup_retention_days = 7,
      .db_copy_backups_to_dr = true,
      .db_deletion_protection = true,
      .cache_node_type = "cache.r5.large",
      .cache_cluster_mode = true,
      .cache_shards = 3,
      .cache_replicas_per_shard = 2,
      .cache_multi_az = true,
      .cache_snapshot_retention_days = 7,
      .tier_min_replicas = 2,
      .tier_max_replicas = 5,
      .tier_resources = {"500m", "512Mi", "2", "2Gi"},
      .pdb_max_unavailable = 1,
      .zone_spread_required = true,
      .replicate_storage_to_dr = true,
      .lifecycle = {.infrequent_access = 30, .glacier = 90, .expire = 0},
  };
  return {development, staging, production};
}

}  // namespace

const std::vector<Profile>& Profiles() {
  static const std::vector<Profile> profiles = MakeProfiles();
  return profiles;
}

const Profile* FindProfile(std::string_view environment) {
  for (const Profile& profile : Profiles()) {
    if (profile.name == environment) return &profile;
  }
  return nullptr;
}

}  // namespace po::controllers::metrics_platform
