// The generic runtime wired by po_app (shared informers, ControllerBuilder, Manager, status writer
// and finalizer helpers over KubeStatusClient) against the harness apiserver, running as the
// chart's restricted identity: 1,000 ConfigMaps churned concurrently, status writes that hit 409,
// and finalizers of other owners kept intact.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "operator/app/controller_builder.h"
#include "operator/app/controller_setup.h"
#include "operator/app/kube_status_client.h"
#include "operator/app/shared_informers.h"
#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/random_source.h"
#include "operator/kube/rest_kube_client.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/finalizers.h"
#include "operator/runtime/manager.h"
#include "operator/runtime/status_writer.h"
#include "tests/integration/operator/restricted_identity.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll = 100ms) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(poll);
  }
  return done();
}

// Runs `work(i)` for i in [0, n) on `threads` threads.
void Parallel(int n, int threads, const std::function<void(int)>& work) {
  std::atomic<int> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i; (i = next++) < n;) work(i);
    });
  }
  for (auto& thread : pool) thread.join();
}

class RuntimeEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RequireHarness();
    auto config = kube::LoadKubeconfig(HarnessVar("KUBECONFIG"));
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    admin_ = kube::MakeRestKubeClient(*config, clock_, runner_);
    ns_ = "po-it-rt-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++);
    json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns_}}}};
    ASSERT_TRUE(admin_->Create(kube::Namespaces(), "", ns).ok());
  }
  void TearDown() override {
    restricted_.reset();
    identity_.reset();
    if (admin_) (void)admin_->Delete(kube::Namespaces(), "", ns_);
  }
  // The restricted identity with `extra_rules` bound besides the chart's, and a client for it.
  void UseRestrictedIdentity(const json& extra_rules = json::array()) {
    auto identity = RestrictedIdentity::Create(*admin_, ns_, "platform-operator", extra_rules);
    ASSERT_TRUE(identity.ok()) << identity.status().ToString();
    identity_ = std::move(*identity);
    restricted_ = kube::MakeRestKubeClient(identity_->Config(), clock_, runner_);
  }

  RealClock clock_;
  kube::RealCommandRunner runner_;
  kube::RealRandom random_;
  std::unique_ptr<kube::RestKubeClient> admin_;
  std::unique_ptr<RestrictedIdentity> identity_;
  std::unique_ptr<kube::RestKubeClient> restricted_;
  std::string ns_;
  static inline int counter_ = 0;
};

// Level-based example reconciler: copies data.value to data.observed when they differ, and records
// the resourceVersion of the object it last saw for each key ("" once the object is gone).
class MirrorReconciler final : public runtime::Reconciler {
 public:
  MirrorReconciler(kube::KubeClient& client, const kube::Store& store)
      : client_(client), store_(store) {}

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext&) override {
    kube::ObjectPtr object = store_.Get(request.Key());
    {
      std::lock_guard lock(mu_);
      seen_[request.Key()] = object ? kube::ResourceVersionOf(*object) : "";
      ++reconciles_;
    }
    if (!object) return runtime::ReconcileResult::Done();
    const json data = object->value("data", json::object());
    const std::string value = data.value("value", "");
    if (data.value("observed", "") == value) return runtime::ReconcileResult::Done();
    json patch = {{"data", {{"observed", value}}}};
    auto patched = client_.Patch(kube::ConfigMaps(), request.ns, request.name,
                                 kube::PatchType::kMerge, patch.dump());
    if (!patched.ok() && patched.status().code() != StatusCode::kNotFound) {
      return runtime::ReconcileResult::RetryableError(patched.status());
    }
    return runtime::ReconcileResult::Done();
  }

  std::map<std::string, std::string> Seen() const {
    std::lock_guard lock(mu_);
    return seen_;
  }
  int Reconciles() const {
    std::lock_guard lock(mu_);
    return reconciles_;
  }

 private:
  kube::KubeClient& client_;
  const kube::Store& store_;
  mutable std::mutex mu_;
  std::map<std::string, std::string> seen_;
  int reconciles_ = 0;
};

TEST_F(RuntimeEndToEndTest,
       ThousandConfigMapsChurnedConcurrentlyAreReconciledAfterTheirLastChange) {
  ASSERT_NO_FATAL_FAILURE(UseRestrictedIdentity());
  const std::string label = "po-it.example/mirror";
  const std::string selector = label + "=" + ns_;
  metrics::Registry registry;
  runtime::Manager manager({}, clock_, registry, runtime::Logger::Discard(clock_));
  app::SharedInformers informers(*restricted_, clock_, random_, manager);
  app::ControllerSetup setup{
      *restricted_, informers, manager, clock_, registry, runtime::Logger::Discard(clock_), ns_, 4};
  auto cache = informers.For({kube::ConfigMaps(), ns_, selector});
  auto reconciler = std::make_shared<MirrorReconciler>(*restricted_, cache->GetStore());
  auto controller = app::ControllerBuilder(setup, kube::ConfigMaps(), selector)
                        .Named("mirror")
                        .Complete(reconciler);
  ASSERT_TRUE(controller.ok()) << controller.status().ToString();
  Status run_result;
  std::thread run([&] { run_result = manager.Run(); });
  ASSERT_TRUE(Eventually([&] { return manager.CachesSynced().ok(); }, 30s));

  // Another client churns: 1,000 creates, then updates of every other object concurrently with
  // deletes of every fifth, each on 8 threads.
  constexpr int kObjects = 1000;
  auto name = [](int i) { return "cm-" + std::to_string(i); };
  const auto started = std::chrono::steady_clock::now();
  std::atomic<int> failures{0};
  Parallel(kObjects, 8, [&](int i) {
    json cm = {{"apiVersion", "v1"},
               {"kind", "ConfigMap"},
               {"metadata", {{"name", name(i)}, {"namespace", ns_}, {"labels", {{label, ns_}}}}},
               {"data", {{"value", "v1"}}}};
    if (!admin_->Create(kube::ConfigMaps(), ns_, cm).ok()) ++failures;
  });
  Parallel(kObjects, 8, [&](int i) {
    if (i % 5 == 0) {
      if (!admin_->Delete(kube::ConfigMaps(), ns_, name(i)).ok()) ++failures;
    } else if (i % 2 == 0) {
      json patch = {{"data", {{"value", "v2-" + std::to_string(i)}}}};
      if (!admin_->Patch(kube::ConfigMaps(), ns_, name(i), kube::PatchType::kMerge, patch.dump())
               .ok()) {
        ++failures;
      }
    }
  });
  ASSERT_EQ(failures.load(), 0);

  // Quiescence: every object mirrored, and the last version the reconciler saw of each key is
  // the final one (deleted keys last seen as gone).
  std::string mismatch;
  auto converged = [&] {
    auto list = admin_->List(kube::ConfigMaps(), ns_, {.label_selector = selector});
    if (!list.ok()) return false;
    std::map<std::string, std::string> want;
    for (const auto& item : list->items) {
      want[kube::ObjectKeyOf(item)] = kube::ResourceVersionOf(item);
      const json data = item.value("data", json::object());
      if (data.value("observed", "") != data.value("value", "")) {
        mismatch = kube::ObjectKeyOf(item) + " not mirrored";
        return false;
      }
    }
    for (int i = 0; i < kObjects; i += 5) want[ns_ + "/" + name(i)] = "";
    auto seen = reconciler->Seen();
    if (seen != want) {
      mismatch =
          "seen " + std::to_string(seen.size()) + " keys, want " + std::to_string(want.size());
      for (const auto& [key, rv] : want) {
        if (seen[key] != rv) {
          mismatch +=
              "; first difference " + key + ": seen \"" + seen[key] + "\", final \"" + rv + "\"";
          break;
        }
      }
      return false;
    }
    return manager.IsLeading() && (*controller)->queue().Len() == 0;
  };
  ASSERT_TRUE(Eventually(converged, 120s, 250ms)) << mismatch;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf(
      "[figures] 1,000 ConfigMaps created, 400 updated and 200 deleted concurrently: converged "
      "after %.1f s with %d reconciles\n",
      seconds, reconciler->Reconciles());

  // The informer's store equals a fresh LIST.
  auto list = restricted_->List(kube::ConfigMaps(), ns_, {.label_selector = selector});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::map<std::string, std::string> listed, cached;
  for (const auto& item : list->items)
    listed[kube::ObjectKeyOf(item)] = kube::ResourceVersionOf(item);
  for (const auto& object : cache->GetStore().List()) {
    cached[kube::ObjectKeyOf(*object)] = kube::ResourceVersionOf(*object);
  }
  EXPECT_EQ(listed.size(), 800u);
  EXPECT_EQ(cached, listed);

  manager.RequestStop();
  run.join();
  EXPECT_TRUE(run_result.ok()) << run_result.ToString();
}

TEST_F(RuntimeEndToEndTest, StatusWriteConflictIsRetriedAndLands) {
  // A test-only CRD with a status subresource, installed with admin credentials; the restricted
  // account gets a test-only ClusterRole for it.
  const std::string group = "it" + std::to_string(::getpid()) + ".po-it.example.com";
  const kube::ResourceRef widgets{group, "v1", "widgets", "Widget", true};
  json crd = {
      {"apiVersion", "apiextensions.k8s.io/v1"},
      {"kind", "CustomResourceDefinition"},
      {"metadata", {{"name", "widgets." + group}}},
      {"spec",
       {{"group", group},
        {"scope", "Namespaced"},
        {"names", {{"plural", "widgets"}, {"singular", "widget"}, {"kind", "Widget"}}},
        {"versions",
         {{{"name", "v1"},
           {"served", true},
           {"storage", true},
           {"subresources", {{"status", json::object()}}},
           {"schema",
            {{"openAPIV3Schema",
              {{"type", "object"},
               {"properties",
                {{"spec", {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}},
                 {"status",
                  {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}}}}}}}}}}};
  ASSERT_TRUE(admin_->Create(kube::CustomResourceDefinitions(), "", crd).ok());
  struct CrdCleanup {
    kube::KubeClient& admin;
    std::string name;
    ~CrdCleanup() { (void)admin.Delete(kube::CustomResourceDefinitions(), "", name); }
  } cleanup{*admin_, "widgets." + group};
  ASSERT_NO_FATAL_FAILURE(UseRestrictedIdentity(json::array(
      {{{"apiGroups", {group}}, {"resources", {"widgets"}}, {"verbs", {"get", "list", "watch"}}},
       {{"apiGroups", {group}},
        {"resources", {"widgets/status"}},
        {"verbs", {"get", "update"}}}})));
  json widget = {{"apiVersion", group + "/v1"},
                 {"kind", "Widget"},
                 {"metadata", {{"name", "w"}, {"namespace", ns_}}},
                 {"spec", {{"size", 1}}}};
  ASSERT_TRUE(Eventually([&] { return admin_->Create(widgets, ns_, widget).ok(); }, 30s));

  // The first attempt's object is stale by the time it is written: another client bumps the spec
  // between the read and the PUT, so that PUT gets 409 and the writer re-reads and retries.
  app::KubeStatusClient status_client(*restricted_, widgets);
  auto current = status_client.Get({ns_, "w"});
  ASSERT_TRUE(current.ok()) << current.status().ToString();
  int attempts = 0;
  auto written = runtime::UpdateStatusWithRetry(
      status_client, clock_, {ns_, "w"},
      [&](json& object) {
        if (++attempts == 1) {
          auto bumped =
              admin_->Patch(widgets, ns_, "w", kube::PatchType::kMerge, R"({"spec":{"size":2}})");
          if (!bumped.ok()) return bumped.status();
        }
        object["status"] = {{"phase", "Ready"}, {"observedSize", object["spec"]["size"]}};
        return Status::Ok();
      },
      &*current);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  std::printf("[figures] status write: %d attempts (%d retry after 409)\n", attempts, attempts - 1);
  EXPECT_EQ(attempts, 2);
  auto stored = admin_->Get(widgets, ns_, "w");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ((*stored)["status"]["phase"], "Ready");
  EXPECT_EQ((*stored)["status"]["observedSize"], 2);
  EXPECT_EQ((*stored)["spec"]["size"], 2);
}

TEST_F(RuntimeEndToEndTest, FinalizersOfOtherOwnersSurviveConcurrentEdits) {
  ASSERT_NO_FATAL_FAILURE(UseRestrictedIdentity());
  json cm = {
      {"apiVersion", "v1"},
      {"kind", "ConfigMap"},
      {"metadata", {{"name", "guarded"}, {"namespace", ns_}, {"finalizers", {"other.example/x"}}}}};
  ASSERT_TRUE(admin_->Create(kube::ConfigMaps(), ns_, cm).ok());
  app::KubeStatusClient ours(*restricted_, kube::ConfigMaps());
  app::KubeStatusClient theirs(*admin_, kube::ConfigMaps());
  const runtime::ObjectKey key{ns_, "guarded"};
  // Generous retries: two writers race on the same list for the whole test.
  const runtime::RetryOptions retry{50, std::chrono::milliseconds(5)};

  std::atomic<bool> done{false};
  std::atomic<int> third_errors{0};
  std::thread third([&] {
    for (int i = 0; !done || i % 2 == 1; ++i) {
      auto result =
          i % 2 == 0
              ? runtime::EnsureFinalizer(theirs, clock_, key, "third.example/z", nullptr, retry)
              : runtime::RemoveFinalizer(theirs, clock_, key, "third.example/z", nullptr, retry);
      if (!result.ok()) ++third_errors;
    }
  });
  int our_errors = 0;
  for (int i = 0; i < 20; ++i) {
    auto added =
        runtime::EnsureFinalizer(ours, clock_, key, "platform.example/cleanup", nullptr, retry);
    if (!added.ok() || !runtime::HasFinalizer(*added, "platform.example/cleanup")) ++our_errors;
    auto removed =
        runtime::RemoveFinalizer(ours, clock_, key, "platform.example/cleanup", nullptr, retry);
    if (!removed.ok() || runtime::HasFinalizer(*removed, "platform.example/cleanup")) ++our_errors;
  }
  done = true;
  third.join();
  EXPECT_EQ(our_errors, 0);
  EXPECT_EQ(third_errors.load(), 0);

  auto final_object = admin_->Get(kube::ConfigMaps(), ns_, "guarded");
  ASSERT_TRUE(final_object.ok());
  EXPECT_EQ((*final_object)["metadata"]["finalizers"], json({"other.example/x"}));
  ASSERT_TRUE(admin_
                  ->Patch(kube::ConfigMaps(), ns_, "guarded", kube::PatchType::kMerge,
                          R"({"metadata":{"finalizers":null}})")
                  .ok());
}

}  // namespace
}  // namespace po::testing
