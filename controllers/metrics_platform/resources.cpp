// The resource types, names and labels of a MetricsPlatform's children.
#include "controllers/metrics_platform/resources.h"

#include "operator/kube/owner_refs.h"

namespace po::controllers::metrics_platform {

kube::ResourceRef MetricsPlatforms() {
  return {"platform.startup-metrics.com", "v1alpha1", "metricsplatforms", "MetricsPlatform"};
}
kube::ResourceRef DatabaseClusters() {
  return {"platform.startup-metrics.com", "v1alpha1", "databaseclusters", "DatabaseCluster"};
}
kube::ResourceRef CacheClusters() {
  return {"platform.startup-metrics.com", "v1alpha1", "cacheclusters", "CacheCluster"};
}
kube::ResourceRef Deployments() {
  return {"apps", "v1", "deployments", "Deployment"};
}
kube::ResourceRef Services() {
  return {"", "v1", "services", "Service"};
}
kube::ResourceRef HorizontalPodAutoscalers() {
  return {"autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler"};
}
kube::ResourceRef PodDisruptionBudgets() {
  return {"policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget"};
}
kube::ResourceRef Ingresses() {
  return {"networking.k8s.io", "v1", "ingresses", "Ingress"};
}
kube::ResourceRef NetworkPolicies() {
  return {"networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"};
}
kube::ResourceRef ServiceMonitors() {
  return {"monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor"};
}
kube::ResourceRef PrometheusRules() {
  return {"monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule"};
}

std::vector<kube::ResourceRef> WorkloadKinds() {
  return {Deployments(), Services(),        HorizontalPodAutoscalers(), PodDisruptionBudgets(),
          Ingresses(),   NetworkPolicies(), kube::ConfigMaps()};
}

std::vector<kube::ResourceRef> MonitoringKinds() {
  return {ServiceMonitors(), PrometheusRules()};
}

std::string ChildName(const std::string& platform, const std::string& suffix) {
  return suffix.empty() ? platform : platform + "-" + suffix;
}

std::map<std::string, std::string> PlatformLabels(const std::string& platform) {
  return {
      {"app.kubernetes.io/name", "metrics-platform"},
      {"app.kubernetes.io/instance", platform},
      {"app.kubernetes.io/managed-by", "platform-operator"},
      {kPlatformLabel, platform},
  };
}

std::map<std::string, std::string> TierLabels(const std::string& platform,
                                              const std::string& tier) {
  auto labels = PlatformLabels(platform);
  labels["app.kubernetes.io/component"] = tier;
  return labels;
}

std::map<std::string, std::string> TierSelector(const std::string& platform,
                                                const std::string& tier) {
  return {{kPlatformLabel, platform}, {"app.kubernetes.io/component", tier}};
}

nlohmann::json ChildSkeleton(const kube::ResourceRef& resource, const nlohmann::json& platform,
                             const std::string& name,
                             const std::map<std::string, std::string>& labels) {
  return {
      {"apiVersion", resource.ApiVersion()},
      {"kind", resource.kind},
      {"metadata",
       {{"name", name},
        {"namespace", kube::NamespaceOf(platform)},
        {"labels", labels},
        {"ownerReferences", nlohmann::json::array({kube::ControllerReferenceTo(platform)})}}},
  };
}

}  // namespace po::controllers::metrics_platform
