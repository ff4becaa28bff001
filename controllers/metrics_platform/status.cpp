// Roll-up of a MetricsPlatform's components into its status.
#include "controllers/metrics_platform/status.h"

namespace po::controllers::metrics_platform {

namespace {

runtime::Condition ConditionOf(const std::string& type, const ComponentState& state) {
  return {type, std::string(state.ready ? runtime::kConditionTrue : runtime::kConditionFalse),
          state.reason.empty() ? (state.ready ? "Ready" : "NotReady") : state.reason,
          state.message};
}

bool Failing(const ComponentState& state) {
  const std::string& r = state.reason;
  return !state.ready && ((r.size() >= 5 && r.compare(r.size() - 5, 5, "Error") == 0) ||
                          r == "BucketNameTaken" || r == "InvalidSpec");
}

ComponentState Both(const ComponentState& a, const ComponentState& b, const std::string& ready) {
  if (!a.ready) return a;
  if (!b.ready) return b;
  return {true, ready, a.message + "; " + b.message};
}

nlohmann::json Summary(const ComponentState& state) {
  return {{"ready", state.ready}, {"message", state.message}};
}

}  // namespace

bool AllReady(const Observation& o) {
  return o.database.ready && o.cache.ready && o.web.ready && o.app.ready && o.storage.ready &&
         o.logging.ready && o.monitoring.ready;
}

StatusReport BuildStatusReport(const Observation& o, const std::string& previous_phase) {
  StatusReport report;
  ComponentState web = o.web;
  web.message = "web: " + web.message;
  ComponentState app = o.app;
  app.message = "app: " + app.message;
  const ComponentState workloads = Both(web, app, "DeploymentsAvailable");
  const ComponentState storage = Both(o.storage, o.logging, "StorageReady");

  report.conditions = {
      ConditionOf("DatabaseReady", o.database),     ConditionOf("CacheReady", o.cache),
      ConditionOf("WorkloadsReady", workloads),     ConditionOf("StorageReady", storage),
      ConditionOf("MonitoringReady", o.monitoring),
  };
  const bool ready = AllReady(o);
  std::string waiting;
  for (const auto& condition : report.conditions) {
    if (condition.status != runtime::kConditionTrue) {
      waiting += (waiting.empty() ? "" : ", ") + condition.type;
    }
  }
  report.conditions.push_back(
      {"Ready", std::string(ready ? runtime::kConditionTrue : runtime::kConditionFalse),
       ready ? "AllComponentsReady" : "ComponentsNotReady",
       ready ? "every component is ready" : "waiting for " + waiting});

  const ComponentState* all[] = {&o.database, &o.cache,   &o.web,       &o.app,
                                 &o.storage,  &o.logging, &o.monitoring};
  bool failing = false;
  for (const ComponentState* state : all) failing = failing || Failing(*state);
  if (ready) {
    report.phase = kPhaseAvailable;
  } else if (failing) {
    report.phase = kPhaseDegraded;
  } else if (previous_phase == kPhaseAvailable || previous_phase == kPhaseModifying ||
             previous_phase == kPhaseDegraded) {
    report.phase = kPhaseModifying;
  } else {
    report.phase = kPhaseCreating;
  }

  report.fields = {
      {"url", o.url},
      {"components",
       {{"database", Summary(o.database)},
        {"cache", Summary(o.cache)},
        {"web", Summary(o.web)},
        {"app", Summary(o.app)},
        {"storage", Summary(o.storage)},
        {"logging", Summary(o.logging)},
        {"monitoring", Summary(o.monitoring)}}},
  };
  return report;
}

nlohmann::json ReplacementPatch(const nlohmann::json& current, const nlohmann::json& desired) {
  if (!current.is_object() || !desired.is_object()) return desired;
  nlohmann::json patch = nlohmann::json::object();
  for (auto it = current.begin(); it != current.end(); ++it) {
    if (!desired.contains(it.key())) patch[it.key()] = nullptr;
  }
  for (auto it = desired.begin(); it != desired.end(); ++it) {
    auto found = current.find(it.key());
    patch[it.key()] = found == current.end() ? it.value() : ReplacementPatch(*found, it.value());
  }
  return patch;
}

}  // namespace po::controllers::metrics_platform
