// The Kubernetes resource types a MetricsPlatform owns, the names of its children and the labels
// they carry (how they are selected, pruned and watched). Plain values and pure functions;
// thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "operator/kube/resource.h"

namespace po::controllers::metrics_platform {

kube::ResourceRef MetricsPlatforms();
kube::ResourceRef DatabaseClusters();
kube::ResourceRef CacheClusters();
kube::ResourceRef Deployments();
kube::ResourceRef Services();
kube::ResourceRef HorizontalPodAutoscalers();
kube::ResourceRef PodDisruptionBudgets();
kube::ResourceRef Ingresses();
kube::ResourceRef NetworkPolicies();
kube::ResourceRef ServiceMonitors();
kube::ResourceRef PrometheusRules();

// The Kubernetes kinds a platform's reconcile applies and prunes (everything but the
// DatabaseCluster and CacheCluster, which have finalizers of their own and are deleted
// explicitly). ServiceMonitors and PrometheusRules only where served.
std::vector<kube::ResourceRef> WorkloadKinds();
std::vector<kube::ResourceRef> MonitoringKinds();

// Label on every child: the platform's name (children live in its namespace).
inline constexpr char kPlatformLabel[] = "platform.startup-metrics.com/platform";
// Pod template annotation holding DataChecksum of the connection Secrets the app tier reads.
inline constexpr char kConnectionChecksumAnnotation[] =
    "platform.startup-metrics.com/connection-checksum";

// Children of platform `platform`: "<platform>-db", "<platform>-cache", "<platform>-web", ...
std::string ChildName(const std::string& platform, const std::string& suffix);

// Labels of every child of the platform, and of the pods and objects of one tier.
std::map<std::string, std::string> PlatformLabels(const std::string& platform);
std::map<std::string, std::string> TierLabels(const std::string& platform, const std::string& tier);
// The labels a tier's pods are selected by (a subset of TierLabels).
std::map<std::string, std::string> TierSelector(const std::string& platform,
                                                const std::string& tier);

// apiVersion, kind, metadata {name, namespace, labels, ownerReferences → platform}.
nlohmann::json ChildSkeleton(const kube::ResourceRef& resource, const nlohmann::json& platform,
                             const std::string& name,
                             const std::map<std::string, std::string>& labels);

}  // namespace po::controllers::metrics_platform
