// Builds the CacheCluster status from an observed replication group.
#include "controllers/cache_cluster/status.h"

namespace po::controllers::cache_cluster {
namespace {

using nlohmann::json;

json EndpointJson(const std::optional<aws::elasticache::Endpoint>& endpoint) {
  if (!endpoint || !endpoint->Address) return nullptr;
  json out = {{"host", *endpoint->Address}};
  if (endpoint->Port) out["port"] = *endpoint->Port;
  return out;
}

runtime::Condition Cond(const char* type, bool value, std::string reason, std::string message) {
  return {type, std::string(value ? runtime::kConditionTrue : runtime::kConditionFalse),
          std::move(reason), std::move(message)};
}

}  // namespace

std::string PhaseFor(const std::string& s) {
  if (s == "available") return std::string(kPhaseAvailable);
  if (s == "creating") return std::string(kPhaseCreating);
  if (s == "modifying" || s == "snapshotting") return std::string(kPhaseModifying);
  if (s == "deleting") return std::string(kPhaseDeleting);
  if (s == "create-failed") return std::string(kPhaseFailed);
  return std::string(kPhaseDegraded);
}

json ObservedStatusFields(const ObservedGroup& o) {
  json fields = json::object();
  fields["arn"] = o.arn.empty() ? json(nullptr) : json(o.arn);
  json configuration = EndpointJson(o.configuration_endpoint);
  fields["configurationEndpoint"] = configuration;
  fields["endpoint"] = o.cluster_mode ? configuration : EndpointJson(o.primary_endpoint);
  fields["readerEndpoint"] = o.cluster_mode ? json(nullptr) : EndpointJson(o.reader_endpoint);
  json shards = json::array();
  for (const ObservedShard& shard : o.shards) {
    shards.push_back({{"id", shard.id},
                      {"primary", shard.primary},
                      {"replicas", shard.replicas},
                      {"status", shard.status}});
  }
  fields["shards"] = shards;
  return fields;
}

StatusReport GroupReport(const ObservedGroup& o, const GroupDiff& diff, const std::string& acting) {
  StatusReport report;
  report.fields = ObservedStatusFields(o);
  const bool available = o.status == "available";
  std::string phase = PhaseFor(o.status);
  if (available && !acting.empty()) phase = std::string(kPhaseModifying);

  bool degraded_shard = false;
  std::string degraded_message;
  for (const ObservedShard& shard : o.shards) {
    if (!shard.status.empty() && shard.status != "available" && available) {
      degraded_shard = true;
      degraded_message += "shard " + shard.id + " is " + shard.status + "; ";
    }
  }
  const bool failed = o.status == "create-failed";
  if (degraded_message.empty()) degraded_message = "the replication group is " + o.status;
  const bool degraded = failed || degraded_shard || phase == kPhaseDegraded;
  if (degraded_shard && phase == kPhaseAvailable) phase = std::string(kPhaseDegraded);
  report.phase = phase;

  report.conditions.push_back(
      available ? Cond(kConditionReady, true, "Available", "the replication group is available")
                : Cond(kConditionReady, false, failed ? "CreateFailed" : "NotAvailable",
                       "the replication group is " + o.status));
  if (!diff.immutable.empty()) {
    report.conditions.push_back(
        Cond(kConditionSynced, false, "ImmutableFieldChanged",
             "cannot change in place: " + DescribeDifferences(diff.immutable)));
  } else if (!acting.empty()) {
    report.conditions.push_back(Cond(kConditionSynced, false, "Converging", "applying " + acting));
  } else if (!diff.InSync()) {
    report.conditions.push_back(Cond(kConditionSynced, false, "WaitingForAvailable",
                                     "pending: " + DescribeDifferences(diff.changes)));
  } else {
    report.conditions.push_back(
        Cond(kConditionSynced, true, "InSync", "the replication group matches the spec"));
  }
  if (degraded) {
    report.conditions.push_back(
        Cond(kConditionDegraded, true, failed ? "CreateFailed" : "ShardsNotAvailable",
             failed ? "ElastiCache could not create the replication group" : degraded_message));
  } else {
    report.conditions.push_back(
        Cond(kConditionDegraded, false, "Healthy", "every shard is available"));
  }
  return report;
}

}  // namespace po::controllers::cache_cluster
