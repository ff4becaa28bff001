// The informer adapter's lifecycle: handlers only before start, one start, sync reported, and
// objects reach both the store and the handlers.
#include "operator/app/informer_cache.h"

#include <gtest/gtest.h>

#include <atomic>

#include "tests/unit/app/app_test_env.h"

namespace po::app {
namespace {

using testing::Eventually;
using testing::FakeEnv;

nlohmann::json ConfigMap(const std::string& name) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", "ns"}}}};
}

TEST(InformerCacheTest, SyncsAndDeliversObjectsToHandlersAndStore) {
  FakeEnv env;
  ASSERT_TRUE(env.client.Create(kube::ConfigMaps(), "ns", ConfigMap("before")).ok());
  auto cache = env.informers.For({kube::ConfigMaps(), "ns", ""});
  EXPECT_EQ(cache->Name(), "ConfigMap in ns");
  std::atomic<int> adds{0};
  kube::EventHandlers handlers;
  handlers.on_add = [&](const kube::ObjectPtr&) { ++adds; };
  ASSERT_TRUE(cache->AddEventHandlers(handlers).ok());
  EXPECT_FALSE(cache->HasSynced());

  ASSERT_TRUE(cache->Start().ok());
  ASSERT_TRUE(Eventually([&] { return cache->HasSynced(); }));
  ASSERT_TRUE(env.client.Create(kube::ConfigMaps(), "ns", ConfigMap("after")).ok());
  ASSERT_TRUE(Eventually([&] { return adds.load() == 2; }));
  EXPECT_EQ(cache->GetStore().Keys(), (std::vector<std::string>{"ns/after", "ns/before"}));
  cache->Stop();
}

TEST(InformerCacheTest, RejectsHandlersAfterStartAndASecondStart) {
  FakeEnv env;
  auto cache = env.informers.For({kube::ConfigMaps(), "", ""});
  ASSERT_TRUE(cache->Start().ok());
  Status late = cache->AddEventHandlers({});
  EXPECT_EQ(late.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(late.message(), "cannot add event handlers to informer ConfigMap after it started");
  Status twice = cache->Start();
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(twice.message(), "informer ConfigMap was already started");
  cache->Stop();
  cache->Stop();  // idempotent
}

TEST(SharedInformersTest, OneInformerPerCollectionEachAddedToTheManager) {
  FakeEnv env;
  auto a = env.informers.For({kube::ConfigMaps(), "ns", ""});
  auto b = env.informers.For({kube::ConfigMaps(), "ns", ""});
  auto c = env.informers.For({kube::ConfigMaps(), "ns", "app=x"});
  auto d = env.informers.For({kube::Secrets(), "ns", ""});
  auto e = env.informers.For({kube::Namespaces(), "ignored-for-cluster-scoped", ""});
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(c->Name(), "ConfigMap in ns (app=x)");
  EXPECT_EQ(e->Name(), "Namespace");
  EXPECT_EQ(env.informers.All().size(), 4u);
  // The manager waits for all four: none has synced before it runs.
  EXPECT_EQ(env.manager.CachesSynced().code(), StatusCode::kUnavailable);
  (void)d;
}

}  // namespace
}  // namespace po::app
