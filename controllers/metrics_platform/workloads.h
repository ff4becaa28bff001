// The desired Kubernetes objects of one tier (web or app): Deployment (probes, resources,
// non-root security context, topology spread over zones), Service, HorizontalPodAutoscaler and
// PodDisruptionBudget. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform {

// Where the app tier finds the database and the cache: the children's connection Secrets, and a
// checksum of their contents that rolls the pods when an endpoint or a credential changes.
struct Connections {
  std::string database_secret;
  std::string cache_secret;
  std::string checksum;
};

// The tier's Deployment. With `connections` (app tier) the container reads DATABASE_* and
// REDIS_* from the Secrets and the pod template carries the checksum annotation. An autoscaled
// tier leaves spec.replicas to its HorizontalPodAutoscaler.
nlohmann::json DesiredDeployment(const nlohmann::json& platform, const Effective& effective,
                                 const TierSettings& tier,
                                 const std::optional<Connections>& connections);

// The tier's ClusterIP Service: port 80 for the web tier, the tier's port for the app tier.
nlohmann::json DesiredService(const nlohmann::json& platform, const Effective& effective,
                              const TierSettings& tier);
int ServicePort(const TierSettings& tier);

// autoscaling/v2, on CPU utilisation; std::nullopt when the tier is not autoscaled.
std::optional<nlohmann::json> DesiredHorizontalPodAutoscaler(const nlohmann::json& platform,
                                                             const Effective& effective,
                                                             const TierSettings& tier);

// policy/v1 with the profile's maxUnavailable; std::nullopt when the tier has none.
std::optional<nlohmann::json> DesiredPodDisruptionBudget(const nlohmann::json& platform,
                                                         const Effective& effective,
                                                         const TierSettings& tier);

// Whether an observed Deployment has rolled out its latest spec with at least `min_available`
// available pods; `message` says what it waits for.
bool DeploymentReady(const nlohmann::json& deployment, int min_available, std::string& message);

}  // namespace po::controllers::metrics_platform
