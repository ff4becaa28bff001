// Tests the Manager: cache sync before controllers, readiness, leader gating, graceful and bounded
// shutdown, and leadership loss.
#include "operator/runtime/manager.h"

#include <gtest/gtest.h>

#include <future>

#include "tests/unit/runtime/metric_reader.h"
#include "tests/unit/runtime/test_reconcilers.h"

namespace po::runtime {
namespace {

using namespace std::chrono_literals;

// A cache that syncs when told to (or at once), recording Start/Stop.
class FakeCache final : public CacheSource {
 public:
  explicit FakeCache(std::string name, bool sync_on_start = true)
      : name_(std::move(name)), sync_on_start_(sync_on_start) {}
  std::string Name() const override { return name_; }
  Status Start() override {
    started_ = true;
    if (sync_on_start_) synced_ = true;
    return Status::Ok();
  }
  bool HasSynced() const override { return synced_; }
  void Stop() override { stopped_ = true; }

  void Sync() { synced_ = true; }
  bool started() const { return started_; }
  bool stopped() const { return stopped_; }

 private:
  std::string name_;
  bool sync_on_start_;
  std::atomic<bool> started_{false}, synced_{false}, stopped_{false};
};

// An elector the test drives: it records Start/Stop and exposes the callbacks.
class FakeElector final : public LeaderElector {
 public:
  std::string Name() const override { return "platform-operator-lock"; }
  Status Start(LeaderCallbacks callbacks) override {
    std::lock_guard lock(mu_);
    callbacks_ = std::move(callbacks);
    started_ = true;
    cond_.notify_all();
    return Status::Ok();
  }
  void Stop() override { stopped_ = true; }

  bool WaitStarted() {
    std::unique_lock lock(mu_);
    return cond_.wait_for(lock, 10s, [this] { return started_; });
  }
  void Lead() { callbacks_.on_started_leading(); }
  void Lose() { callbacks_.on_stopped_leading(); }
  bool stopped() const { return stopped_; }

 private:
  std::mutex mu_;
  std::condition_variable cond_;
  LeaderCallbacks callbacks_;
  bool started_ = false;
  std::atomic<bool> stopped_{false};
};

struct Fixture {
  Fixture() {
    ManagerOptions options;
    options.graceful_shutdown_timeout = 10s;
    options.cache_sync_poll_interval = 1ms;
    manager = std::make_unique<Manager>(options, clock, registry, Logger::Discard(clock));
    ControllerOptions controller_options;
    controller_options.name = "cachecluster";
    controller = std::make_shared<Controller>(controller_options, reconciler, clock, registry,
                                              Logger::Discard(clock));
    manager->AddCache(cache);
    manager->AddController(controller);
  }

  bool WaitForCalls(size_t n) {
    for (int i = 0; i < 2000; ++i) {
      if (reconciler->calls().size() >= n) return true;
      std::this_thread::sleep_for(1ms);
    }
    return false;
  }

  RealClock clock;
  metrics::Registry registry;
  std::shared_ptr<FakeCache> cache = std::make_shared<FakeCache>("CacheCluster", false);
  std::shared_ptr<testing::ScriptedReconciler> reconciler =
      std::make_shared<testing::ScriptedReconciler>();
  std::shared_ptr<Controller> controller;
  std::unique_ptr<Manager> manager;
};

TEST(ManagerTest, StartsControllersOnlyAfterCachesSyncAndStopsCleanly) {
  Fixture f;
  f.controller->Enqueue({"ns", "redis"});
  auto run = std::async(std::launch::async, [&] { return f.manager->Run(); });
  std::this_thread::sleep_for(30ms);
  EXPECT_TRUE(f.cache->started());
  EXPECT_EQ(f.reconciler->calls().size(), 0u) << "no reconcile before the caches sync";
  Status ready = f.manager->CachesSynced();
  EXPECT_EQ(ready.code(), StatusCode::kUnavailable);
  EXPECT_EQ(ready.message(), "caches not synced: CacheCluster");

  f.cache->Sync();
  ASSERT_TRUE(f.WaitForCalls(1));
  EXPECT_TRUE(f.manager->CachesSynced().ok());
  EXPECT_TRUE(f.manager->IsLeading());

  f.manager->RequestStop();
  ASSERT_EQ(run.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(run.get().ok());
  EXPECT_TRUE(f.cache->stopped());
}

TEST(ManagerTest, GracefulShutdownFinishesInFlightReconciles) {
  RealClock clock;
  metrics::Registry registry;
  ManagerOptions options;
  options.graceful_shutdown_timeout = 10s;
  Manager manager(options, clock, registry, Logger::Discard(clock));
  auto reconciler = std::make_shared<testing::BlockingReconciler>();
  ControllerOptions controller_options;
  controller_options.name = "blocking";
  controller_options.max_concurrent_reconciles = 2;
  auto controller = std::make_shared<Controller>(controller_options, reconciler, clock, registry,
                                                 Logger::Discard(clock));
  manager.AddController(controller);
  controller->Enqueue({"ns", "a"});
  controller->Enqueue({"ns", "b"});
  auto run = std::async(std::launch::async, [&] { return manager.Run(); });
  ASSERT_TRUE(reconciler->WaitStarted(2));

  manager.RequestStop();
  EXPECT_EQ(run.wait_for(100ms), std::future_status::timeout) << "must wait for in-flight work";
  controller->Enqueue({"ns", "c"});  // no longer accepted
  reconciler->Release();
  ASSERT_EQ(run.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(run.get().ok());
  EXPECT_EQ(reconciler->finished(), 2);
}

TEST(ManagerTest, ShutdownIsBoundedByTheGracePeriod) {
  RealClock clock;
  metrics::Registry registry;
  ManagerOptions options;
  options.graceful_shutdown_timeout = 100ms;
  auto manager = std::make_unique<Manager>(options, clock, registry, Logger::Discard(clock));
  auto reconciler = std::make_shared<testing::BlockingReconciler>();
  ControllerOptions controller_options;
  controller_options.name = "stuck";
  auto controller = std::make_shared<Controller>(controller_options, reconciler, clock, registry,
                                                 Logger::Discard(clock));
  manager->AddController(controller);
  controller->Enqueue({"ns", "a"});
  auto run = std::async(std::launch::async, [&] { return manager->Run(); });
  ASSERT_TRUE(reconciler->WaitStarted(1));
  const auto start = std::chrono::steady_clock::now();
  manager->RequestStop();
  ASSERT_EQ(run.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(run.get().ok());
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 5s);
  manager.reset();
  controller.reset();
  reconciler->Release();
  EXPECT_TRUE(reconciler->WaitFinished(1));
  for (int i = 0; i < 1000 && reconciler.use_count() > 1; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(reconciler.use_count(), 1);
}

TEST(ManagerTest, StandbyKeepsCachesWarmAndReadyButRunsNoControllers) {
  Fixture f;
  auto elector = std::make_shared<FakeElector>();
  f.manager->SetLeaderElector(elector);
  const std::map<std::string, std::string> lease = {{"name", "platform-operator-lock"}};
  EXPECT_EQ(testing::MetricValue(f.registry, "leader_election_master_status", lease), 0);
  f.cache->Sync();
  f.controller->Enqueue({"ns", "redis"});
  auto run = std::async(std::launch::async, [&] { return f.manager->Run(); });
  ASSERT_TRUE(elector->WaitStarted());
  EXPECT_TRUE(f.manager->CachesSynced().ok()) << "a standby replica reports ready";
  EXPECT_FALSE(f.manager->IsLeading());
  std::this_thread::sleep_for(30ms);
  EXPECT_EQ(f.reconciler->calls().size(), 0u);

  elector->Lead();
  ASSERT_TRUE(f.WaitForCalls(1));
  EXPECT_TRUE(f.manager->IsLeading());
  EXPECT_EQ(testing::MetricValue(f.registry, "leader_election_master_status", lease), 1);

  f.manager->RequestStop();
  ASSERT_EQ(run.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(run.get().ok());
  EXPECT_TRUE(elector->stopped()) << "the lease is released on shutdown";
  EXPECT_EQ(testing::MetricValue(f.registry, "leader_election_master_status", lease), 0);
}

TEST(ManagerTest, LosingLeadershipStopsAndReturnsCancelled) {
  Fixture f;
  auto elector = std::make_shared<FakeElector>();
  f.manager->SetLeaderElector(elector);
  f.cache->Sync();
  auto run = std::async(std::launch::async, [&] { return f.manager->Run(); });
  ASSERT_TRUE(elector->WaitStarted());
  elector->Lead();
  f.controller->Enqueue({"ns", "redis"});
  ASSERT_TRUE(f.WaitForCalls(1));
  elector->Lose();
  ASSERT_EQ(run.wait_for(10s), std::future_status::ready);
  Status result = run.get();
  EXPECT_EQ(result.code(), StatusCode::kCancelled);
  EXPECT_EQ(result.message(), "leader election lost");
  EXPECT_TRUE(f.cache->stopped());
  EXPECT_FALSE(f.manager->IsLeading());
}

TEST(ManagerTest, FailsWhenCachesDoNotSyncInTime) {
  RealClock clock;
  metrics::Registry registry;
  ManagerOptions options;
  options.cache_sync_timeout = 50ms;
  options.cache_sync_poll_interval = 5ms;
  Manager manager(options, clock, registry, Logger::Discard(clock));
  auto cache = std::make_shared<FakeCache>("DatabaseCluster", false);
  manager.AddCache(cache);
  Status result = manager.Run();
  EXPECT_EQ(result.code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(result.message(), "timed out waiting for caches to sync: DatabaseCluster");
  EXPECT_TRUE(cache->stopped());
}

TEST(ManagerTest, StopRequestedWhileSyncingReturnsCancelled) {
  Fixture f;
  auto run = std::async(std::launch::async, [&] { return f.manager->Run(); });
  std::this_thread::sleep_for(20ms);
  f.manager->RequestStop();
  ASSERT_EQ(run.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(run.get().code(), StatusCode::kCancelled);
  EXPECT_EQ(f.reconciler->calls().size(), 0u);
}

}  // namespace
}  // namespace po::runtime
