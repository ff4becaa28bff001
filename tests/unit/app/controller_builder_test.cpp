// The builder end to end over the fake client: primary objects enqueue themselves, owned objects
// their controller owner, the controller is named and started by the manager; invalid set-ups
// are refused with their reason.
#include "operator/app/controller_builder.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "operator/kube/owner_refs.h"
#include "tests/unit/app/app_test_env.h"

namespace po::app {
namespace {

using testing::Eventually;
using testing::FakeEnv;

class RecordingReconciler final : public runtime::Reconciler {
 public:
  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext&) override {
    std::lock_guard lock(mu_);
    keys_.insert(request.Key());
    return runtime::ReconcileResult::Done();
  }
  std::set<std::string> Keys() const {
    std::lock_guard lock(mu_);
    return keys_;
  }

 private:
  mutable std::mutex mu_;
  std::set<std::string> keys_;
};

nlohmann::json Object(const std::string& kind, const std::string& name) {
  return {
      {"apiVersion", "v1"}, {"kind", kind}, {"metadata", {{"name", name}, {"namespace", "ns"}}}};
}

TEST(ControllerBuilderTest, PrimaryAndOwnedObjectsEnqueueTheRightKeys) {
  FakeEnv env;
  auto reconciler = std::make_shared<RecordingReconciler>();
  auto controller =
      ControllerBuilder(env.setup, kube::ConfigMaps()).Owns(kube::Secrets()).Complete(reconciler);
  ASSERT_TRUE(controller.ok()) << controller.status().ToString();
  EXPECT_EQ((*controller)->name(), "configmap");
  EXPECT_EQ(env.informers.All().size(), 2u);

  std::thread run([&] { EXPECT_TRUE(env.manager.Run().ok()); });
  auto owner = env.client.Create(kube::ConfigMaps(), "ns", Object("ConfigMap", "owner"));
  ASSERT_TRUE(owner.ok());
  nlohmann::json owned = Object("Secret", "owned");
  owned["metadata"]["ownerReferences"] = {kube::ControllerReferenceTo(*owner)};
  ASSERT_TRUE(env.client.Create(kube::Secrets(), "ns", owned).ok());
  ASSERT_TRUE(env.client.Create(kube::Secrets(), "ns", Object("Secret", "orphan")).ok());
  ASSERT_TRUE(env.client.Create(kube::ConfigMaps(), "ns", Object("ConfigMap", "plain")).ok());

  EXPECT_TRUE(Eventually([&] { return reconciler->Keys().size() == 2; }));
  EXPECT_EQ(reconciler->Keys(), (std::set<std::string>{"ns/owner", "ns/plain"}));

  // Deleting the owned secret enqueues its owner again (and nothing else).
  ASSERT_TRUE(env.client.Delete(kube::ConfigMaps(), "ns", "plain").ok());
  ASSERT_TRUE(env.client.Delete(kube::Secrets(), "ns", "owned").ok());
  env.manager.RequestStop();
  run.join();
  EXPECT_EQ(reconciler->Keys(), (std::set<std::string>{"ns/owner", "ns/plain"}));
}

TEST(ControllerBuilderTest, NameWorkersAndNamespaceComeFromTheBuilderAndSetup) {
  FakeEnv env;
  env.setup.watch_namespace = "only-here";
  env.setup.max_concurrent_reconciles = 3;
  auto controller = ControllerBuilder(env.setup, kube::ConfigMaps())
                        .Named("custom")
                        .WithMaxConcurrentReconciles(2)
                        .Complete(std::make_shared<RecordingReconciler>());
  ASSERT_TRUE(controller.ok());
  EXPECT_EQ((*controller)->name(), "custom");
  ASSERT_EQ(env.informers.All().size(), 1u);
  EXPECT_EQ(env.informers.All()[0]->Name(), "ConfigMap in only-here");
  EXPECT_NE(env.registry.Scrape().find(
                "controller_runtime_max_concurrent_reconciles{controller=\"custom\"} 2"),
            std::string::npos)
      << env.registry.Scrape();
}

TEST(ControllerBuilderTest, RefusesInvalidSetups) {
  FakeEnv env;
  kube::ResourceRef no_kind = kube::ConfigMaps();
  no_kind.kind.clear();
  auto without_kind =
      ControllerBuilder(env.setup, no_kind).Complete(std::make_shared<RecordingReconciler>());
  ASSERT_FALSE(without_kind.ok());
  EXPECT_EQ(without_kind.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(without_kind.status().message(),
            "a controller's primary resource needs a kind (plural \"configmaps\")");

  ASSERT_TRUE(env.informers.For({kube::Secrets(), "", ""})->Start().ok());
  auto late = ControllerBuilder(env.setup, kube::Secrets())
                  .Named("late")
                  .Complete(std::make_shared<RecordingReconciler>());
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(late.status().message(),
            "while setting up controller late: cannot add event handlers to informer Secret after "
            "it started");
  env.informers.All()[0]->Stop();
}

}  // namespace
}  // namespace po::app
