// Desired DatabaseCluster and CacheCluster children and their status roll-up.
#include "controllers/metrics_platform/children.h"

#include <cctype>

#include "controllers/metrics_platform/resources.h"
#include "operator/runtime/conditions.h"

namespace po::controllers::metrics_platform {

nlohmann::json DesiredDatabaseCluster(const nlohmann::json& platform, const Effective& effective) {
  nlohmann::json object =
      ChildSkeleton(DatabaseClusters(), platform, ChildName(effective.name, "db"),
                    PlatformLabels(effective.name));
  object["spec"] = effective.database;
  return object;
}

nlohmann::json DesiredCacheCluster(const nlohmann::json& platform, const Effective& effective) {
  nlohmann::json object =
      ChildSkeleton(CacheClusters(), platform, ChildName(effective.name, "cache"),
                    PlatformLabels(effective.name));
  object["spec"] = effective.cache;
  return object;
}

namespace {

// A DNS-1123 subdomain, the form of a Secret's name.
bool IsObjectName(const std::string& name) {
  if (name.empty() || name.size() > 253) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return std::isalnum(static_cast<unsigned char>(name.front())) &&
         std::isalnum(static_cast<unsigned char>(name.back()));
}

}  // namespace

ChildSummary SummarizeChild(const nlohmann::json& child, const std::string& what) {
  ChildSummary summary;
  if (child.is_null()) {
    summary.reason = "Creating";
    summary.message = "the " + what + " is being created";
    return summary;
  }
  summary.exists = true;
  const nlohmann::json status = child.value("status", nlohmann::json::object());
  summary.connection_secret = status.value("connectionSecret", "");
  if (!summary.connection_secret.empty() && !IsObjectName(summary.connection_secret)) {
    // Not a Secret name (a status writer redacted the reference): both child kinds name their
    // connection Secret "<child>-connection".
    summary.connection_secret = kube::NameOf(child) + "-connection";
  }
  const nlohmann::json endpoint = status.value("endpoint", nlohmann::json::object());
  if (endpoint.contains("host")) {
    summary.endpoint = endpoint.value("host", "") + ":" + std::to_string(endpoint.value("port", 0));
  }
  const std::string phase = status.value("phase", "");
  const nlohmann::json conditions = status.value("conditions", nlohmann::json::array());
  const nlohmann::json* ready = runtime::FindCondition(conditions, "Ready");
  const std::int64_t generation = child["metadata"].value("generation", std::int64_t{0});
  const std::int64_t observed = status.value("observedGeneration", std::int64_t{0});
  if (ready == nullptr) {
    summary.reason = "Creating";
    summary.message = "the " + what + " has not reported readiness yet" +
                      (phase.empty() ? "" : " (phase " + phase + ")");
    return summary;
  }
  summary.ready = ready->value("status", "") == runtime::kConditionTrue && observed >= generation;
  if (summary.ready) {
    summary.reason = "Ready";
    summary.message =
        "the " + what + " is ready" + (summary.endpoint.empty() ? "" : " at " + summary.endpoint);
  } else {
    summary.reason = ready->value("reason", "NotReady");
    if (summary.reason.empty()) summary.reason = "NotReady";
    summary.message = "the " + what + " is not ready" +
                      (phase.empty() ? "" : " (phase " + phase + ")") + ": " +
                      ready->value("message", "");
    if (observed < generation && ready->value("status", "") == runtime::kConditionTrue) {
      summary.reason = "Updating";
      summary.message = "the " + what + " has not observed its latest spec yet";
    }
  }
  return summary;
}

}  // namespace po::controllers::metrics_platform
