// The platform's monitoring objects: ServiceMonitors for the tiers and for the operator, a
// PrometheusRule (recording rules and alerts: tier availability, database or cache not ready,
// reconcile errors) — both Prometheus Operator kinds, applied only where served — and Grafana
// dashboards as ConfigMaps labelled grafana_dashboard: "1". Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform {

// ServiceMonitors and the PrometheusRule (empty when monitoring is off; no rule without alerts).
std::vector<nlohmann::json> DesiredPrometheusObjects(const nlohmann::json& platform,
                                                     const Effective& effective);

// The dashboards ConfigMap (service health, resource use, business, performance), or none when
// monitoring or dashboards are off.
std::vector<nlohmann::json> DesiredDashboards(const nlohmann::json& platform,
                                              const Effective& effective);

}  // namespace po::controllers::metrics_platform
