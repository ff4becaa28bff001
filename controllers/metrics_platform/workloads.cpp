// Desired Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget of a tier.
#include "controllers/metrics_platform/workloads.h"

#include "controllers/metrics_platform/resources.h"

namespace po::controllers::metrics_platform {

namespace {

using nlohmann::json;

constexpr int kRunAsUser = 10001;
constexpr int kCpuUtilisationTarget = 70;

json SecretEnv(const std::string& name, const std::string& secret, const std::string& key,
               bool optional = false) {
  json ref = {{"name", secret}, {"key", key}};
  if (optional) ref["optional"] = true;
  return {{"name", name}, {"valueFrom", {{"secretKeyRef", ref}}}};
}

json ContainerEnv(const TierSettings& tier, const std::optional<Connections>& connections) {
  json env = json::array();
  for (const json& variable : tier.env) {
    if (!variable.contains("name")) continue;
    env.push_back({{"name", variable["name"]}, {"value", variable.value("value", "")}});
  }
  if (connections) {
    const std::string& db = connections->database_secret;
    const std::string& cache = connections->cache_secret;
    env.push_back(SecretEnv("DATABASE_HOST", db, "host"));
    env.push_back(SecretEnv("DATABASE_PORT", db, "port"));
    env.push_back(SecretEnv("DATABASE_USER", db, "username"));
    env.push_back(SecretEnv("DATABASE_PASSWORD", db, "password"));
    env.push_back(SecretEnv("DATABASE_NAME", db, "database"));
    env.push_back(SecretEnv("DATABASE_URL", db, "uri"));
    env.push_back(SecretEnv("REDIS_HOST", cache, "host"));
    env.push_back(SecretEnv("REDIS_PORT", cache, "port"));
    env.push_back(SecretEnv("REDIS_TLS", cache, "tls", true));
    env.push_back(SecretEnv("REDIS_AUTH_TOKEN", cache, "token", true));
  }
  return env;
}

json Probe(const TierSettings& tier, int initial_delay, int period) {
  return {{"httpGet", {{"path", tier.health_path}, {"port", "http"}}},
          {"initialDelaySeconds", initial_delay},
          {"periodSeconds", period},
          {"timeoutSeconds", 2},
          {"failureThreshold", 3}};
}

json SpreadConstraint(const std::string& topology_key, const std::string& when_unsatisfiable,
                      const std::map<std::string, std::string>& selector) {
  // matchLabelKeys: pod-template-hash counts only the pods of the same ReplicaSet, so a rolling
  // update spreads the new pods on their own instead of around the old ones about to go.
  return {{"maxSkew", 1},
          {"topologyKey", topology_key},
          {"whenUnsatisfiable", when_unsatisfiable},
          {"labelSelector", {{"matchLabels", selector}}},
          {"matchLabelKeys", json::array({"pod-template-hash"})}};
}

}  // namespace

int ServicePort(const TierSettings& tier) {
  return tier.tier == "web" ? 80 : tier.port;
}

json DesiredDeployment(const json& platform, const Effective& effective, const TierSettings& tier,
                       const std::optional<Connections>& connections) {
  const std::string name = ChildName(effective.name, tier.tier);
  const auto labels = TierLabels(effective.name, tier.tier);
  const auto selector = TierSelector(effective.name, tier.tier);
  json object = ChildSkeleton(Deployments(), platform, name, labels);

  json container = {
      {"name", tier.tier},
      {"image", tier.image},
      {"ports",
       json::array({{{"name", "http"}, {"containerPort", tier.port}, {"protocol", "TCP"}}})},
      {"env", ContainerEnv(tier, connections)},
      {"resources",
       {{"requests",
         {{"cpu", tier.resources.cpu_request}, {"memory", tier.resources.memory_request}}},
        {"limits", {{"cpu", tier.resources.cpu_limit}, {"memory", tier.resources.memory_limit}}}}},
      {"readinessProbe", Probe(tier, 5, 10)},
      {"livenessProbe", Probe(tier, 15, 20)},
      {"securityContext",
       {{"allowPrivilegeEscalation", false},
        {"readOnlyRootFilesystem", true},
        {"runAsNonRoot", true},
        {"capabilities", {{"drop", json::array({"ALL"})}}}}},
  };

  json pod_metadata = {{"labels", labels}};
  if (connections) {
    pod_metadata["annotations"] = {{kConnectionChecksumAnnotation, connections->checksum}};
  }
  json spec = {
      {"revisionHistoryLimit", 5},
      {"selector", {{"matchLabels", selector}}},
      {"strategy",
       {{"type", "RollingUpdate"}, {"rollingUpdate", {{"maxSurge", 1}, {"maxUnavailable", 0}}}}},
      {"template",
       {{"metadata", pod_metadata},
        {"spec",
         {{"automountServiceAccountToken", false},
          {"securityContext",
           {{"runAsNonRoot", true},
            {"runAsUser", kRunAsUser},
            {"runAsGroup", kRunAsUser},
            {"fsGroup", kRunAsUser},
            {"seccompProfile", {{"type", "RuntimeDefault"}}}}},
          {"topologySpreadConstraints",
           json::array(
               {SpreadConstraint("topology.kubernetes.io/zone",
                                 tier.zone_spread_required ? "DoNotSchedule" : "ScheduleAnyway",
                                 selector),
                SpreadConstraint("kubernetes.io/hostname", "ScheduleAnyway", selector)})},
          {"containers", json::array({container})}}}}},
  };
  if (!tier.Autoscaled()) spec["replicas"] = tier.min_replicas;
  object["spec"] = spec;
  return object;
}

json DesiredService(const json& platform, const Effective& effective, const TierSettings& tier) {
  json object = ChildSkeleton(Services(), platform, ChildName(effective.name, tier.tier),
                              TierLabels(effective.name, tier.tier));
  object["spec"] = {
      {"type", "ClusterIP"},
      {"selector", TierSelector(effective.name, tier.tier)},
      {"ports", json::array({{{"name", "http"},
                              {"port", ServicePort(tier)},
                              {"targetPort", "http"},
                              {"protocol", "TCP"}}})},
  };
  return object;
}

std::optional<json> DesiredHorizontalPodAutoscaler(const json& platform, const Effective& effective,
                                                   const TierSettings& tier) {
  if (!tier.Autoscaled()) return std::nullopt;
  const std::string name = ChildName(effective.name, tier.tier);
  json object = ChildSkeleton(HorizontalPodAutoscalers(), platform, name,
                              TierLabels(effective.name, tier.tier));
  object["spec"] = {
      {"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", name}}},
      {"minReplicas", tier.min_replicas},
      {"maxReplicas", tier.max_replicas},
      {"metrics",
       json::array(
           {{{"type", "Resource"},
             {"resource",
              {{"name", "cpu"},
               {"target",
                {{"type", "Utilization"}, {"averageUtilization", kCpuUtilisationTarget}}}}}}})},
  };
  return object;
}

std::optional<json> DesiredPodDisruptionBudget(const json& platform, const Effective& effective,
                                               const TierSettings& tier) {
  if (!tier.HasDisruptionBudget()) return std::nullopt;
  json object =
      ChildSkeleton(PodDisruptionBudgets(), platform, ChildName(effective.name, tier.tier),
                    TierLabels(effective.name, tier.tier));
  object["spec"] = {
      {"maxUnavailable", tier.pdb_max_unavailable},
      {"selector", {{"matchLabels", TierSelector(effective.name, tier.tier)}}},
  };
  return object;
}

bool DeploymentReady(const json& deployment, int min_available, std::string& message) {
  if (deployment.is_null()) {
    message = "the Deployment does not exist yet";
    return false;
  }
  const json status = deployment.value("status", json::object());
  const std::int64_t generation = deployment["metadata"].value("generation", std::int64_t{0});
  const int replicas = deployment["spec"].value("replicas", 1);
  const int updated = status.value("updatedReplicas", 0);
  const int available = status.value("availableReplicas", 0);
  const int total = status.value("replicas", 0);
  if (status.value("observedGeneration", std::int64_t{0}) < generation) {
    message = "the Deployment controller has not observed the latest spec";
    return false;
  }
  const int wanted = std::max(min_available, replicas);
  if (updated < replicas || total > updated) {
    message = "rolling out: " + std::to_string(updated) + " of " + std::to_string(replicas) +
              " pods updated";
    return false;
  }
  if (available < wanted) {
    message = std::to_string(available) + " of " + std::to_string(wanted) + " pods available";
    return false;
  }
  message = std::to_string(available) + " pods available";
  return true;
}

}  // namespace po::controllers::metrics_platform
