// Every desired-object builder of the MetricsPlatform controller, as tables.
#include <gtest/gtest.h>

#include "controllers/metrics_platform/children.h"
#include "controllers/metrics_platform/effective.h"
#include "controllers/metrics_platform/ingress.h"
#include "controllers/metrics_platform/monitoring.h"
#include "controllers/metrics_platform/network_policies.h"
#include "controllers/metrics_platform/resources.h"
#include "controllers/metrics_platform/workloads.h"
#include "tests/unit/controllers/metrics_platform/platform_fixture.h"

namespace po::controllers::metrics_platform {
namespace {

using nlohmann::json;
using testing::PlatformBuilder;
using testing::Sample;

Effective Must(const json& platform) {
  auto e = Resolve(platform);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return *e;
}

void ExpectOwnedBy(const json& object, const json& platform) {
  ASSERT_TRUE(object["metadata"]["ownerReferences"].is_array());
  const json& ref = object["metadata"]["ownerReferences"][0];
  EXPECT_EQ(ref["uid"], platform["metadata"]["uid"]);
  EXPECT_EQ(ref["kind"], "MetricsPlatform");
  EXPECT_EQ(ref["controller"], true);
  EXPECT_EQ(object["metadata"]["namespace"], "team-a");
  EXPECT_EQ(object["metadata"]["labels"][kPlatformLabel], platform["metadata"]["name"]);
}

TEST(ChildrenBuilderTest, DatabaseAndCacheCarryTheEffectiveSpec) {
  for (const std::string env : {"development", "staging", "production"}) {
    SCOPED_TRACE(env);
    const json platform = Sample(env);
    const Effective e = Must(platform);
    const json db = DesiredDatabaseCluster(platform, e);
    EXPECT_EQ(db["apiVersion"], "platform.startup-metrics.com/v1alpha1");
    EXPECT_EQ(db["kind"], "DatabaseCluster");
    EXPECT_EQ(db["metadata"]["name"], "metrics-db");
    EXPECT_EQ(db["spec"], e.database);
    ExpectOwnedBy(db, platform);
    const json cache = DesiredCacheCluster(platform, e);
    EXPECT_EQ(cache["kind"], "CacheCluster");
    EXPECT_EQ(cache["metadata"]["name"], "metrics-cache");
    EXPECT_EQ(cache["spec"], e.cache);
    ExpectOwnedBy(cache, platform);
  }
}

TEST(WorkloadsBuilderTest, TiersTable) {
  struct Row {
    std::string environment;
    std::string tier;
    bool replicas_set;  // no HPA: the Deployment has the count
    int replicas;
    std::string zone_when;
    bool hpa;
    int hpa_min, hpa_max;
    bool pdb;
    int service_port;
    int container_port;
  };
  const std::vector<Row> rows = {
      {"development", "web", true, 1, "ScheduleAnyway", false, 0, 0, false, 80, 8080},
      {"development", "app", true, 1, "ScheduleAnyway", false, 0, 0, false, 9090, 9090},
      {"staging", "web", false, 0, "ScheduleAnyway", true, 2, 4, true, 80, 8080},
      {"staging", "app", false, 0, "ScheduleAnyway", true, 2, 6, true, 9090, 9090},
      {"production", "web", false, 0, "DoNotSchedule", true, 3, 12, true, 80, 8080},
      {"production", "app", false, 0, "DoNotSchedule", true, 3, 20, true, 9090, 9090},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.environment + "/" + row.tier);
    const json platform = Sample(row.environment);
    const Effective e = Must(platform);
    const TierSettings& tier = row.tier == "web" ? e.web : e.app;
    const json d = DesiredDeployment(platform, e, tier, std::nullopt);
    ExpectOwnedBy(d, platform);
    EXPECT_EQ(d["metadata"]["name"], "metrics-" + row.tier);
    EXPECT_EQ(d["spec"].contains("replicas"), row.replicas_set);
    if (row.replicas_set) {
      EXPECT_EQ(d["spec"]["replicas"], row.replicas);
    }
    const json& pod = d["spec"]["template"]["spec"];
    EXPECT_EQ(d["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"], row.tier);
    EXPECT_EQ(d["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/component"], row.tier);
    EXPECT_EQ(pod["securityContext"]["runAsNonRoot"], true);
    EXPECT_GT(pod["securityContext"]["runAsUser"].get<int>(), 0);
    EXPECT_EQ(pod["topologySpreadConstraints"][0]["topologyKey"], "topology.kubernetes.io/zone");
    EXPECT_EQ(pod["topologySpreadConstraints"][0]["whenUnsatisfiable"], row.zone_when);
    EXPECT_EQ(pod["topologySpreadConstraints"][0]["matchLabelKeys"][0], "pod-template-hash");
    const json& c = pod["containers"][0];
    EXPECT_EQ(c["image"], tier.image);
    EXPECT_EQ(c["ports"][0]["containerPort"], row.container_port);
    EXPECT_EQ(c["readinessProbe"]["httpGet"]["path"], "/healthz");
    EXPECT_EQ(c["livenessProbe"]["httpGet"]["port"], "http");
    EXPECT_EQ(c["resources"]["requests"]["cpu"], tier.resources.cpu_request);
    EXPECT_EQ(c["resources"]["limits"]["memory"], tier.resources.memory_limit);
    EXPECT_EQ(c["securityContext"]["allowPrivilegeEscalation"], false);

    const json s = DesiredService(platform, e, tier);
    EXPECT_EQ(s["spec"]["ports"][0]["port"], row.service_port);
    EXPECT_EQ(s["spec"]["ports"][0]["targetPort"], "http");
    EXPECT_EQ(s["spec"]["selector"], d["spec"]["selector"]["matchLabels"]);

    const auto hpa = DesiredHorizontalPodAutoscaler(platform, e, tier);
    ASSERT_EQ(hpa.has_value(), row.hpa);
    if (hpa) {
      EXPECT_EQ((*hpa)["apiVersion"], "autoscaling/v2");
      EXPECT_EQ((*hpa)["spec"]["minReplicas"], row.hpa_min);
      EXPECT_EQ((*hpa)["spec"]["maxReplicas"], row.hpa_max);
      EXPECT_EQ((*hpa)["spec"]["scaleTargetRef"]["name"], "metrics-" + row.tier);
    }
    const auto pdb = DesiredPodDisruptionBudget(platform, e, tier);
    ASSERT_EQ(pdb.has_value(), row.pdb);
    if (pdb) {
      EXPECT_EQ((*pdb)["spec"]["maxUnavailable"], 1);
      EXPECT_EQ((*pdb)["spec"]["selector"]["matchLabels"], d["spec"]["selector"]["matchLabels"]);
    }
  }
}

TEST(WorkloadsBuilderTest, AppTierReadsConnectionSecretsAndRollsOnChecksum) {
  const json platform = Sample("staging");
  const Effective e = Must(platform);
  const Connections first{"metrics-db-conn", "metrics-cache-conn", "abc"};
  const json d = DesiredDeployment(platform, e, e.app, first);
  EXPECT_EQ(d["spec"]["template"]["metadata"]["annotations"][kConnectionChecksumAnnotation], "abc");
  std::map<std::string, json> env;
  for (const json& v : d["spec"]["template"]["spec"]["containers"][0]["env"]) env[v["name"]] = v;
  ASSERT_TRUE(env.contains("DATABASE_PASSWORD"));
  EXPECT_EQ(env["DATABASE_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"], "metrics-db-conn");
  EXPECT_EQ(env["DATABASE_PASSWORD"]["valueFrom"]["secretKeyRef"]["key"], "password");
  EXPECT_FALSE(env["DATABASE_PASSWORD"].contains("value"));
  EXPECT_EQ(env["REDIS_HOST"]["valueFrom"]["secretKeyRef"]["name"], "metrics-cache-conn");
  EXPECT_EQ(env["REDIS_AUTH_TOKEN"]["valueFrom"]["secretKeyRef"]["optional"], true);

  const json changed = DesiredDeployment(
      platform, e, e.app, Connections{first.database_secret, first.cache_secret, "def"});
  EXPECT_NE(changed["spec"]["template"], d["spec"]["template"]);

  // The web tier never sees credentials; spec env passes through.
  const json web = DesiredDeployment(platform, e, e.web, std::nullopt);
  const json& web_env = web["spec"]["template"]["spec"]["containers"][0]["env"];
  ASSERT_EQ(web_env.size(), 1u);
  EXPECT_EQ(web_env[0]["name"], "LOG_LEVEL");
  EXPECT_EQ(web_env[0]["value"], "debug");
  EXPECT_FALSE(web["spec"]["template"]["metadata"].contains("annotations"));
}

TEST(WorkloadsBuilderTest, DeploymentReadyTable) {
  struct Row {
    std::string name;
    json deployment;
    int min;
    bool ready;
  };
  auto dep = [](int gen, int spec_replicas, json status) {
    return json{{"metadata", {{"generation", gen}}},
                {"spec", {{"replicas", spec_replicas}}},
                {"status", status}};
  };
  const std::vector<Row> rows = {
      {"missing", nullptr, 1, false},
      {"not observed",
       dep(2, 1,
           {{"observedGeneration", 1},
            {"replicas", 1},
            {"updatedReplicas", 1},
            {"availableReplicas", 1}}),
       1, false},
      {"available",
       dep(1, 2,
           {{"observedGeneration", 1},
            {"replicas", 2},
            {"updatedReplicas", 2},
            {"availableReplicas", 2}}),
       2, true},
      {"below the HPA minimum",
       dep(1, 1,
           {{"observedGeneration", 1},
            {"replicas", 1},
            {"updatedReplicas", 1},
            {"availableReplicas", 1}}),
       3, false},
      {"rolling out",
       dep(1, 2,
           {{"observedGeneration", 1},
            {"replicas", 3},
            {"updatedReplicas", 1},
            {"availableReplicas", 2}}),
       2, false},
      {"old pods still running",
       dep(1, 2,
           {{"observedGeneration", 1},
            {"replicas", 3},
            {"updatedReplicas", 2},
            {"availableReplicas", 3}}),
       2, false},
  };
  for (const auto& row : rows) {
    std::string message;
    EXPECT_EQ(DeploymentReady(row.deployment, row.min, message), row.ready) << row.name;
    EXPECT_FALSE(message.empty()) << row.name;
  }
}

TEST(IngressBuilderTest, AnnotationsTable) {
  struct Row {
    std::string name;
    json ingress;
    std::map<std::string, std::string> want;  // "" = absent
    std::string url;
  };
  const std::string cert = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
  const std::string waf = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/y";
  const std::vector<Row> rows = {
      {"plain http",
       {{"host", "m.example.com"}},
       {{"alb.ingress.kubernetes.io/certificate-arn", ""},
        {"alb.ingress.kubernetes.io/ssl-redirect", ""},
        {"alb.ingress.kubernetes.io/listen-ports", R"([{"HTTP": 80}])"},
        {"alb.ingress.kubernetes.io/scheme", "internet-facing"},
        {"alb.ingress.kubernetes.io/target-type", "ip"}},
       "http://m.example.com"},
      {"tls with redirect and waf",
       {{"host", "m.example.com"}, {"certificateArn", cert}, {"wafAclArn", waf}},
       {{"alb.ingress.kubernetes.io/certificate-arn", cert},
        {"alb.ingress.kubernetes.io/ssl-redirect", "443"},
        {"alb.ingress.kubernetes.io/wafv2-acl-arn", waf},
        {"alb.ingress.kubernetes.io/listen-ports", R"([{"HTTP": 80}, {"HTTPS": 443}])"}},
       "https://m.example.com"},
      {"tls without redirect",
       {{"host", "m.example.com"}, {"certificateArn", cert}, {"sslRedirect", false}},
       {{"alb.ingress.kubernetes.io/ssl-redirect", ""},
        {"alb.ingress.kubernetes.io/wafv2-acl-arn", ""}},
       "https://m.example.com"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    const json platform =
        PlatformBuilder("production").WithSpec({{"ingress", row.ingress}}).Build();
    const Effective e = Must(platform);
    auto ingress = DesiredIngress(platform, e);
    ASSERT_TRUE(ingress.has_value());
    ExpectOwnedBy(*ingress, platform);
    EXPECT_EQ((*ingress)["spec"]["ingressClassName"], "alb");
    EXPECT_EQ((*ingress)["spec"]["rules"][0]["host"], "m.example.com");
    EXPECT_EQ((*ingress)["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"],
              "metrics-web");
    const json& annotations = (*ingress)["metadata"]["annotations"];
    for (const auto& [key, value] : row.want) {
      if (value.empty()) {
        EXPECT_FALSE(annotations.contains(key)) << key;
      } else {
        EXPECT_EQ(annotations.value(key, ""), value) << key;
      }
    }
    EXPECT_EQ(PlatformUrl(e), row.url);
  }
  const json none = PlatformBuilder("development").Build();
  EXPECT_FALSE(DesiredIngress(none, Must(none)).has_value());
}

std::vector<std::string> Names(const std::vector<json>& objects) {
  std::vector<std::string> names;
  for (const auto& o : objects) names.push_back(o["metadata"]["name"]);
  return names;
}

TEST(NetworkPoliciesBuilderTest, NormalSetAndQuarantineTable) {
  struct Row {
    bool isolated;
    std::vector<std::string> names;
  };
  const std::vector<Row> rows = {
      {false,
       {"metrics-default-deny", "metrics-allow-dns", "metrics-allow-monitoring", "metrics-web",
        "metrics-app"}},
      {true, {"metrics-quarantine"}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.isolated);
    const json platform =
        PlatformBuilder("staging").WithSpec({{"network", {{"isolated", row.isolated}}}}).Build();
    const auto policies = DesiredNetworkPolicies(platform, Must(platform));
    EXPECT_EQ(Names(policies), row.names);
    for (const auto& p : policies) {
      ExpectOwnedBy(p, platform);
      EXPECT_EQ(p["spec"]["podSelector"]["matchLabels"][kPlatformLabel].is_string() ||
                    p["spec"]["podSelector"]["matchLabels"].contains("app.kubernetes.io/component"),
                true);
    }
  }
}

TEST(NetworkPoliciesBuilderTest, RulesOpenOnlyTheExpectedPorts) {
  const json platform = PlatformBuilder("staging").Build();
  const auto policies = DesiredNetworkPolicies(platform, Must(platform));
  const json& deny = policies[0]["spec"];
  EXPECT_EQ(deny["policyTypes"], json({"Ingress", "Egress"}));
  EXPECT_FALSE(deny.contains("ingress"));
  EXPECT_FALSE(deny.contains("egress"));
  const json& app = policies[4]["spec"];
  EXPECT_EQ(
      app["ingress"][0]["from"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/component"],
      "web");
  EXPECT_EQ(app["ingress"][0]["ports"][0]["port"], 9090);
  EXPECT_EQ(app["egress"][0]["ports"][0]["port"], kPostgresPort);
  EXPECT_EQ(app["egress"][0]["ports"][1]["port"], kRedisPort);

  const json isolated =
      PlatformBuilder("staging").WithSpec({{"network", {{"isolated", true}}}}).Build();
  const json quarantine = DesiredNetworkPolicies(isolated, Must(isolated))[0]["spec"];
  ASSERT_EQ(quarantine["ingress"][0]["from"].size(), 2u);
  EXPECT_EQ(
      quarantine["ingress"][0]["from"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/name"],
      "platform-operator");
  EXPECT_EQ(quarantine["ingress"][0]["from"][1]["namespaceSelector"]["matchLabels"]
                      ["kubernetes.io/metadata.name"],
            kMonitoringNamespace);
  EXPECT_EQ(quarantine["egress"][0]["ports"][0]["port"], 53);
}

TEST(MonitoringBuilderTest, Table) {
  struct Row {
    std::string name;
    json monitoring;
    std::vector<std::string> prometheus;  // kind/name
    size_t dashboards;
  };
  const std::vector<Row> rows = {
      {"defaults",
       json::object(),
       {"ServiceMonitor/metrics", "ServiceMonitor/metrics-operator", "PrometheusRule/metrics"},
       1},
      {"no alerts",
       {{"alerts", false}},
       {"ServiceMonitor/metrics", "ServiceMonitor/metrics-operator"},
       1},
      {"no dashboards",
       {{"dashboards", false}},
       {"ServiceMonitor/metrics", "ServiceMonitor/metrics-operator", "PrometheusRule/metrics"},
       0},
      {"disabled", {{"enabled", false}}, {}, 0},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    const json platform =
        PlatformBuilder("staging").WithSpec({{"monitoring", row.monitoring}}).Build();
    const Effective e = Must(platform);
    std::vector<std::string> got;
    for (const auto& o : DesiredPrometheusObjects(platform, e)) {
      ExpectOwnedBy(o, platform);
      got.push_back(o["kind"].get<std::string>() + "/" + o["metadata"]["name"].get<std::string>());
    }
    EXPECT_EQ(got, row.prometheus);
    const auto dashboards = DesiredDashboards(platform, e);
    ASSERT_EQ(dashboards.size(), row.dashboards);
    for (const auto& cm : dashboards) {
      EXPECT_EQ(cm["metadata"]["labels"]["grafana_dashboard"], "1");
      for (const std::string key :
           {"health.json", "resources.json", "business.json", "performance.json"}) {
        ASSERT_TRUE(cm["data"].contains(key)) << key;
        const json board = json::parse(cm["data"][key].get<std::string>());
        EXPECT_FALSE(board["panels"].empty()) << key;
      }
    }
  }
}

TEST(MonitoringBuilderTest, ScrapeIntervalAndAlertRules) {
  const json platform = Sample("staging");
  const auto objects = DesiredPrometheusObjects(platform, Must(platform));
  ASSERT_EQ(objects.size(), 3u);
  EXPECT_EQ(objects[0]["spec"]["endpoints"][0]["interval"], "30s");
  EXPECT_EQ(objects[0]["spec"]["selector"]["matchLabels"][kPlatformLabel], "metrics");
  std::vector<std::string> alerts;
  for (const auto& group : objects[2]["spec"]["groups"]) {
    for (const auto& rule : group["rules"]) {
      if (rule.contains("alert")) alerts.push_back(rule["alert"]);
    }
  }
  EXPECT_EQ(alerts, (std::vector<std::string>{
                        "MetricsPlatformTierUnavailable", "MetricsPlatformTierDown",
                        "MetricsPlatformDatabaseNotReady", "MetricsPlatformCacheNotReady",
                        "PlatformOperatorReconcileErrors"}));
  // Default interval when the spec says nothing.
  const json plain = PlatformBuilder("staging").Build();
  EXPECT_EQ(DesiredPrometheusObjects(plain, Must(plain))[0]["spec"]["endpoints"][0]["interval"],
            "15s");
}

}  // namespace
}  // namespace po::controllers::metrics_platform
