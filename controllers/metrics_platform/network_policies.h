// The platform's NetworkPolicies. Normally: default deny for every platform pod, DNS, the web
// tier open to clients and able to reach the app tier, the app tier reachable from the web tier
// and able to reach PostgreSQL and Redis, and scraping from the monitoring namespace. With
// network.isolated (the network-isolation playbook's quarantine) one policy replaces them all:
// only the operator and the monitoring stack may reach the pods, and the pods only DNS.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform {

// Namespace whose pods may scrape the tiers (kubernetes.io/metadata.name).
inline constexpr char kMonitoringNamespace[] = "monitoring";
inline constexpr int kPostgresPort = 5432;
inline constexpr int kRedisPort = 6379;

std::vector<nlohmann::json> DesiredNetworkPolicies(const nlohmann::json& platform,
                                                   const Effective& effective);

}  // namespace po::controllers::metrics_platform
