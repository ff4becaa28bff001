// The MetricsPlatform controller end to end: the platform-operator binary (scoped to one namespace
// per test, under the Helm chart's RBAC) against the harness with kwok nodes in three zones and
// moto. Each environment's sample converges to Ready (Deployments available on the fake nodes and
// spread over zones, HPA and PDB with the profile's numbers, the children Ready); the bucket's
// lifecycle and the log groups' retention are read back with the AWS CLI; an image change rolls
// the tier; the isolation switch replaces the NetworkPolicies; deletion follows the policies; and
// monitoring with and without the Prometheus Operator's CRDs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_kube_client.h"
#include "tests/integration/operator/operator_process.h"
#include "tests/integration/operator/restricted_identity.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool Eventually(const std::function<bool()>& done, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(1s);
  }
  return done();
}

std::optional<json> JsonOf(const CommandResult& r) {
  if (r.exit_code != 0) return std::nullopt;
  try {
    return json::parse(r.output);
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

class MetricsPlatformIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(RequireHarness().empty());
    auto config = kube::LoadKubeconfig(HarnessVar("KUBECONFIG"));
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    admin_ = kube::MakeRestKubeClient(*config, clock_, runner_);
    ns_ = "mpi-" + std::to_string(::getpid() % 100000) + "-" +
          std::to_string(std::time(nullptr) % 100000);
    ASSERT_EQ(Kubectl("create namespace " + ns_).exit_code, 0);
    auto identity = RestrictedIdentity::Create(*admin_, ns_, "platform-operator");
    ASSERT_TRUE(identity.ok()) << identity.status().ToString();
    identity_ = std::move(*identity);
  }

  void TearDown() override {
    if (HasFailure()) {
      if (operator_) std::cerr << "operator log (tail):\n" << Tail(operator_->Log(), 6000) << "\n";
      std::cerr << Kubectl("get mp,dbc,cc,deploy,rs,pods,hpa,pdb,netpol -o wide -n " + ns_).output
                << "\n"
                << Kubectl("get mp metrics -o yaml -n " + ns_).output << "\n";
    }
    if (operator_) {
      Kubectl("delete metricsplatforms --all --wait=false -n " + ns_);
      Eventually([&] { return Count("metricsplatforms") == 0; }, 90s);
      operator_.reset();
    }
    // Whatever is left keeps no finalizer, so the namespace can go.
    for (const std::string kind : {"metricsplatforms", "databaseclusters", "cacheclusters"}) {
      auto list = JsonOf(Kubectl("get " + kind + " -o json -n " + ns_));
      if (!list) continue;
      for (const auto& item : (*list)["items"]) {
        Kubectl("patch " + kind + " " + item["metadata"]["name"].get<std::string>() + " -n " + ns_ +
                " --type=merge -p '{\"metadata\":{\"finalizers\":null}}'");
      }
    }
    identity_.reset();
    Kubectl("delete namespace " + ns_ + " --wait=false");
    if (installed_prometheus_crds_) {
      Kubectl("delete -f " + RepoRoot() + "/tests/fixtures/prometheus-operator/");
    }
  }

  static std::string Tail(const std::string& text, size_t n) {
    return text.size() <= n ? text : text.substr(text.size() - n);
  }

  void StartOperator() {
    operator_ = std::make_unique<OperatorProcess>(
        PLATFORM_OPERATOR_BINARY, "metrics-platform-" + ns_,
        std::vector<std::string>{"--kubeconfig=" + identity_->KubeconfigPath(),
                                 "--namespace=" + ns_, "--leader-elect=false",
                                 "--aws-endpoint-url=" + HarnessVar("AWS_ENDPOINT_URL"),
                                 "--aws-region=us-east-1", "--log-format=json"});
  }

  CommandResult Kubectl(const std::string& args) { return RunWithHarness("kubectl " + args); }
  std::optional<json> Aws(const std::string& args) {
    return JsonOf(RunWithHarness("aws " + args + " --output json"));
  }

  // Applies crds/samples/metricsplatform-<env>.yaml with each `replacements` pair applied.
  void ApplySample(const std::string& environment,
                   const std::vector<std::pair<std::string, std::string>>& replacements = {}) {
    std::string yaml =
        ReadFile(RepoRoot() + "/crds/samples/metricsplatform-" + environment + ".yaml");
    ASSERT_FALSE(yaml.empty());
    for (const auto& [from, to] : replacements) ReplaceAll(yaml, from, to);
    CommandResult r =
        RunWithHarness("kubectl apply -n " + ns_ + " -f - <<'EOF'\n" + yaml + "\nEOF");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  void Patch(const std::string& patch) {
    CommandResult r = Kubectl("patch mp metrics --type=merge -n " + ns_ + " -p '" + patch + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  std::optional<json> Get(const std::string& kind, const std::string& name) {
    return JsonOf(Kubectl("get " + kind + " " + name + " -o json -n " + ns_));
  }
  int Count(const std::string& kind) {
    auto list = JsonOf(Kubectl("get " + kind + " -o json -n " + ns_));
    return list ? static_cast<int>((*list)["items"].size()) : -1;
  }
  std::set<std::string> Names(const std::string& kind) {
    std::set<std::string> names;
    if (auto list = JsonOf(Kubectl("get " + kind + " -o json -n " + ns_))) {
      for (const auto& item : (*list)["items"]) names.insert(item["metadata"]["name"]);
    }
    return names;
  }

  json Condition(const std::string& type) {
    auto mp = Get("mp", "metrics");
    if (!mp) return json();
    for (const auto& c : mp->value("status", json::object()).value("conditions", json::array())) {
      if (c.value("type", "") == type) return c;
    }
    return json();
  }
  bool Ready() {
    const json c = Condition("Ready");
    return c.is_object() && c.value("status", "") == "True";
  }

  void WaitReady(std::chrono::seconds timeout) {
    const auto start = std::chrono::steady_clock::now();
    const bool ready = Eventually([&] { return Ready(); }, timeout);
    ASSERT_TRUE(ready) << "not Ready after " << timeout.count() << " s: " << Condition("Ready");
    std::cerr << "[ ready in "
              << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                  start)
                     .count()
              << " s ]\n";
  }

  // Zones (from the nodes' topology label) of the running pods of a tier.
  std::set<std::string> ZonesOf(const std::string& tier) {
    std::map<std::string, std::string> zone_of_node;
    if (auto nodes = JsonOf(Kubectl("get nodes -o json"))) {
      for (const auto& n : (*nodes)["items"]) {
        zone_of_node[n["metadata"]["name"]] =
            n["metadata"]["labels"].value("topology.kubernetes.io/zone", "");
      }
    }
    std::set<std::string> zones;
    auto pods =
        JsonOf(Kubectl("get pods -o json -n " + ns_ + " -l app.kubernetes.io/component=" + tier));
    if (!pods) return zones;
    for (const auto& p : (*pods)["items"]) {
      if (p["status"].value("phase", "") != "Running") continue;
      zones.insert(zone_of_node[p["spec"].value("nodeName", "")]);
    }
    return zones;
  }

  void ExpectAutoscaler(const std::string& name, int min, int max) {
    auto hpa = Get("hpa", name);
    ASSERT_TRUE(hpa.has_value()) << name;
    EXPECT_EQ((*hpa)["spec"]["minReplicas"], min) << name;
    EXPECT_EQ((*hpa)["spec"]["maxReplicas"], max) << name;
  }
  void ExpectDisruptionBudget(const std::string& name, int max_unavailable) {
    auto pdb = Get("pdb", name);
    ASSERT_TRUE(pdb.has_value()) << name;
    EXPECT_EQ((*pdb)["spec"]["maxUnavailable"], max_unavailable) << name;
  }
  void ExpectAvailable(const std::string& name, int at_least) {
    auto d = Get("deployment", name);
    ASSERT_TRUE(d.has_value()) << name;
    EXPECT_GE(d->value("status", json::object()).value("availableReplicas", 0), at_least) << name;
    for (const auto& c : d->value("status", json::object()).value("conditions", json::array())) {
      if (c["type"] == "Available") {
        EXPECT_EQ(c["status"], "True") << name;
      }
    }
  }
  std::map<std::string, int> LogGroups() {
    std::map<std::string, int> groups;
    auto out =
        Aws("logs describe-log-groups --region us-east-1 --log-group-name-prefix /platform/" + ns_ +
            "/metrics/");
    if (!out) return groups;
    for (const auto& g : (*out)["logGroups"]) {
      groups[g["logGroupName"]] = g.value("retentionInDays", 0);
    }
    return groups;
  }
  bool BucketExists(const std::string& bucket, const std::string& region = "us-east-1") {
    return RunWithHarness("aws s3api head-bucket --region " + region + " --bucket " + bucket)
               .exit_code == 0;
  }
  bool PrometheusCrdsServed() {
    return Kubectl("get crd servicemonitors.monitoring.coreos.com").exit_code == 0;
  }

  RealClock clock_;
  kube::RealCommandRunner runner_;
  std::unique_ptr<kube::RestKubeClient> admin_;
  std::unique_ptr<RestrictedIdentity> identity_;
  std::unique_ptr<OperatorProcess> operator_;
  std::string ns_;
  bool installed_prometheus_crds_ = false;
};

TEST_F(MetricsPlatformIntegrationTest, DevelopmentConvergesRollsIsolatesAndDeletes) {
  ASSERT_FALSE(PrometheusCrdsServed()) << "another test left the Prometheus Operator CRDs";
  StartOperator();
  ApplySample("development");
  WaitReady(240s);

  ExpectAvailable("metrics-web", 1);
  ExpectAvailable("metrics-app", 1);
  EXPECT_EQ(Count("hpa"), 0);
  EXPECT_EQ(Count("pdb"), 0);
  auto db = Get("dbc", "metrics-db");
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ((*db)["spec"]["instanceClass"], "db.t4g.micro");
  EXPECT_EQ((*db)["spec"]["readReplicas"]["count"], 0);
  EXPECT_EQ(Condition("MonitoringReady").value("reason", ""), "PrometheusOperatorNotInstalled");
  auto mp = Get("mp", "metrics");
  EXPECT_EQ((*mp)["status"]["effective"]["environment"], "development");
  EXPECT_EQ((*mp)["status"]["phase"], "Available");
  EXPECT_EQ((*mp)["status"]["url"], "http://metrics-web." + ns_ + ".svc:80");
  auto app = Get("deployment", "metrics-app");
  EXPECT_EQ((*app)["spec"]["template"]["metadata"]["annotations"]
                .value("platform.startup-metrics.com/connection-checksum", "")
                .size(),
            64u);
  EXPECT_EQ(Names("configmap").count("metrics-dashboards"), 1u);

  // AWS, read back with the CLI.
  const std::string bucket = ns_ + "-metrics-archive";
  auto lifecycle = Aws("s3api get-bucket-lifecycle-configuration --bucket " + bucket);
  ASSERT_TRUE(lifecycle.has_value());
  EXPECT_EQ((*lifecycle)["Rules"][0]["Expiration"]["Days"], 30);
  auto versioning = Aws("s3api get-bucket-versioning --bucket " + bucket);
  ASSERT_TRUE(versioning.has_value());
  EXPECT_EQ((*versioning)["Status"], "Enabled");
  auto encryption = Aws("s3api get-bucket-encryption --bucket " + bucket);
  ASSERT_TRUE(encryption.has_value());
  EXPECT_EQ((*encryption)["ServerSideEncryptionConfiguration"]["Rules"][0]
                         ["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"],
            "aws:kms");
  auto block = Aws("s3api get-public-access-block --bucket " + bucket);
  ASSERT_TRUE(block.has_value());
  EXPECT_EQ((*block)["PublicAccessBlockConfiguration"]["BlockPublicAcls"], true);
  EXPECT_EQ(LogGroups(), (std::map<std::string, int>{{"/platform/" + ns_ + "/metrics/app", 30},
                                                     {"/platform/" + ns_ + "/metrics/web", 30}}));

  // A new image rolls the tier.
  Patch(R"({"spec":{"web":{"image":"registry.example.com/metrics-web:1.4.3"}}})");
  EXPECT_TRUE(Eventually(
      [&] {
        auto pods =
            JsonOf(Kubectl("get pods -o json -n " + ns_ + " -l app.kubernetes.io/component=web"));
        if (!pods || (*pods)["items"].size() != 1) return false;
        const json& pod = (*pods)["items"][0];
        return pod["spec"]["containers"][0]["image"] == "registry.example.com/metrics-web:1.4.3" &&
               pod["status"].value("phase", "") == "Running";
      },
      180s))
      << Kubectl("get pods -o wide -n " + ns_).output;
  WaitReady(120s);

  // The isolation switch replaces the policies, and back.
  EXPECT_EQ(Names("networkpolicy"),
            (std::set<std::string>{"metrics-allow-dns", "metrics-allow-monitoring", "metrics-app",
                                   "metrics-default-deny", "metrics-web"}));
  Patch(R"({"spec":{"network":{"isolated":true}}})");
  EXPECT_TRUE(Eventually(
      [&] { return Names("networkpolicy") == std::set<std::string>{"metrics-quarantine"}; }, 60s));
  Patch(R"({"spec":{"network":{"isolated":false}}})");
  EXPECT_TRUE(Eventually([&] { return Names("networkpolicy").size() == 5; }, 60s));

  // Deletion under deletionPolicy Delete: children, log groups and the bucket go, the bucket
  // emptied first (two versions of one object and a second object).
  for (const std::string key : {"archive/a", "archive/a", "archive/b"}) {
    ASSERT_EQ(RunWithHarness("aws s3api put-object --bucket " + bucket + " --key " + key +
                             " --body /etc/hostname")
                  .exit_code,
              0);
  }
  ASSERT_EQ(Kubectl("delete mp metrics --wait=false -n " + ns_).exit_code, 0);
  EXPECT_TRUE(Eventually([&] { return Count("metricsplatforms") == 0; }, 180s))
      << Condition("Ready");
  EXPECT_EQ(Count("databaseclusters"), 0);
  EXPECT_EQ(Count("cacheclusters"), 0);
  EXPECT_FALSE(BucketExists(bucket));
  EXPECT_TRUE(LogGroups().empty());
  EXPECT_TRUE(Eventually([&] { return Count("deployments") == 0; }, 60s));  // garbage collected
}

TEST_F(MetricsPlatformIntegrationTest, StagingConvergesWithTheProfilesNumbers) {
  StartOperator();
  ApplySample("staging");
  WaitReady(300s);

  ExpectAutoscaler("metrics-web", 2, 4);
  ExpectAutoscaler("metrics-app", 2, 6);
  ExpectDisruptionBudget("metrics-web", 1);
  ExpectDisruptionBudget("metrics-app", 1);
  ExpectAvailable("metrics-web", 2);
  ExpectAvailable("metrics-app", 2);
  EXPECT_GE(ZonesOf("web").size(), 2u);
  EXPECT_GE(ZonesOf("app").size(), 2u);
  auto cc = Get("cc", "metrics-cache");
  ASSERT_TRUE(cc.has_value());
  EXPECT_EQ((*cc)["spec"]["clusterMode"]["shards"], 2);
  EXPECT_EQ((*cc)["spec"]["multiAZ"], true);
  auto ingress = Get("ingress", "metrics");
  ASSERT_TRUE(ingress.has_value());
  EXPECT_EQ((*ingress)["spec"]["ingressClassName"], "alb");
  EXPECT_EQ((*ingress)["metadata"]["annotations"]["alb.ingress.kubernetes.io/ssl-redirect"], "443");
  EXPECT_EQ(Get("mp", "metrics").value()["status"]["url"], "https://metrics.staging.example.com");

  auto lifecycle =
      Aws("s3api get-bucket-lifecycle-configuration --bucket " + ns_ + "-metrics-archive");
  ASSERT_TRUE(lifecycle.has_value());
  const json& rule = (*lifecycle)["Rules"][0];
  EXPECT_EQ(rule["Transitions"][0]["Days"], 30);
  EXPECT_EQ(rule["Transitions"][0]["StorageClass"], "STANDARD_IA");
  EXPECT_EQ(rule["Expiration"]["Days"], 180);
  for (const auto& [name, days] : LogGroups()) EXPECT_EQ(days, 14) << name;
  EXPECT_EQ(LogGroups().size(), 2u);
}

TEST_F(MetricsPlatformIntegrationTest, ProductionConvergesAcrossThreeZonesWithReplication) {
  StartOperator();
  const std::string bucket = "mpi-" + ns_.substr(4) + "-archive";
  ApplySample("production", {{"example-metrics-archive-prod", bucket}});
  WaitReady(420s);

  ExpectAutoscaler("metrics-web", 3, 12);
  ExpectAutoscaler("metrics-app", 3, 20);
  ExpectDisruptionBudget("metrics-web", 1);
  ExpectDisruptionBudget("metrics-app", 1);
  ExpectAvailable("metrics-web", 3);
  ExpectAvailable("metrics-app", 3);
  // Spread over the three zones (DoNotSchedule); a roll in progress may briefly leave a zone
  // with only a Pending pod.
  const std::set<std::string> all_zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
  EXPECT_TRUE(Eventually([&] { return ZonesOf("web") == all_zones; }, 120s))
      << Kubectl("get pods -o wide -n " + ns_).output;
  EXPECT_TRUE(Eventually([&] { return ZonesOf("app") == all_zones; }, 120s))
      << Kubectl("get pods -o wide -n " + ns_).output;
  EXPECT_EQ(Names("networkpolicy"), std::set<std::string>{"metrics-quarantine"});
  auto db = Get("dbc", "metrics-db");
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ((*db)["spec"]["readReplicas"]["count"], 2);
  EXPECT_EQ((*db)["spec"]["disasterRecovery"]["enabled"], true);
  EXPECT_EQ((*db)["spec"]["instanceClass"], "db.r5.2xlarge");

  auto replication = Aws("s3api get-bucket-replication --bucket " + bucket);
  ASSERT_TRUE(replication.has_value());
  EXPECT_EQ((*replication)["ReplicationConfiguration"]["Rules"][0]["Destination"]["Bucket"],
            "arn:aws:s3:::" + bucket + "-dr");
  EXPECT_TRUE(BucketExists(bucket + "-dr", "us-west-2"));
  auto lifecycle = Aws("s3api get-bucket-lifecycle-configuration --bucket " + bucket);
  ASSERT_TRUE(lifecycle.has_value());
  EXPECT_EQ((*lifecycle)["Rules"][0]["Transitions"].size(), 2u);
  EXPECT_EQ((*lifecycle)["Rules"][0]["Expiration"]["Days"], 730);
  for (const auto& [name, days] : LogGroups()) EXPECT_EQ(days, 365) << name;

  // storage.deletionPolicy Retain keeps the bucket; the log groups stay under Snapshot.
  Patch(R"({"spec":{"database":{"deletionProtection":false}}})");
  ASSERT_EQ(Kubectl("delete mp metrics --wait=false -n " + ns_).exit_code, 0);
  EXPECT_TRUE(Eventually([&] { return Count("metricsplatforms") == 0; }, 240s))
      << Condition("Ready");
  EXPECT_TRUE(BucketExists(bucket));
  EXPECT_EQ(LogGroups().size(), 2u);
}

TEST_F(MetricsPlatformIntegrationTest, WithThePrometheusOperatorCrdsMonitoringIsInstalled) {
  CommandResult crds = Kubectl("apply -f " + RepoRoot() + "/tests/fixtures/prometheus-operator/");
  ASSERT_EQ(crds.exit_code, 0) << crds.output;
  installed_prometheus_crds_ = true;
  ASSERT_EQ(Kubectl("wait --for condition=Established --timeout=60s "
                    "crd/servicemonitors.monitoring.coreos.com "
                    "crd/prometheusrules.monitoring.coreos.com")
                .exit_code,
            0);
  StartOperator();
  ApplySample("development");
  WaitReady(240s);
  EXPECT_EQ(Condition("MonitoringReady").value("reason", ""), "Installed");
  EXPECT_EQ(Names("servicemonitors"), (std::set<std::string>{"metrics", "metrics-operator"}));
  EXPECT_EQ(Names("prometheusrules"), std::set<std::string>{"metrics"});
  auto monitor = Get("servicemonitor", "metrics");
  ASSERT_TRUE(monitor.has_value());
  EXPECT_EQ((*monitor)["spec"]["endpoints"][0]["interval"], "15s");

  // Alerts off: the rule is pruned.
  Patch(R"({"spec":{"monitoring":{"alerts":false}}})");
  EXPECT_TRUE(Eventually([&] { return Names("prometheusrules").empty(); }, 60s));
}

}  // namespace
}  // namespace po::testing
