// Profile ⊕ spec: the MetricsPlatform's effective values.
#include "controllers/metrics_platform/effective.h"

#include <algorithm>

#include "controllers/common/ownership.h"
#include "operator/kube/resource.h"

namespace po::controllers::metrics_platform {

namespace {

using nlohmann::json;

const json& Field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

template <typename T>
T ValueOr(const json& object, const char* key, T fallback) {
  const json& value = Field(object, key);
  if (value.is_null()) return fallback;
  try {
    return value.get<T>();
  } catch (const json::exception&) {
    return fallback;
  }
}

json ProfileDatabase(const Profile& profile, const std::string& region,
                     const std::string& dr_region, const std::string& deletion_policy) {
  return {
      {"region", region},
      {"engine", "postgres"},
      {"engineVersion", "14"},
      {"instanceClass", profile.db_instance_class},
      {"storage", {{"allocatedGiB", profile.db_allocated_gib}}},
      {"multiAZ", profile.db_multi_az},
      {"readReplicas", {{"count", profile.db_read_replicas}}},
      {"disasterRecovery",
       profile.db_disaster_recovery
           ? json{{"enabled", true}, {"region", dr_region}, {"promotion", "Manual"}}
           : json{{"enabled", false}}},
      {"backup",
       {{"retentionDays", profile.db_backup_retention_days},
        {"copyToDisasterRecoveryRegion", profile.db_copy_backups_to_dr}}},
      {"deletionProtection", profile.db_deletion_protection},
      {"deletionPolicy", deletion_policy},
  };
}

json ProfileCache(const Profile& profile, const std::string& region,
                  const std::string& deletion_policy) {
  const bool failover = profile.cache_replicas_per_shard > 0;
  return {
      {"region", region},
      {"engine", "redis"},
      {"engineVersion", "6.2"},
      {"nodeType", profile.cache_node_type},
      {"clusterMode",
       {{"enabled", profile.cache_cluster_mode},
        {"shards", profile.cache_shards},
        {"replicasPerShard", profile.cache_replicas_per_shard}}},
      {"automaticFailover", failover},
      {"multiAZ", profile.cache_multi_az && failover},
      {"encryption", {{"atRest", true}, {"inTransit", true}}},
      {"snapshot", {{"retentionDays", profile.cache_snapshot_retention_days}}},
      {"deletionPolicy", deletion_policy},
  };
}

TierSettings ResolveTier(const std::string& tier, const json& spec, const Profile& profile,
                         int default_port) {
  TierSettings settings;
  settings.tier = tier;
  settings.image = ValueOr<std::string>(spec, "image", "");
  const json& replicas = Field(spec, "replicas");
  const json& min = Field(replicas, "min");
  const json& max = Field(replicas, "max");
  settings.min_replicas = min.is_number_integer() ? min.get<int>() : profile.tier_min_replicas;
  settings.max_replicas = max.is_number_integer() ? max.get<int>() : profile.tier_max_replicas;
  // Only one bound given: the other follows it rather than contradicting it.
  if (min.is_number_integer() && !max.is_number_integer()) {
    settings.max_replicas = std::max(settings.max_replicas, settings.min_replicas);
  }
  if (max.is_number_integer() && !min.is_number_integer()) {
    settings.min_replicas = std::min(settings.min_replicas, settings.max_replicas);
  }
  const json& resources = Field(spec, "resources");
  const json& requests = Field(resources, "requests");
  const json& limits = Field(resources, "limits");
  settings.resources = {
      Quantity(Field(requests, "cpu"), profile.tier_resources.cpu_request),
      Quantity(Field(requests, "memory"), profile.tier_resources.memory_request),
      Quantity(Field(limits, "cpu"), profile.tier_resources.cpu_limit),
      Quantity(Field(limits, "memory"), profile.tier_resources.memory_limit),
  };
  settings.port = ValueOr<int>(spec, "port", default_port);
  settings.health_path = ValueOr<std::string>(spec, "healthPath", "/healthz");
  const json& env = Field(spec, "env");
  settings.env = env.is_array() ? env : json::array();
  settings.pdb_max_unavailable = profile.pdb_max_unavailable;
  settings.zone_spread_required = profile.zone_spread_required;
  return settings;
}

LifecycleDays ResolveLifecycle(const json& lifecycle, const Profile& profile) {
  // A lifecycle in the spec replaces the profile's as a whole, so the CRD's ordering rules
  // (Standard-IA < Glacier < expiry) that hold for the spec hold for the result.
  if (!lifecycle.is_object()) return profile.lifecycle;
  return {
      .infrequent_access = ValueOr<int>(lifecycle, "transitionToInfrequentAccessDays", 0),
      .glacier = ValueOr<int>(lifecycle, "transitionToGlacierDays", 0),
      .expire = ValueOr<int>(lifecycle, "expireDays", 0),
  };
}

json TierToJson(const TierSettings& tier) {
  json out = {
      {"image", tier.image},
      {"replicas", {{"min", tier.min_replicas}, {"max", tier.max_replicas}}},
      {"autoscaling", tier.Autoscaled()},
      {"resources",
       {{"requests",
         {{"cpu", tier.resources.cpu_request}, {"memory", tier.resources.memory_request}}},
        {"limits", {{"cpu", tier.resources.cpu_limit}, {"memory", tier.resources.memory_limit}}}}},
      {"port", tier.port},
      {"healthPath", tier.health_path},
      {"zoneSpread", tier.zone_spread_required ? "DoNotSchedule" : "ScheduleAnyway"},
  };
  out["podDisruptionBudget"] =
      tier.HasDisruptionBudget() ? json{{"maxUnavailable", tier.pdb_max_unavailable}} : json();
  return out;
}

}  // namespace

std::string_view BucketDeletionName(BucketDeletion deletion) {
  switch (deletion) {
    case BucketDeletion::kRetain:
      return "Retain";
    case BucketDeletion::kDelete:
      return "Delete";
    case BucketDeletion::kDeleteIfEmpty:
      return "DeleteIfEmpty";
  }
  return "DeleteIfEmpty";
}

json MergeOverrides(json base, const json& overrides) {
  if (overrides.is_null()) return base;
  if (!base.is_object() || !overrides.is_object()) return overrides;
  for (auto it = overrides.begin(); it != overrides.end(); ++it) {
    if (it.value().is_null()) continue;
    auto found = base.find(it.key());
    base[it.key()] =
        found == base.end() ? it.value() : MergeOverrides(std::move(*found), it.value());
  }
  return base;
}

std::string Quantity(const json& value, const std::string& fallback) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return fallback;
}

Result<Effective> Resolve(const json& platform) {
  const json& spec = Field(platform, "spec");
  Effective out;
  out.name = kube::NameOf(platform);
  out.ns = kube::NamespaceOf(platform);
  out.environment = ValueOr<std::string>(spec, "environment", "");
  const Profile* profile = FindProfile(out.environment);
  if (profile == nullptr) {
    return InvalidArgument("unknown environment \"" + out.environment +
                           "\" (development, staging or production)");
  }
  out.region = ValueOr<std::string>(spec, "region", "us-east-1");
  out.dr_region = ValueOr<std::string>(spec, "disasterRecoveryRegion", "us-west-2");
  out.deletion_policy = ValueOr<std::string>(spec, "deletionPolicy", "Snapshot");

  out.database =
      MergeOverrides(ProfileDatabase(*profile, out.region, out.dr_region, out.deletion_policy),
                     Field(spec, "database"));
  // Read replicas need automated backups: an override that turns backups off drops them.
  if (out.database["backup"].value("retentionDays", 0) == 0) {
    out.database["readReplicas"]["count"] = 0;
  }
  out.cache =
      MergeOverrides(ProfileCache(*profile, out.region, out.deletion_policy), Field(spec, "cache"));

  out.web = ResolveTier("web", Field(spec, "web"), *profile, 8080);
  out.app = ResolveTier("app", Field(spec, "app"), *profile, 9090);
  if (out.web.image.empty() || out.app.image.empty()) {
    return InvalidArgument("spec.web.image and spec.app.image are required");
  }

  const json& ingress = Field(spec, "ingress");
  if (ingress.is_object() && !ValueOr<std::string>(ingress, "host", "").empty()) {
    out.ingress = IngressSettings{
        .host = ValueOr<std::string>(ingress, "host", ""),
        .certificate_arn = ValueOr<std::string>(ingress, "certificateArn", ""),
        .waf_acl_arn = ValueOr<std::string>(ingress, "wafAclArn", ""),
        .ssl_redirect = ValueOr<bool>(ingress, "sslRedirect", true),
    };
  }

  const json& storage = Field(spec, "storage");
  out.storage.bucket_name = ValueOr<std::string>(storage, "bucketName", "");
  if (out.storage.bucket_name.empty()) {
    out.storage.bucket_name = DefaultIdentifier(platform, 63 - 8) + "-archive";
  }
  out.storage.dr_bucket_name = out.storage.bucket_name.substr(0, 63 - 3) + "-dr";
  out.storage.replicate_to_dr =
      ValueOr<bool>(storage, "replicateToDisasterRecovery", profile->replicate_storage_to_dr);
  out.storage.lifecycle = ResolveLifecycle(Field(storage, "lifecycle"), *profile);
  const std::string bucket_policy = ValueOr<std::string>(storage, "deletionPolicy", "");
  if (bucket_policy == "Retain") {
    out.storage.deletion = BucketDeletion::kRetain;
  } else if (bucket_policy == "Delete" || out.deletion_policy == "Delete") {
    out.storage.deletion = BucketDeletion::kDelete;
  } else if (out.deletion_policy == "Retain") {
    out.storage.deletion = BucketDeletion::kRetain;
  } else {
    out.storage.deletion = BucketDeletion::kDeleteIfEmpty;
  }

  const json& monitoring = Field(spec, "monitoring");
  out.monitoring = MonitoringSettings{
      .enabled = ValueOr<bool>(monitoring, "enabled", true),
      .scrape_interval = ValueOr<std::string>(monitoring, "scrapeInterval", "15s"),
      .retention = ValueOr<std::string>(monitoring, "retention", "15d"),
      .alerts = ValueOr<bool>(monitoring, "alerts", true),
      .dashboards = ValueOr<bool>(monitoring, "dashboards", true),
  };
  out.log_retention_days = ValueOr<int>(Field(spec, "logging"), "retentionDays", 30);
  const std::string log_prefix = "/platform/" + out.ns + "/" + out.name + "/";
  out.log_groups = {log_prefix + "web", log_prefix + "app"};
  out.isolated = ValueOr<bool>(Field(spec, "network"), "isolated", false);
  return out;
}

json EffectiveToJson(const Effective& e) {
  json lifecycle = json::object();
  if (e.storage.lifecycle.infrequent_access > 0) {
    lifecycle["transitionToInfrequentAccessDays"] = e.storage.lifecycle.infrequent_access;
  }
  if (e.storage.lifecycle.glacier > 0) {
    lifecycle["transitionToGlacierDays"] = e.storage.lifecycle.glacier;
  }
  if (e.storage.lifecycle.expire > 0) lifecycle["expireDays"] = e.storage.lifecycle.expire;
  json out = {
      {"environment", e.environment},
      {"region", e.region},
      {"disasterRecoveryRegion", e.dr_region},
      {"database", e.database},
      {"cache", e.cache},
      {"web", TierToJson(e.web)},
      {"app", TierToJson(e.app)},
      {"storage",
       {{"bucketName", e.storage.bucket_name},
        {"replicateToDisasterRecovery", e.storage.replicate_to_dr},
        {"lifecycle", lifecycle},
        {"deletionPolicy", BucketDeletionName(e.storage.deletion)}}},
      {"logging", {{"retentionDays", e.log_retention_days}, {"logGroups", e.log_groups}}},
      {"monitoring",
       {{"enabled", e.monitoring.enabled},
        {"scrapeInterval", e.monitoring.scrape_interval},
        {"retention", e.monitoring.retention},
        {"alerts", e.monitoring.alerts},
        {"dashboards", e.monitoring.dashboards}}},
      {"network", {{"isolated", e.isolated}}},
      {"deletionPolicy", e.deletion_policy},
  };
  if (e.storage.replicate_to_dr) {
    out["storage"]["replicaBucketName"] = e.storage.dr_bucket_name;
    out["storage"]["replicaRegion"] = e.dr_region;
  }
  return out;
}

}  // namespace po::controllers::metrics_platform
