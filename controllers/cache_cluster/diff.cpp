// Compares an ObservedGroup with a CacheClusterSpec.
#include "controllers/cache_cluster/diff.h"

#include <algorithm>
#include <cctype>

namespace po::controllers::cache_cluster {
namespace {

std::string Bool(bool value) {
  return value ? "true" : "false";
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Replicas(const ObservedGroup& o) {
  if (o.min_replicas == o.max_replicas) return std::to_string(o.min_replicas);
  return std::to_string(o.min_replicas) + "-" + std::to_string(o.max_replicas);
}

}  // namespace

GroupDiff Diff(const CacheClusterSpec& spec, const ObservedGroup& o,
               const std::string& applied_engine_version) {
  GroupDiff diff;
  auto change = [&](const std::string& field, const std::string& observed,
                    const std::string& desired) {
    if (observed != desired) diff.changes.push_back({field, observed, desired});
  };
  auto fixed = [&](const std::string& field, const std::string& observed,
                   const std::string& desired) {
    if (observed != desired) diff.immutable.push_back({field, observed, desired});
  };

  fixed("clusterMode.enabled", Bool(o.cluster_mode), Bool(spec.cluster_mode));
  fixed("encryption.atRest", Bool(o.at_rest_encryption), Bool(spec.at_rest_encryption));

  if (spec.cluster_mode && o.cluster_mode) {
    change("clusterMode.shards", std::to_string(o.shards.size()), std::to_string(spec.shards));
  }
  const std::string replicas = Replicas(o);
  change("clusterMode.replicasPerShard", replicas, std::to_string(spec.replicas_per_shard));
  change("nodeType", o.node_type, Lower(spec.node_type));
  if (!applied_engine_version.empty()) {
    change("engineVersion", applied_engine_version, spec.engine_version);
  }
  change("automaticFailover", Bool(o.automatic_failover), Bool(spec.automatic_failover));
  change("multiAZ", Bool(o.multi_az), Bool(spec.multi_az));
  // In-transit encryption is on only in "required" mode; "preferred" is the way between.
  const bool transit_required = o.in_transit_encryption && o.transit_encryption_mode != "preferred";
  change("encryption.inTransit",
         o.in_transit_encryption && !transit_required ? "preferred" : Bool(transit_required),
         Bool(spec.in_transit_encryption));
  change("snapshot.retentionDays", std::to_string(o.snapshot_retention_days),
         std::to_string(spec.snapshot_retention_days));
  if (spec.snapshot_window) {
    change("snapshot.window", o.snapshot_window, NormalizeWindow(*spec.snapshot_window));
  }
  return diff;
}

std::string DescribeDifferences(const std::vector<Difference>& differences) {
  std::string text;
  for (const Difference& d : differences) {
    if (!text.empty()) text += ", ";
    text += d.field + " " + d.observed + " → " + d.desired;
  }
  return text;
}

}  // namespace po::controllers::cache_cluster
