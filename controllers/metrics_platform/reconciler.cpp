// The MetricsPlatform reconcile: observe → act → report, and the finalizer's cleanup.
#include "controllers/metrics_platform/reconciler.h"

#include "controllers/common/deletion_policy.h"
#include "controllers/common/ownership.h"
#include "controllers/common/secrets.h"
#include "controllers/metrics_platform/apply.h"
#include "controllers/metrics_platform/children.h"
#include "controllers/metrics_platform/effective.h"
#include "controllers/metrics_platform/ingress.h"
#include "controllers/metrics_platform/logging.h"
#include "controllers/metrics_platform/monitoring.h"
#include "controllers/metrics_platform/network_policies.h"
#include "controllers/metrics_platform/resources.h"
#include "controllers/metrics_platform/workloads.h"
#include "operator/kube/event_correlator.h"
#include "operator/kube/owner_refs.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::metrics_platform {

namespace {

using nlohmann::json;
using runtime::ReconcileResult;

// The connection Secrets of both children and a checksum of their contents; std::nullopt (with
// `why`) until both exist.
std::optional<Connections> ReadConnections(kube::KubeClient& client, const std::string& ns,
                                           const ChildSummary& db, const ChildSummary& cache,
                                           std::string& why) {
  if (db.connection_secret.empty() || cache.connection_secret.empty()) {
    why = "waiting for the database and cache connection Secrets";
    return std::nullopt;
  }
  SecretData combined;
  for (const auto& [prefix, name] : {std::pair{"database.", db.connection_secret},
                                     std::pair{"cache.", cache.connection_secret}}) {
    auto secret = ReadSecret(client, ns, name);
    if (!secret.ok()) {
      why = "reading Secret " + name + ": " + secret.status().message();
      return std::nullopt;
    }
    if (!secret->has_value()) {
      why = "waiting for Secret " + name;
      return std::nullopt;
    }
    for (const auto& [key, value] : **secret) combined[prefix + key] = value;
  }
  return Connections{db.connection_secret, cache.connection_secret, DataChecksum(combined)};
}

ComponentState FromChild(const ChildSummary& child) {
  return {child.ready, child.reason, child.message};
}

}  // namespace

MetricsPlatformReconciler::MetricsPlatformReconciler(Deps deps, ReconcilerOptions options)
    : deps_(deps), options_(options), buckets_(deps.s3) {}

void MetricsPlatformReconciler::Event(const json& object, bool warning, const std::string& reason,
                                      const std::string& message) {
  if (deps_.events == nullptr) return;
  deps_.events->Record(kube::ReferenceTo(object),
                       warning ? kube::EventType::kWarning : kube::EventType::kNormal, reason,
                       message);
}

ReconcileResult MetricsPlatformReconciler::Reconcile(const runtime::Request& request,
                                                     runtime::ReconcileContext& context) {
  auto got = deps_.client.Get(MetricsPlatforms(), request.ns, request.name);
  if (!got.ok()) {
    if (got.status().code() == StatusCode::kNotFound) {
      buckets_.Forget(request.Key());
      if (deps_.metrics) deps_.metrics->Forget(request.ns, request.name);
      return ReconcileResult::Done();
    }
    return ReconcileResult::RetryableError(got.status().WithContext("while reading the platform"));
  }
  if ((*got)["metadata"].contains("deletionTimestamp")) return Finalize(*got, context);
  return Converge(std::move(*got), context);
}

ReconcileResult MetricsPlatformReconciler::Converge(json platform,
                                                    runtime::ReconcileContext& context) {
  const runtime::ObjectKey key{kube::NamespaceOf(platform), kube::NameOf(platform)};
  const std::string previous_phase = platform.value("status", json::object()).value("phase", "");

  auto resolved = Resolve(platform);
  if (!resolved.ok()) {
    StatusReport report;
    report.phase = kPhaseFailed;
    report.conditions = {{"Ready", std::string(runtime::kConditionFalse), "InvalidSpec",
                          resolved.status().message()}};
    (void)WriteStatusReport(deps_.status, deps_.clock, platform, report);
    return ReconcileResult::TerminalError(resolved.status());
  }
  const Effective& e = *resolved;

  auto with_finalizer =
      runtime::EnsureFinalizer(deps_.status, deps_.clock, key, std::string(kFinalizer), &platform);
  if (!with_finalizer.ok()) {
    return ReconcileResult::RetryableError(
        with_finalizer.status().WithContext("while adding the finalizer"));
  }
  platform = std::move(*with_finalizer);
  const std::string uid = kube::UidOf(platform);

  Observation o;
  o.effective = EffectiveToJson(e);
  o.url = PlatformUrl(e);

  // Children: the DatabaseCluster and the CacheCluster.
  ChildSummary db_summary, cache_summary;
  for (auto [desired, summary, what] :
       {std::tuple{DesiredObject{DatabaseClusters(), DesiredDatabaseCluster(platform, e)},
                   &db_summary, "database"},
        std::tuple{DesiredObject{CacheClusters(), DesiredCacheCluster(platform, e)}, &cache_summary,
                   "cache"}}) {
    auto applied = ApplyObject(deps_.client, desired, uid);
    if (applied.ok()) {
      *summary = SummarizeChild(*applied, what);
    } else {
      *summary = ChildSummary{};
      summary->reason = "ApplyError";
      summary->message = applied.status().ToString();
      context.log().Warn("applying a child failed", {{"error", applied.status().ToString()}});
    }
  }
  o.database = FromChild(db_summary);
  o.cache = FromChild(cache_summary);

  // AWS: log groups (which also tell the account), then the bucket.
  const LoggingResult logging = ReconcileLogGroups(deps_.logs, e, OwnershipTags(platform));
  o.logging = {logging.ready, logging.reason, logging.message};
  const StorageResult storage = buckets_.Reconcile(platform, e, logging.account_id);
  o.storage = {storage.ready, storage.reason, storage.message};

  // Workloads, ingress, policies, dashboards, monitoring.
  std::vector<DesiredObject> desired;
  std::set<std::string> keep;
  std::string connections_wait;
  const auto connections =
      ReadConnections(deps_.client, e.ns, db_summary, cache_summary, connections_wait);
  for (const TierSettings* tier : {&e.web, &e.app}) {
    const bool is_app = tier->tier == "app";
    if (!is_app || connections) {
      desired.push_back({Deployments(), DesiredDeployment(platform, e, *tier,
                                                          is_app ? connections : std::nullopt)});
    } else {
      keep.insert(PruneKey(Deployments(), ChildName(e.name, tier->tier)));
    }
    desired.push_back({Services(), DesiredService(platform, e, *tier)});
    if (auto hpa = DesiredHorizontalPodAutoscaler(platform, e, *tier)) {
      desired.push_back({HorizontalPodAutoscalers(), *hpa});
    }
    if (auto pdb = DesiredPodDisruptionBudget(platform, e, *tier)) {
      desired.push_back({PodDisruptionBudgets(), *pdb});
    }
  }
  if (auto ingress = DesiredIngress(platform, e)) desired.push_back({Ingresses(), *ingress});
  for (auto& policy : DesiredNetworkPolicies(platform, e)) {
    desired.push_back({NetworkPolicies(), std::move(policy)});
  }
  for (auto& dashboards : DesiredDashboards(platform, e)) {
    desired.push_back({kube::ConfigMaps(), std::move(dashboards)});
  }
  auto monitors_served = deps_.client.IsServed("monitoring.coreos.com", "v1", "ServiceMonitor");
  auto rules_served = deps_.client.IsServed("monitoring.coreos.com", "v1", "PrometheusRule");
  const bool prometheus_operator =
      monitors_served.ok() && *monitors_served && rules_served.ok() && *rules_served;
  if (prometheus_operator) {
    for (auto& object : DesiredPrometheusObjects(platform, e)) {
      desired.push_back({object["kind"] == "ServiceMonitor" ? ServiceMonitors() : PrometheusRules(),
                         std::move(object)});
    }
  }

  std::map<std::string, json> applied_deployments;
  std::string apply_errors;
  std::string monitoring_errors;
  for (const auto& object : desired) {
    keep.insert(PruneKey(object.resource, kube::NameOf(object.object)));
    auto applied = ApplyObject(deps_.client, object, uid);
    if (!applied.ok()) {
      std::string& errors =
          object.resource.group == "monitoring.coreos.com" ? monitoring_errors : apply_errors;
      errors += (errors.empty() ? "" : "; ") + applied.status().message();
      continue;
    }
    if (object.resource == Deployments()) applied_deployments[kube::NameOf(*applied)] = *applied;
  }
  auto kinds = WorkloadKinds();
  if (prometheus_operator) {
    for (const auto& kind : MonitoringKinds()) kinds.push_back(kind);
  }
  auto pruned = PruneUnwanted(deps_.client, e.ns, e.name, uid, kinds, keep);
  if (!pruned.ok()) {
    apply_errors += (apply_errors.empty() ? "" : "; ") + pruned.status().message();
  } else if (!pruned->empty()) {
    std::string list;
    for (const auto& item : *pruned) list += (list.empty() ? "" : ", ") + item;
    context.log().Info("pruned children no longer desired", {{"pruned", list}});
  }

  for (auto [tier, state] : {std::pair{&e.web, &o.web}, std::pair{&e.app, &o.app}}) {
    const std::string name = ChildName(e.name, tier->tier);
    if (tier->tier == "app" && !connections) {
      *state = {false, "WaitingForConnections", connections_wait};
      continue;
    }
    auto found = applied_deployments.find(name);
    std::string message;
    const bool ready = found != applied_deployments.end() &&
                       DeploymentReady(found->second, tier->min_replicas, message);
    if (found == applied_deployments.end()) message = "the Deployment could not be applied";
    *state = {ready, ready ? "DeploymentAvailable" : "DeploymentProgressing", message};
  }
  if (!apply_errors.empty()) {
    o.web = {false, "ApplyError", apply_errors};
  }

  if (!e.monitoring.enabled) {
    o.monitoring = {true, "Disabled", "monitoring is turned off"};
  } else if (!monitoring_errors.empty()) {
    o.monitoring = {false, "ApplyError", monitoring_errors};
  } else if (prometheus_operator) {
    o.monitoring = {true, "Installed",
                    std::string("ServiceMonitors") +
                        (e.monitoring.alerts ? ", PrometheusRule" : "") +
                        (e.monitoring.dashboards ? " and Grafana dashboards" : "") + " installed"};
  } else {
    o.monitoring = {true, "PrometheusOperatorNotInstalled",
                    std::string("the Prometheus Operator's CRDs are not served: no ServiceMonitor "
                                "or PrometheusRule") +
                        (e.monitoring.dashboards ? "; Grafana dashboards installed" : "")};
  }

  StatusReport report = BuildStatusReport(o, previous_phase);
  report.fields["effective"] = ReplacementPatch(
      platform.value("status", json::object()).value("effective", json()), o.effective);
  const bool ready = AllReady(o);
  auto written = WriteStatusReport(deps_.status, deps_.clock, platform, report);
  if (!written.ok()) {
    return ReconcileResult::RetryableError(written.status().WithContext("while writing status"));
  }
  if (ready && previous_phase != kPhaseAvailable) {
    Event(platform, false, "Ready", "every component of the platform is ready at " + o.url);
  }
  if (deps_.metrics) {
    deps_.metrics->Observe(e.ns, e.name, report.phase, ready,
                           (storage.ready ? (e.storage.replicate_to_dr ? 2 : 1) : 0) +
                               (logging.ready ? static_cast<int>(e.log_groups.size()) : 0));
  }
  return ReconcileResult::RequeueAfter(ready ? options_.ready_resync : options_.not_ready_resync);
}

ReconcileResult MetricsPlatformReconciler::Finalize(const json& platform,
                                                    runtime::ReconcileContext& context) {
  const runtime::ObjectKey key{kube::NamespaceOf(platform), kube::NameOf(platform)};
  if (!runtime::HasFinalizer(platform, kFinalizer)) return ReconcileResult::Done();
  auto report_deleting = [&](const std::string& message) {
    StatusReport report;
    report.phase = kPhaseDeleting;
    report.conditions = {{"Ready", std::string(runtime::kConditionFalse), "Deleting", message}};
    (void)WriteStatusReport(deps_.status, deps_.clock, platform, report);
  };

  // The children first: their own finalizers apply their deletion policies in AWS.
  std::string waiting;
  for (const auto& [resource, suffix] :
       {std::pair{DatabaseClusters(), "db"}, std::pair{CacheClusters(), "cache"}}) {
    const std::string name = ChildName(key.name, suffix);
    auto child = deps_.client.Get(resource, key.ns, name);
    if (!child.ok()) {
      if (child.status().code() == StatusCode::kNotFound) continue;
      return ReconcileResult::RetryableError(child.status());
    }
    auto controller = kube::ControllerOf(*child);
    if (!controller || controller->uid != kube::UidOf(platform)) continue;
    if (!(*child)["metadata"].contains("deletionTimestamp")) {
      kube::DeleteOptions options;
      options.precondition_uid = kube::UidOf(*child);
      options.propagation_policy = "Background";
      Status deleted = deps_.client.Delete(resource, key.ns, name, options);
      if (!deleted.ok() && deleted.code() != StatusCode::kNotFound) {
        return ReconcileResult::RetryableError(deleted);
      }
    }
    const std::string phase = (*child).value("status", json::object()).value("phase", "");
    waiting += (waiting.empty() ? "" : ", ") + resource.kind + " " + name +
               (phase.empty() ? "" : " (" + phase + ")");
  }
  if (!waiting.empty()) {
    report_deleting("waiting for " + waiting + " to be deleted");
    return ReconcileResult::RequeueAfter(options_.deletion_poll);
  }

  std::string done;
  auto resolved = Resolve(platform);
  if (resolved.ok()) {
    Status logs = DeleteLogGroups(deps_.logs, *resolved, done);
    Status bucket = logs.ok() ? buckets_.Delete(platform, *resolved, done) : Status::Ok();
    const Status& failed = !logs.ok() ? logs : bucket;
    if (!failed.ok()) {
      report_deleting("cleaning up AWS resources: " + failed.message());
      Event(platform, true, "CleanupFailed", failed.message());
      return ReconcileResult::RetryableError(failed);
    }
  }
  auto removed =
      runtime::RemoveFinalizer(deps_.status, deps_.clock, key, std::string(kFinalizer), &platform);
  if (!removed.ok() && removed.status().code() != StatusCode::kNotFound) {
    return ReconcileResult::RetryableError(removed.status());
  }
  context.log().Info("platform deleted", {{"cleanup", done}});
  Event(platform, false, "Deleted", done.empty() ? "platform deleted" : done);
  buckets_.Forget(kube::ObjectKeyOf(platform));
  if (deps_.metrics) deps_.metrics->Forget(key.ns, key.name);
  return ReconcileResult::Done();
}

}  // namespace po::controllers::metrics_platform
