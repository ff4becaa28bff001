// MetricsPlatformReconciler against the in-memory Kubernetes client and AWS fakes: first pass,
// children becoming ready, the app tier wired to the connection Secrets (and rolled when they
// change), the isolation switch, monitoring kinds served or not, and deletion per policy.
#include "controllers/metrics_platform/reconciler.h"

#include <gtest/gtest.h>

#include "controllers/common/deletion_policy.h"
#include "controllers/metrics_platform/resources.h"
#include "operator/app/kube_status_client.h"
#include "operator/kube/base64.h"
#include "operator/kube/fake_kube_client.h"
#include "operator/runtime/conditions.h"
#include "tests/unit/controllers/metrics_platform/fake_aws.h"
#include "tests/unit/controllers/metrics_platform/platform_fixture.h"

namespace po::controllers::metrics_platform {
namespace {

using nlohmann::json;
using testing::FakeLogs;
using testing::FakeS3;
using testing::PlatformBuilder;

// The fake treats an apply patch as a merge patch of an existing object; the apiserver creates
// the object when it is missing. This adapter adds that.
class ApplyingClient final : public kube::KubeClient {
 public:
  explicit ApplyingClient(kube::FakeKubeClient& fake) : fake_(fake) {}
  Result<json> Get(const kube::ResourceRef& r, std::string_view ns, std::string_view n) override {
    return fake_.Get(r, ns, n);
  }
  Result<kube::ObjectList> ListPage(const kube::ResourceRef& r, std::string_view ns,
                                    const kube::ListOptions& o) override {
    return fake_.ListPage(r, ns, o);
  }
  Result<json> Create(const kube::ResourceRef& r, std::string_view ns, const json& o) override {
    return fake_.Create(r, ns, o);
  }
  Result<json> Update(const kube::ResourceRef& r, const json& o, std::string_view sub) override {
    return fake_.Update(r, o, sub);
  }
  Result<json> Patch(const kube::ResourceRef& r, std::string_view ns, std::string_view n,
                     kube::PatchType type, std::string_view patch, std::string_view sub) override {
    if (type == kube::PatchType::kApply && sub.empty()) {
      auto existing = fake_.Get(r, ns, n);
      if (!existing.ok() && existing.status().code() == StatusCode::kNotFound) {
        return fake_.Create(r, ns, json::parse(patch));
      }
    }
    return fake_.Patch(r, ns, n, type, patch, sub);
  }
  Status Delete(const kube::ResourceRef& r, std::string_view ns, std::string_view n,
                const kube::DeleteOptions& o) override {
    return fake_.Delete(r, ns, n, o);
  }
  Status Watch(const kube::ResourceRef& r, std::string_view ns, const kube::ListOptions& o,
               const WatchHandler& h, std::stop_token s) override {
    return fake_.Watch(r, ns, o, h, s);
  }
  Result<bool> IsServed(std::string_view g, std::string_view v, std::string_view k) override {
    return fake_.IsServed(g, v, k);
  }

 private:
  kube::FakeKubeClient& fake_;
};

class ReconcilerTest : public ::testing::Test {
 protected:
  ReconcilerTest()
      : client_(fake_),
        status_(client_, MetricsPlatforms()),
        reconciler_({.client = client_,
                     .status = status_,
                     .s3 = s3_,
                     .logs = logs_,
                     .clock = clock_,
                     .events = nullptr,
                     .metrics = nullptr}) {}

  void CreatePlatform(const json& platform) {
    json object = platform;
    object["metadata"].erase("uid");
    auto created = fake_.Create(MetricsPlatforms(), "team-a", object);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  runtime::ReconcileResult Reconcile() {
    runtime::ReconcileContext context(runtime::Logger::Discard(clock_), "test", stopping_);
    return reconciler_.Reconcile({"team-a", "metrics"}, context);
  }

  json Get(const kube::ResourceRef& r, const std::string& name) {
    auto got = fake_.Get(r, "team-a", name);
    return got.ok() ? *got : json();
  }

  std::vector<std::string> NamesOf(const kube::ResourceRef& r) {
    std::vector<std::string> names;
    for (const auto& o : fake_.Objects(r)) names.push_back(kube::NameOf(o));
    return names;
  }

  std::string Condition(const std::string& type) {
    const json mp = Get(MetricsPlatforms(), "metrics");
    const json* c = runtime::FindCondition(mp["status"]["conditions"], type);
    return c == nullptr
               ? ""
               : (*c)["status"].get<std::string>() + "/" + (*c)["reason"].get<std::string>();
  }

  // The child reports Ready with a connection Secret holding `data`.
  void ChildReady(const kube::ResourceRef& r, const std::string& name,
                  const std::map<std::string, std::string>& data) {
    json secret = {{"apiVersion", "v1"},
                   {"kind", "Secret"},
                   {"metadata", {{"name", name + "-connection"}, {"namespace", "team-a"}}},
                   {"data", json::object()}};
    for (const auto& [k, v] : data) secret["data"][k] = kube::Base64Encode(v);
    auto existing = fake_.Get(kube::Secrets(), "team-a", name + "-connection");
    if (existing.ok()) {
      secret["metadata"]["resourceVersion"] = kube::ResourceVersionOf(*existing);
      ASSERT_TRUE(fake_.Update(kube::Secrets(), secret).ok());
    } else {
      ASSERT_TRUE(fake_.Create(kube::Secrets(), "team-a", secret).ok());
    }
    json child = Get(r, name);
    child["status"] = {
        {"phase", "Available"},
        {"connectionSecret", name + "-connection"},
        {"endpoint", json::object({{"host", name + ".aws"}, {"port", 1}})},
        {"conditions", json::array({{{"type", "Ready"},
                                     {"status", "True"},
                                     {"reason", "Available"},
                                     {"message", ""},
                                     {"lastTransitionTime", "2026-01-01T00:00:00Z"}}})}};
    ASSERT_TRUE(fake_.Update(r, child, "status").ok());
  }

  void DeploymentAvailable(const std::string& name, int replicas) {
    json d = Get(Deployments(), name);
    ASSERT_FALSE(d.is_null()) << name;
    d["spec"]["replicas"] = replicas;  // as the HPA would scale it
    ASSERT_TRUE(fake_.Update(Deployments(), d).ok());
    d = Get(Deployments(), name);
    d["status"] = {{"replicas", replicas},
                   {"updatedReplicas", replicas},
                   {"availableReplicas", replicas},
                   {"readyReplicas", replicas}};
    ASSERT_TRUE(fake_.Update(Deployments(), d, "status").ok());
  }

  void UpdateSpec(const json& overrides) {
    json mp = Get(MetricsPlatforms(), "metrics");
    mp["spec"] = MergeOverrides(mp["spec"], overrides);
    ASSERT_TRUE(fake_.Update(MetricsPlatforms(), mp).ok());
  }

  kube::FakeKubeClient fake_;
  ApplyingClient client_;
  app::KubeStatusClient status_;
  FakeS3 s3_;
  FakeLogs logs_;
  FakeClock clock_;
  std::atomic<bool> stopping_{false};
  MetricsPlatformReconciler reconciler_;
};

TEST_F(ReconcilerTest, ConvergesStagingToReadyAndWiresTheAppTier) {
  CreatePlatform(PlatformBuilder("staging").Build());
  auto first = Reconcile();
  ASSERT_EQ(first.kind(), runtime::ReconcileResult::Kind::kRequeueAfter)
      << first.error().ToString();

  json mp = Get(MetricsPlatforms(), "metrics");
  EXPECT_EQ(mp["metadata"]["finalizers"], json::array({kFinalizer}));
  EXPECT_EQ(mp["status"]["phase"], "Creating");
  EXPECT_EQ(mp["status"]["effective"]["environment"], "staging");
  EXPECT_EQ(mp["status"]["effective"]["web"]["replicas"]["max"], 5);
  EXPECT_EQ(mp["status"]["url"], "http://metrics-web.team-a.svc:80");
  EXPECT_EQ(Condition("DatabaseReady"), "False/Creating");
  EXPECT_EQ(Condition("WorkloadsReady"), "False/DeploymentProgressing");
  EXPECT_EQ(mp["status"]["components"]["app"]["ready"], false);
  EXPECT_EQ(mp["status"]["components"]["app"]["message"],
            "waiting for the database and cache connection Secrets");
  EXPECT_EQ(Condition("StorageReady"), "True/StorageReady");
  EXPECT_EQ(Condition("MonitoringReady"), "True/PrometheusOperatorNotInstalled");
  EXPECT_EQ(Condition("Ready"), "False/ComponentsNotReady");

  const json db = Get(DatabaseClusters(), "metrics-db");
  ASSERT_FALSE(db.is_null());
  EXPECT_EQ(db["spec"]["readReplicas"]["count"], 1);
  EXPECT_EQ(db["metadata"]["ownerReferences"][0]["uid"], mp["metadata"]["uid"]);
  EXPECT_FALSE(Get(CacheClusters(), "metrics-cache").is_null());
  // The web tier runs at once; the app tier waits for the connection Secrets.
  EXPECT_EQ(NamesOf(Deployments()), std::vector<std::string>{"metrics-web"});
  EXPECT_EQ(NamesOf(Services()), (std::vector<std::string>{"metrics-app", "metrics-web"}));
  EXPECT_EQ(NamesOf(HorizontalPodAutoscalers()),
            (std::vector<std::string>{"metrics-app", "metrics-web"}));
  EXPECT_EQ(NamesOf(PodDisruptionBudgets()),
            (std::vector<std::string>{"metrics-app", "metrics-web"}));
  EXPECT_EQ(NamesOf(NetworkPolicies()).size(), 5u);
  EXPECT_EQ(NamesOf(kube::ConfigMaps()), std::vector<std::string>{"metrics-dashboards"});
  EXPECT_TRUE(NamesOf(ServiceMonitors()).empty());
  EXPECT_EQ(s3_.Buckets().size(), 1u);
  EXPECT_EQ(logs_.Groups().size(), 2u);

  ChildReady(DatabaseClusters(), "metrics-db", {{"host", "db.aws"}, {"password", "p1"}});
  ChildReady(CacheClusters(), "metrics-cache", {{"host", "cache.aws"}});
  Reconcile();
  const json app = Get(Deployments(), "metrics-app");
  ASSERT_FALSE(app.is_null());
  const std::string checksum =
      app["spec"]["template"]["metadata"]["annotations"][kConnectionChecksumAnnotation];
  EXPECT_EQ(checksum.size(), 64u);
  EXPECT_EQ(Condition("DatabaseReady"), "True/Ready");
  EXPECT_EQ(Condition("WorkloadsReady"), "False/DeploymentProgressing");

  DeploymentAvailable("metrics-web", 2);
  DeploymentAvailable("metrics-app", 2);
  auto ready = Reconcile();
  EXPECT_EQ(Condition("WorkloadsReady"), "True/DeploymentsAvailable");
  EXPECT_EQ(Condition("Ready"), "True/AllComponentsReady");
  EXPECT_EQ(Get(MetricsPlatforms(), "metrics")["status"]["phase"], "Available");
  EXPECT_EQ(ready.requeue_after(), ReconcilerOptions{}.ready_resync);

  // A rotated password changes the checksum, which rolls the app tier.
  ChildReady(DatabaseClusters(), "metrics-db", {{"host", "db.aws"}, {"password", "p2"}});
  Reconcile();
  EXPECT_NE(Get(Deployments(), "metrics-app")["spec"]["template"]["metadata"]["annotations"]
                                             [kConnectionChecksumAnnotation],
            checksum);
}

TEST_F(ReconcilerTest, IsolationSwitchReplacesThePolicies) {
  CreatePlatform(PlatformBuilder("development").Build());
  Reconcile();
  EXPECT_EQ(NamesOf(NetworkPolicies()),
            (std::vector<std::string>{"metrics-allow-dns", "metrics-allow-monitoring",
                                      "metrics-app", "metrics-default-deny", "metrics-web"}));
  UpdateSpec({{"network", {{"isolated", true}}}});
  Reconcile();
  EXPECT_EQ(NamesOf(NetworkPolicies()), std::vector<std::string>{"metrics-quarantine"});
  UpdateSpec({{"network", {{"isolated", false}}}});
  Reconcile();
  EXPECT_EQ(NamesOf(NetworkPolicies()).size(), 5u);
}

TEST_F(ReconcilerTest, AutoscalingAndIngressFollowTheSpec) {
  CreatePlatform(PlatformBuilder("development").Build());
  Reconcile();
  EXPECT_TRUE(NamesOf(HorizontalPodAutoscalers()).empty());
  EXPECT_TRUE(NamesOf(Ingresses()).empty());
  UpdateSpec({{"web", {{"replicas", {{"min", 2}, {"max", 4}}}}},
              {"ingress", {{"host", "m.example.com"}}}});
  Reconcile();
  EXPECT_EQ(NamesOf(HorizontalPodAutoscalers()), std::vector<std::string>{"metrics-web"});
  EXPECT_EQ(NamesOf(Ingresses()), std::vector<std::string>{"metrics"});
  UpdateSpec({{"web", {{"replicas", {{"min", 1}, {"max", 1}}}}}});
  json mp = Get(MetricsPlatforms(), "metrics");
  mp["spec"].erase("ingress");
  ASSERT_TRUE(fake_.Update(MetricsPlatforms(), mp).ok());
  Reconcile();
  EXPECT_TRUE(NamesOf(HorizontalPodAutoscalers()).empty());
  EXPECT_TRUE(NamesOf(Ingresses()).empty());
}

TEST_F(ReconcilerTest, PrometheusOperatorKindsWhenServed) {
  fake_.Serve("monitoring.coreos.com/v1/ServiceMonitor");
  fake_.Serve("monitoring.coreos.com/v1/PrometheusRule");
  CreatePlatform(PlatformBuilder("development").Build());
  Reconcile();
  EXPECT_EQ(NamesOf(ServiceMonitors()), (std::vector<std::string>{"metrics", "metrics-operator"}));
  EXPECT_EQ(NamesOf(PrometheusRules()), std::vector<std::string>{"metrics"});
  EXPECT_EQ(Condition("MonitoringReady"), "True/Installed");
  UpdateSpec({{"monitoring", {{"alerts", false}}}});
  Reconcile();
  EXPECT_TRUE(NamesOf(PrometheusRules()).empty());
}

TEST_F(ReconcilerTest, DeletionRemovesChildrenThenAwsPerPolicy) {
  CreatePlatform(PlatformBuilder("development").WithSpec({{"deletionPolicy", "Delete"}}).Build());
  Reconcile();
  ASSERT_EQ(s3_.Buckets().size(), 1u);
  json mp = Get(MetricsPlatforms(), "metrics");
  mp["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z";
  ASSERT_TRUE(fake_.Update(MetricsPlatforms(), mp).ok());

  auto waiting = Reconcile();
  EXPECT_EQ(waiting.kind(), runtime::ReconcileResult::Kind::kRequeueAfter);
  EXPECT_TRUE(Get(DatabaseClusters(), "metrics-db").is_null());
  EXPECT_TRUE(Get(CacheClusters(), "metrics-cache").is_null());
  EXPECT_EQ(Get(MetricsPlatforms(), "metrics")["status"]["phase"], "Deleting");
  EXPECT_EQ(s3_.Buckets().size(), 1u);  // AWS cleanup waits for the children

  auto done = Reconcile();
  EXPECT_EQ(done.kind(), runtime::ReconcileResult::Kind::kDone) << done.error().ToString();
  EXPECT_TRUE(s3_.Buckets().empty());
  EXPECT_TRUE(logs_.Groups().empty());
  EXPECT_FALSE(Get(MetricsPlatforms(), "metrics")["metadata"].contains("finalizers") &&
               !Get(MetricsPlatforms(), "metrics")["metadata"]["finalizers"].empty());
}

TEST_F(ReconcilerTest, DeletionKeepsARetainedBucketAndLogGroups) {
  CreatePlatform(
      PlatformBuilder("development")
          .WithSpec({{"deletionPolicy", "Snapshot"}, {"storage", {{"deletionPolicy", "Retain"}}}})
          .Build());
  Reconcile();
  json mp = Get(MetricsPlatforms(), "metrics");
  mp["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z";
  ASSERT_TRUE(fake_.Update(MetricsPlatforms(), mp).ok());
  Reconcile();
  auto done = Reconcile();
  EXPECT_EQ(done.kind(), runtime::ReconcileResult::Kind::kDone) << done.error().ToString();
  EXPECT_EQ(s3_.Buckets().size(), 1u);
  EXPECT_EQ(logs_.Groups().size(), 2u);
}

TEST_F(ReconcilerTest, ForeignObjectOfTheSameNameIsNotTakenOver) {
  json foreign = {{"apiVersion", "apps/v1"},
                  {"kind", "Deployment"},
                  {"metadata",
                   {{"name", "metrics-web"},
                    {"namespace", "team-a"},
                    {"ownerReferences", json::array({{{"apiVersion", "apps/v1"},
                                                      {"kind", "ReplicaSet"},
                                                      {"name", "other"},
                                                      {"uid", "someone-else"},
                                                      {"controller", true}}})}}},
                  {"spec", {{"replicas", 7}}}};
  ASSERT_TRUE(fake_.Create(Deployments(), "team-a", foreign).ok());
  CreatePlatform(PlatformBuilder("development").Build());
  Reconcile();
  EXPECT_EQ(Get(Deployments(), "metrics-web")["spec"]["replicas"], 7);
  EXPECT_EQ(Condition("WorkloadsReady").substr(0, 5), "False");
}

TEST_F(ReconcilerTest, UnknownEnvironmentIsTerminal) {
  CreatePlatform(PlatformBuilder("qa").Build());
  auto result = Reconcile();
  EXPECT_EQ(result.kind(), runtime::ReconcileResult::Kind::kTerminalError);
  EXPECT_EQ(Condition("Ready"), "False/InvalidSpec");
  EXPECT_EQ(Get(MetricsPlatforms(), "metrics")["status"]["phase"], "Failed");
}

}  // namespace
}  // namespace po::controllers::metrics_platform
