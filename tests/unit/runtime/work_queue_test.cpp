// Tests the work queue's client-go semantics: dedupe, dirty-while-processing, one worker per key,
// delayed adds, rate-limited adds, shutdown and drain, and its workqueue_* metrics.
#include "operator/runtime/work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "operator/runtime/rate_limiter.h"
#include "tests/unit/runtime/metric_reader.h"

namespace po::runtime {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<WorkQueue> NewQueue(const Clock& clock, WorkQueueOptions options = {}) {
  return std::make_unique<WorkQueue>(clock, DefaultControllerRateLimiter(clock), nullptr, options);
}

TEST(WorkQueueTest, DeduplicatesKeysThatAreAlreadyQueued) {
  FakeClock clock;
  auto queue = NewQueue(clock);
  queue->Add("ns/a");
  queue->Add("ns/b");
  queue->Add("ns/a");
  queue->Add("ns/a");
  EXPECT_EQ(queue->Len(), 2u);
  EXPECT_EQ(queue->Get(), "ns/a");
  EXPECT_EQ(queue->Get(), "ns/b");
  EXPECT_EQ(queue->Len(), 0u);
}

TEST(WorkQueueTest, KeyAddedWhileProcessingRunsOnceMoreAfterDone) {
  FakeClock clock;
  auto queue = NewQueue(clock);
  queue->Add("ns/a");
  ASSERT_EQ(queue->Get(), "ns/a");
  queue->Add("ns/a");
  queue->Add("ns/a");
  EXPECT_EQ(queue->Len(), 0u) << "a key being processed must not be handed out again";
  queue->Done("ns/a");
  EXPECT_EQ(queue->Len(), 1u);
  ASSERT_EQ(queue->Get(), "ns/a");
  queue->Done("ns/a");
  EXPECT_EQ(queue->Len(), 0u);
  EXPECT_EQ(queue->Processing(), 0u);
}

TEST(WorkQueueTest, NeverHandsTheSameKeyToTwoWorkersAtOnce) {
  RealClock clock;
  auto queue = NewQueue(clock);
  std::mutex mu;
  std::set<std::string> in_flight;
  std::atomic<int> overlaps{0};
  std::atomic<int> processed{0};

  std::vector<std::thread> workers;
  for (int w = 0; w < 8; ++w) {
    workers.emplace_back([&] {
      while (auto key = queue->Get()) {
        {
          std::lock_guard lock(mu);
          if (!in_flight.insert(*key).second) ++overlaps;
        }
        std::this_thread::sleep_for(50us);
        {
          std::lock_guard lock(mu);
          in_flight.erase(*key);
        }
        ++processed;
        queue->Done(*key);
      }
    });
  }
  std::vector<std::thread> producers;
  for (int p = 0; p < 3; ++p) {
    producers.emplace_back([&, p] {
      for (int i = 0; i < 3000; ++i) queue->Add("ns/key-" + std::to_string((i + p) % 5));
    });
  }
  for (auto& t : producers) t.join();
  while (queue->Len() > 0 || queue->Processing() > 0) std::this_thread::sleep_for(1ms);
  queue->ShutDown();
  for (auto& t : workers) t.join();
  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_GT(processed.load(), 0);
}

TEST(WorkQueueTest, AddAfterKeepsTheEarliestReadyTime) {
  struct Case {
    const char* name;
    std::vector<Clock::Duration> delays;
    Clock::Duration ready_after;
  };
  const Case cases[] = {
      {"later then earlier", {10s, 2s}, 2s},
      {"earlier then later", {2s, 10s}, 2s},
      {"three", {5s, 1s, 3s}, 1s},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    FakeClock clock;
    auto queue = NewQueue(clock);
    for (auto d : c.delays) queue->AddAfter("ns/a", d);
    clock.Advance(c.ready_after - 1ms);
    EXPECT_EQ(queue->Len(), 0u);
    clock.Advance(1ms);
    EXPECT_EQ(queue->Len(), 1u);
    ASSERT_EQ(queue->Get(), "ns/a");
    queue->Done("ns/a");
    clock.Advance(20s);
    EXPECT_EQ(queue->Len(), 0u) << "a superseded delay must not add the key a second time";
  }
}

TEST(WorkQueueTest, AddAfterWithoutDelayAddsAtOnce) {
  FakeClock clock;
  auto queue = NewQueue(clock);
  queue->AddAfter("ns/a", 0s);
  queue->AddAfter("ns/b", -1s);
  EXPECT_EQ(queue->Len(), 2u);
}

TEST(WorkQueueTest, BlockedGetWakesWhenADelayedKeyBecomesReady) {
  FakeClock clock;
  WorkQueueOptions options;
  options.max_wait = 1ms;
  auto queue = NewQueue(clock, options);
  queue->AddAfter("ns/a", 30s);
  auto got = std::async(std::launch::async, [&] { return queue->Get(); });
  EXPECT_EQ(got.wait_for(50ms), std::future_status::timeout);
  clock.Advance(30s);
  ASSERT_EQ(got.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(got.get(), "ns/a");
}

TEST(WorkQueueTest, RealClockDelayIsWaitedFor) {
  RealClock clock;
  auto queue = NewQueue(clock);
  const auto start = std::chrono::steady_clock::now();
  queue->AddAfter("ns/a", 50ms);
  EXPECT_EQ(queue->Get(), "ns/a");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
}

TEST(WorkQueueTest, AddRateLimitedBacksOffAndForgetResets) {
  FakeClock clock;
  auto queue = NewQueue(clock);
  queue->AddRateLimited("ns/a");  // 5 ms
  EXPECT_EQ(queue->NumRequeues("ns/a"), 1);
  EXPECT_EQ(queue->Len(), 0u);
  clock.Advance(5ms);
  ASSERT_EQ(queue->Get(), "ns/a");
  queue->Done("ns/a");
  queue->AddRateLimited("ns/a");  // 10 ms
  clock.Advance(9ms);
  EXPECT_EQ(queue->Len(), 0u);
  clock.Advance(1ms);
  EXPECT_EQ(queue->Len(), 1u);
  EXPECT_EQ(queue->NumRequeues("ns/a"), 2);
  queue->Forget("ns/a");
  EXPECT_EQ(queue->NumRequeues("ns/a"), 0);
}

TEST(WorkQueueTest, ShutDownIgnoresAddsAndDrainsWhatIsLeft) {
  FakeClock clock;
  auto queue = NewQueue(clock);
  queue->Add("ns/a");
  queue->AddAfter("ns/later", 1s);
  queue->ShutDown();
  EXPECT_TRUE(queue->ShuttingDown());
  queue->Add("ns/b");
  EXPECT_EQ(queue->Get(), "ns/a");
  queue->Done("ns/a");
  clock.Advance(1s);
  EXPECT_EQ(queue->Get(), std::nullopt);
}

TEST(WorkQueueTest, ShutDownReleasesBlockedGetters) {
  RealClock clock;
  auto queue = NewQueue(clock);
  auto got = std::async(std::launch::async, [&] { return queue->Get(); });
  EXPECT_EQ(got.wait_for(20ms), std::future_status::timeout);
  queue->ShutDown();
  ASSERT_EQ(got.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(got.get(), std::nullopt);
}

TEST(WorkQueueTest, ShutDownWithDrainWaitsForInFlightKeys) {
  RealClock clock;
  auto queue = NewQueue(clock);
  queue->Add("ns/a");
  ASSERT_EQ(queue->Get(), "ns/a");
  auto drained = std::async(std::launch::async, [&] { queue->ShutDownWithDrain(); });
  EXPECT_EQ(drained.wait_for(50ms), std::future_status::timeout);
  queue->Done("ns/a");
  EXPECT_EQ(drained.wait_for(5s), std::future_status::ready);
}

TEST(WorkQueueTest, RecordsClientGoMetrics) {
  FakeClock clock;
  metrics::Registry registry;
  WorkQueueOptions options;
  options.unfinished_work_update_period = 1h;  // updated by hand below
  WorkQueue queue(clock, DefaultControllerRateLimiter(clock),
                  std::make_unique<WorkQueueMetrics>(registry, "things", clock), options);
  const std::map<std::string, std::string> labels = {{"name", "things"}};
  using testing::MetricValue;
  using testing::ReadSeries;

  queue.Add("ns/a");
  queue.Add("ns/a");  // deduplicated: not counted
  queue.Add("ns/b");
  EXPECT_EQ(MetricValue(registry, "workqueue_adds_total", labels), 2);
  EXPECT_EQ(MetricValue(registry, "workqueue_depth", labels), 2);

  clock.Advance(2s);
  ASSERT_EQ(queue.Get(), "ns/a");
  EXPECT_EQ(MetricValue(registry, "workqueue_depth", labels), 1);
  auto waited = ReadSeries(registry, "workqueue_queue_duration_seconds", labels);
  ASSERT_TRUE(waited);
  EXPECT_EQ(waited->sample_count, 1u);
  EXPECT_DOUBLE_EQ(waited->sample_sum, 2.0);

  clock.Advance(3s);
  queue.UpdateUnfinishedWork();
  EXPECT_DOUBLE_EQ(MetricValue(registry, "workqueue_unfinished_work_seconds", labels), 3.0);
  EXPECT_DOUBLE_EQ(MetricValue(registry, "workqueue_longest_running_processor_seconds", labels),
                   3.0);
  queue.Done("ns/a");
  auto worked = ReadSeries(registry, "workqueue_work_duration_seconds", labels);
  ASSERT_TRUE(worked);
  EXPECT_EQ(worked->sample_count, 1u);
  EXPECT_DOUBLE_EQ(worked->sample_sum, 3.0);
  queue.UpdateUnfinishedWork();
  EXPECT_EQ(MetricValue(registry, "workqueue_unfinished_work_seconds", labels), 0);

  queue.AddRateLimited("ns/c");
  queue.AddAfter("ns/d", 1s);
  EXPECT_EQ(MetricValue(registry, "workqueue_retries_total", labels), 2);
}

TEST(WorkQueueTest, DurationHistogramsUseClientGoBuckets) {
  auto buckets = WorkQueueDurationBuckets();
  ASSERT_EQ(buckets.size(), 10u);
  EXPECT_DOUBLE_EQ(buckets.front(), 1e-8);
  EXPECT_NEAR(buckets.back(), 10.0, 1e-9);
}

}  // namespace
}  // namespace po::runtime
