// Resolves a MetricsPlatform into the values the operator applies: its environment profile with
// every field the spec sets laid over it ("profile ⊕ overrides"). The result is shown in
// status.effective so nobody has to guess. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "controllers/metrics_platform/profiles.h"
#include "operator/common/status.h"

namespace po::controllers::metrics_platform {

struct TierSettings {
  std::string tier;  // "web" | "app"
  std::string image;
  int min_replicas = 1;
  int max_replicas = 1;
  TierResources resources;
  int port = 8080;
  std::string health_path = "/healthz";
  nlohmann::json env = nlohmann::json::array();  // [{name, value}] from the spec
  int pdb_max_unavailable = 0;                   // 0 = no PodDisruptionBudget
  bool zone_spread_required = false;

  // A HorizontalPodAutoscaler runs between min and max; otherwise the Deployment has min pods.
  bool Autoscaled() const { return max_replicas > min_replicas; }
  bool HasDisruptionBudget() const { return pdb_max_unavailable > 0 && min_replicas >= 2; }
};

struct IngressSettings {
  std::string host;
  std::string certificate_arn;  // "" = plain HTTP
  std::string waf_acl_arn;      // "" = none
  bool ssl_redirect = true;     // only with a certificate
};

// What happens to the bucket when the platform is deleted.
enum class BucketDeletion {
  kRetain,  // storage.deletionPolicy Retain: always kept
  kDelete,  // storage.deletionPolicy Delete (or spec.deletionPolicy Delete): emptied, deleted
  kDeleteIfEmpty,  // neither set (spec.deletionPolicy Snapshot): deleted only when empty
};
std::string_view BucketDeletionName(BucketDeletion deletion);

struct StorageSettings {
  std::string bucket_name;
  std::string dr_bucket_name;  // the replica bucket in the disaster-recovery region
  bool replicate_to_dr = false;
  LifecycleDays lifecycle;
  BucketDeletion deletion = BucketDeletion::kDeleteIfEmpty;
};

struct MonitoringSettings {
  bool enabled = true;
  std::string scrape_interval = "15s";
  std::string retention = "15d";
  bool alerts = true;
  bool dashboards = true;
};

struct Effective {
  std::string name;  // metadata.name of the platform
  std::string ns;
  std::string environment;
  std::string region;
  std::string dr_region;
  nlohmann::json database;  // the DatabaseCluster's spec
  nlohmann::json cache;     // the CacheCluster's spec
  TierSettings web;
  TierSettings app;
  std::optional<IngressSettings> ingress;
  StorageSettings storage;
  MonitoringSettings monitoring;
  int log_retention_days = 30;
  std::vector<std::string> log_groups;  // CloudWatch log group names, one per tier
  bool isolated = false;
  std::string deletion_policy = "Snapshot";
};

// `overrides` laid over `base`: objects merge key by key (recursively); any other value, arrays
// included, replaces the base's. Nulls in `overrides` are ignored.
nlohmann::json MergeOverrides(nlohmann::json base, const nlohmann::json& overrides);

// A Kubernetes quantity from the spec (an integer or a string) as a string; `fallback` when absent.
std::string Quantity(const nlohmann::json& value, const std::string& fallback);

// The effective values of a MetricsPlatform object. kInvalidArgument for an unknown environment
// or a missing tier image.
Result<Effective> Resolve(const nlohmann::json& platform);

// status.effective: the resolved values, without secrets (there are none in a spec).
nlohmann::json EffectiveToJson(const Effective& effective);

}  // namespace po::controllers::metrics_platform
