// Desired ServiceMonitors, PrometheusRule and Grafana dashboard ConfigMap.
#include "controllers/metrics_platform/monitoring.h"

#include "controllers/metrics_platform/resources.h"

namespace po::controllers::metrics_platform {

namespace {

using nlohmann::json;

json Rule(const std::string& alert, const std::string& expr, const std::string& for_duration,
          const std::string& severity, const std::string& summary) {
  return {{"alert", alert},
          {"expr", expr},
          {"for", for_duration},
          {"labels", {{"severity", severity}}},
          {"annotations", {{"summary", summary}}}};
}

json Panel(int id, const std::string& title, const std::string& expr, int x, int y) {
  return {{"id", id},
          {"type", "timeseries"},
          {"title", title},
          {"datasource", {{"type", "prometheus"}, {"uid", "${datasource}"}}},
          {"gridPos", {{"h", 8}, {"w", 12}, {"x", x}, {"y", y}}},
          {"targets", json::array({{{"refId", "A"}, {"expr", expr}}})}};
}

json Dashboard(const std::string& uid, const std::string& title, const json& panels) {
  return {{"uid", uid},
          {"title", title},
          {"schemaVersion", 39},
          {"tags", json::array({"metrics-platform"})},
          {"time", {{"from", "now-6h"}, {"to", "now"}}},
          {"templating",
           {{"list",
             json::array(
                 {{{"name", "datasource"}, {"type", "datasource"}, {"query", "prometheus"}}})}}},
          {"panels", panels}};
}

}  // namespace

std::vector<json> DesiredPrometheusObjects(const json& platform, const Effective& e) {
  std::vector<json> out;
  if (!e.monitoring.enabled) return out;
  const std::string ns = e.ns;
  const std::string sel = "namespace=\"" + ns + "\",deployment=~\"" + e.name + "-(web|app)\"";

  json tiers =
      ChildSkeleton(ServiceMonitors(), platform, ChildName(e.name, ""), PlatformLabels(e.name));
  tiers["spec"] = {
      {"selector", {{"matchLabels", {{kPlatformLabel, e.name}}}}},
      {"endpoints",
       json::array(
           {{{"port", "http"}, {"path", "/metrics"}, {"interval", e.monitoring.scrape_interval}}})},
  };
  out.push_back(tiers);

  json operator_monitor = ChildSkeleton(ServiceMonitors(), platform, ChildName(e.name, "operator"),
                                        PlatformLabels(e.name));
  operator_monitor["spec"] = {
      {"namespaceSelector", {{"any", true}}},
      {"selector", {{"matchLabels", {{"app.kubernetes.io/name", "platform-operator"}}}}},
      {"endpoints", json::array({{{"port", "metrics"},
                                  {"path", "/metrics"},
                                  {"interval", e.monitoring.scrape_interval}}})},
  };
  out.push_back(operator_monitor);

  if (!e.monitoring.alerts) return out;
  const std::string who = "{namespace=\"" + ns + "\",name=\"";
  json rule =
      ChildSkeleton(PrometheusRules(), platform, ChildName(e.name, ""), PlatformLabels(e.name));
  rule["spec"] = {
      {"groups",
       json::array(
           {{{"name", e.name + ".recording"},
             {"rules",
              json::array(
                  {{{"record", "platform:deployment_availability:ratio"},
                    {"expr", "kube_deployment_status_replicas_available{" + sel +
                                 "} / clamp_min(kube_deployment_spec_replicas{" + sel + "}, 1)"}},
                   {{"record", "platform:http_requests:rate5m"},
                    {"expr", "sum by (service) (rate(http_requests_total{namespace=\"" + ns +
                                 "\",service=~\"" + e.name + "-(web|app)\"}[5m]))"}}})}},
            {{"name", e.name + ".alerts"},
             {"rules",
              json::array(
                  {Rule("MetricsPlatformTierUnavailable",
                        "platform:deployment_availability:ratio{" + sel + "} < 1", "10m", "warning",
                        "A tier of " + ns + "/" + e.name + " has unavailable pods"),
                   Rule("MetricsPlatformTierDown",
                        "platform:deployment_availability:ratio{" + sel + "} == 0", "2m",
                        "critical", "A tier of " + ns + "/" + e.name + " has no available pod"),
                   Rule("MetricsPlatformDatabaseNotReady",
                        "platform_database_ready" + who + e.name + "-db\"} == 0", "5m", "critical",
                        "The database of " + ns + "/" + e.name + " is not ready"),
                   Rule("MetricsPlatformCacheNotReady",
                        "platform_cache_ready" + who + e.name + "-cache\"} == 0", "5m", "critical",
                        "The cache of " + ns + "/" + e.name + " is not ready"),
                   Rule("PlatformOperatorReconcileErrors",
                        "sum by (controller) "
                        "(rate(controller_runtime_reconcile_errors_total[5m])) > 0",
                        "15m", "warning",
                        "The platform operator keeps failing to reconcile")})}}})},
  };
  out.push_back(rule);
  return out;
}

std::vector<json> DesiredDashboards(const json& platform, const Effective& e) {
  if (!e.monitoring.enabled || !e.monitoring.dashboards) return {};
  const std::string ns = e.ns;
  const std::string pods = "namespace=\"" + ns + "\",pod=~\"" + e.name + "-(web|app)-.*\"";
  const std::string deploy = "namespace=\"" + ns + "\",deployment=~\"" + e.name + "-(web|app)\"";
  const std::string svc = "namespace=\"" + ns + "\",service=~\"" + e.name + "-(web|app)\"";

  const json health = Dashboard(
      e.name + "-health", e.name + ": service health",
      json::array(
          {Panel(1, "Available pods by tier",
                 "kube_deployment_status_replicas_available{" + deploy + "}", 0, 0),
           Panel(2, "Database ready",
                 "platform_database_ready{namespace=\"" + ns + "\",name=\"" + e.name + "-db\"}", 12,
                 0),
           Panel(3, "Cache ready",
                 "platform_cache_ready{namespace=\"" + ns + "\",name=\"" + e.name + "-cache\"}", 0,
                 8),
           Panel(4, "Reconcile errors",
                 "sum by (controller) (rate(controller_runtime_reconcile_errors_total[5m]))", 12,
                 8)}));
  const json resources = Dashboard(
      e.name + "-resources", e.name + ": resource use",
      json::array(
          {Panel(1, "CPU by pod",
                 "sum by (pod) (rate(container_cpu_usage_seconds_total{" + pods + "}[5m]))", 0, 0),
           Panel(2, "Memory by pod",
                 "sum by (pod) (container_memory_working_set_bytes{" + pods + "})", 12, 0),
           Panel(3, "Replicas vs autoscaler bounds",
                 "kube_horizontalpodautoscaler_status_current_replicas{namespace=\"" + ns + "\"}",
                 0, 8)}));
  const json business = Dashboard(
      e.name + "-business", e.name + ": business",
      json::array(
          {Panel(1, "Metrics ingested per second",
                 "sum(rate(metrics_ingested_total{" + svc + "}[5m]))", 0, 0),
           Panel(2, "Queries per second", "sum(rate(queries_total{" + svc + "}[5m]))", 12, 0),
           Panel(3, "Active tenants", "max(active_tenants{" + svc + "})", 0, 8)}));
  const json performance = Dashboard(
      e.name + "-performance", e.name + ": performance",
      json::array({Panel(1, "Requests per second", "platform:http_requests:rate5m", 0, 0),
                   Panel(2, "p99 latency",
                         "histogram_quantile(0.99, sum by (le, service) "
                         "(rate(http_request_duration_seconds_bucket{" +
                             svc + "}[5m])))",
                         12, 0),
                   Panel(3, "Error ratio",
                         "sum by (service) (rate(http_requests_total{" + svc +
                             ",code=~\"5..\"}[5m])) / sum by (service) (rate(http_requests_total{" +
                             svc + "}[5m]))",
                         0, 8)}));

  auto labels = PlatformLabels(e.name);
  labels.emplace("grafana_dashboard", "1");
  json config_map =
      ChildSkeleton(kube::ConfigMaps(), platform, ChildName(e.name, "dashboards"), labels);
  config_map["data"] = {{"health.json", health.dump()},
                        {"resources.json", resources.dump()},
                        {"business.json", business.dump()},
                        {"performance.json", performance.dump()}};
  return {config_map};
}

}  // namespace po::controllers::metrics_platform
