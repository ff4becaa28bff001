// Tests the controller's handling of each reconcile result, its metrics, per-reconcile logging,
// worker concurrency and bounded stop.
#include "operator/runtime/controller.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/unit/runtime/log_capture.h"
#include "tests/unit/runtime/metric_reader.h"
#include "tests/unit/runtime/test_reconcilers.h"

namespace po::runtime {
namespace {

using namespace std::chrono_literals;
using testing::MetricValue;

const Request kObject{"prod", "db-1"};

struct Fixture {
  explicit Fixture(int workers = 1) : log(clock) {
    ControllerOptions options;
    options.name = "databasecluster";
    options.max_concurrent_reconciles = workers;
    options.queue.max_wait = 1ms;
    controller = std::make_unique<Controller>(options, reconciler, clock, registry, log.logger(),
                                              nullptr, std::make_shared<SequentialIdSource>());
  }

  double Total(const std::string& result) {
    return MetricValue(registry, "controller_runtime_reconcile_total",
                       {{"controller", "databasecluster"}, {"result", result}});
  }
  double Counter(const std::string& name) {
    return MetricValue(registry, name, {{"controller", "databasecluster"}});
  }

  FakeClock clock;
  metrics::Registry registry;
  testing::LogCapture log;
  std::shared_ptr<testing::ScriptedReconciler> reconciler =
      std::make_shared<testing::ScriptedReconciler>();
  std::unique_ptr<Controller> controller;
};

TEST(ControllerTest, PresetsEverySeriesToZero) {
  Fixture f(3);
  for (const char* result : {"success", "error", "requeue", "requeue_after"}) {
    EXPECT_EQ(f.Total(result), 0) << result;
  }
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 0);
  EXPECT_EQ(f.Counter("controller_runtime_terminal_reconcile_errors_total"), 0);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_panics_total"), 0);
  EXPECT_EQ(f.Counter("controller_runtime_max_concurrent_reconciles"), 3);
  EXPECT_EQ(f.Counter("controller_runtime_active_workers"), 0);
  const std::string text = f.registry.Scrape();
  EXPECT_NE(text.find("controller_runtime_reconcile_total{controller=\"databasecluster\",result="
                      "\"requeue_after\"} 0"),
            std::string::npos)
      << text;
}

TEST(ControllerTest, DoneForgetsTheKeyAndCountsSuccess) {
  Fixture f;
  f.controller->queue().AddRateLimited(kObject.Key());  // one earlier failure
  f.clock.Advance(5ms);
  f.reconciler->Then(ReconcileResult::Done());
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Total("success"), 1);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 0);
  EXPECT_EQ(f.controller->queue().Len(), 0u);
  ASSERT_EQ(f.reconciler->calls().size(), 1u);
  EXPECT_EQ(f.reconciler->calls()[0].request, kObject);
}

TEST(ControllerTest, RequeueAfterForgetsAndComesBackAfterTheDelay) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->Then(ReconcileResult::RequeueAfter(30s));
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Total("requeue_after"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 0);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 0);
  f.clock.Advance(29s);
  EXPECT_EQ(f.controller->queue().Len(), 0u);
  f.clock.Advance(1s);
  EXPECT_EQ(f.controller->queue().Len(), 1u);
}

TEST(ControllerTest, RetryableErrorIsRequeuedWithBackoff) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->Then(ReconcileResult::RetryableError(Unavailable("rds is throttling")));
  f.reconciler->Then(ReconcileResult::RetryableError(Unavailable("rds is throttling")));
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Total("error"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_terminal_reconcile_errors_total"), 0);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 1);
  f.clock.Advance(4ms);
  EXPECT_EQ(f.controller->queue().Len(), 0u);
  f.clock.Advance(1ms);  // 5 ms: the first backoff step
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 2);
  f.clock.Advance(9ms);
  EXPECT_EQ(f.controller->queue().Len(), 0u);
  f.clock.Advance(1ms);  // 10 ms: doubled
  EXPECT_EQ(f.controller->queue().Len(), 1u);
  // The error is logged with the object's fields.
  bool logged = false;
  for (const auto& line : f.log.Lines()) {
    auto j = nlohmann::json::parse(line);
    if (j["msg"] == "Reconciler error") {
      logged = true;
      EXPECT_EQ(j["error"], "Unavailable: rds is throttling");
      EXPECT_EQ(j["level"], "error");
      EXPECT_EQ(j["namespace"], "prod");
    }
  }
  EXPECT_TRUE(logged);
}

TEST(ControllerTest, TerminalErrorIsCountedAndNotRetried) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->Then(
      ReconcileResult::TerminalError(InvalidArgument("engine version 9 is unknown")));
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Total("error"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_terminal_reconcile_errors_total"), 1);
  f.clock.Advance(2000s);
  EXPECT_EQ(f.controller->queue().Len(), 0u);
}

TEST(ControllerTest, PlainRequeueIsRateLimited) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->Then(ReconcileResult::Requeue());
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Total("requeue"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 0);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 1);
  f.clock.Advance(5ms);
  EXPECT_EQ(f.controller->queue().Len(), 1u);
}

TEST(ControllerTest, ThrownExceptionIsCaughtCountedAndRetried) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->ThenThrow();
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_panics_total"), 1);
  EXPECT_EQ(f.Counter("controller_runtime_reconcile_errors_total"), 1);
  EXPECT_EQ(f.Total("error"), 1);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 1);
  f.clock.Advance(5ms);
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());  // the retry succeeds
  EXPECT_EQ(f.Total("success"), 1);
  EXPECT_EQ(f.controller->queue().NumRequeues(kObject.Key()), 0);
}

TEST(ControllerTest, RecordsReconcileTime) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.reconciler->ThenDo([&](ReconcileContext&) { f.clock.Advance(250ms); });
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  auto time = testing::ReadSeries(f.registry, "controller_runtime_reconcile_time_seconds",
                                  {{"controller", "databasecluster"}});
  ASSERT_TRUE(time);
  EXPECT_EQ(time->sample_count, 1u);
  EXPECT_DOUBLE_EQ(time->sample_sum, 0.25);
}

TEST(ControllerTest, EveryLogLineOfAReconcileCarriesTheObjectAndReconcileId) {
  Fixture f;
  f.controller->Enqueue(kObject);
  f.controller->Enqueue({"", "cluster-wide"});
  f.reconciler->ThenDo([](ReconcileContext& ctx) { ctx.log().Info("creating instance"); });
  f.reconciler->ThenDo([](ReconcileContext& ctx) { ctx.log().Info("nothing to do"); });
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  ASSERT_TRUE(f.controller->ProcessNextWorkItem());
  std::vector<nlohmann::json> lines;
  for (const auto& line : f.log.Lines()) {
    auto j = nlohmann::json::parse(line);
    if (j["msg"] == "creating instance" || j["msg"] == "nothing to do") lines.push_back(j);
  }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["controller"], "databasecluster");
  EXPECT_EQ(lines[0]["namespace"], "prod");
  EXPECT_EQ(lines[0]["name"], "db-1");
  EXPECT_EQ(lines[0]["reconcileID"], "reconcile-1");
  EXPECT_EQ(lines[1]["namespace"], "");
  EXPECT_EQ(lines[1]["name"], "cluster-wide");
  EXPECT_EQ(lines[1]["reconcileID"], "reconcile-2");
}

TEST(ControllerTest, WorkersReconcileEveryKeyAndNeverTheSameKeyTwiceAtOnce) {
  RealClock clock;
  metrics::Registry registry;
  struct Tracking final : Reconciler {
    ReconcileResult Reconcile(const Request& r, ReconcileContext&) override {
      {
        std::lock_guard lock(mu);
        if (!in_flight.insert(r.Key()).second) ++overlaps;
        peak = std::max<int>(peak, static_cast<int>(in_flight.size()));
      }
      std::this_thread::sleep_for(200us);
      std::lock_guard lock(mu);
      in_flight.erase(r.Key());
      seen.insert(r.Key());
      ++reconciles;
      return ReconcileResult::Done();
    }
    std::mutex mu;
    std::set<std::string> in_flight, seen;
    int overlaps = 0, peak = 0, reconciles = 0;
  };
  auto reconciler = std::make_shared<Tracking>();
  ControllerOptions options;
  options.name = "stress";
  options.max_concurrent_reconciles = 4;
  Controller controller(options, reconciler, clock, registry, Logger::Discard(clock));
  ASSERT_TRUE(controller.Start().ok());
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 25; ++i) controller.Enqueue({"ns", "obj-" + std::to_string(i)});
  }
  for (int i = 0; i < 2000; ++i) {
    {
      std::lock_guard lock(reconciler->mu);
      if (reconciler->seen.size() == 25 && controller.queue().Len() == 0 &&
          controller.queue().Processing() == 0)
        break;
    }
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_TRUE(controller.Stop(5s));
  std::lock_guard lock(reconciler->mu);
  EXPECT_EQ(reconciler->seen.size(), 25u);
  EXPECT_EQ(reconciler->overlaps, 0);
  EXPECT_LE(reconciler->peak, 4);
  EXPECT_EQ(MetricValue(registry, "controller_runtime_reconcile_total",
                        {{"controller", "stress"}, {"result", "success"}}),
            reconciler->reconciles);
}

TEST(ControllerTest, StopWaitsForTheInFlightReconcile) {
  RealClock clock;
  metrics::Registry registry;
  auto reconciler = std::make_shared<testing::BlockingReconciler>();
  ControllerOptions options;
  options.name = "blocking";
  Controller controller(options, reconciler, clock, registry, Logger::Discard(clock));
  controller.Enqueue({"ns", "a"});
  controller.Enqueue({"ns", "b"});
  ASSERT_TRUE(controller.Start().ok());
  ASSERT_TRUE(reconciler->WaitStarted(1));
  EXPECT_EQ(
      MetricValue(registry, "controller_runtime_active_workers", {{"controller", "blocking"}}), 1);
  auto stopped = std::async(std::launch::async, [&] { return controller.Stop(10s); });
  EXPECT_EQ(stopped.wait_for(50ms), std::future_status::timeout);
  reconciler->Release();
  ASSERT_EQ(stopped.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(stopped.get());
  EXPECT_EQ(reconciler->finished(), 1) << "the key still queued at stop is not started";
  EXPECT_FALSE(controller.Start().ok());
}

TEST(ControllerTest, StopGivesUpAfterTheGracePeriod) {
  RealClock clock;
  metrics::Registry registry;
  auto reconciler = std::make_shared<testing::BlockingReconciler>();
  ControllerOptions options;
  options.name = "stuck";
  auto controller =
      std::make_unique<Controller>(options, reconciler, clock, registry, Logger::Discard(clock));
  controller->Enqueue({"ns", "a"});
  ASSERT_TRUE(controller->Start().ok());
  ASSERT_TRUE(reconciler->WaitStarted(1));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(controller->Stop(100ms));
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 5s);
  controller.reset();  // the abandoned worker keeps what it needs alive
  reconciler->Release();
  EXPECT_TRUE(reconciler->WaitFinished(1));
  // The worker's reference is the last one to the controller's core; wait for it to go away so the
  // registry and clock outlive it.
  for (int i = 0; i < 1000 && reconciler.use_count() > 1; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(reconciler.use_count(), 1);
}

TEST(ControllerTest, StartRejectsZeroWorkers) {
  FakeClock clock;
  metrics::Registry registry;
  ControllerOptions options;
  options.name = "none";
  options.max_concurrent_reconciles = 0;
  Controller controller(options, std::make_shared<testing::ScriptedReconciler>(), clock, registry,
                        Logger::Discard(clock));
  Status started = controller.Start();
  EXPECT_EQ(started.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(started.message().find("max_concurrent_reconciles"), std::string::npos);
}

TEST(RequestTest, KeysRoundTrip) {
  EXPECT_EQ(Request::FromKey("ns/name"), (Request{"ns", "name"}));
  EXPECT_EQ(Request::FromKey("cluster"), (Request{"", "cluster"}));
  EXPECT_EQ((Request{"ns", "name"}).Key(), "ns/name");
  EXPECT_EQ((Request{"", "cluster"}).Key(), "cluster");
}

}  // namespace
}  // namespace po::runtime
