// A rate-limited, delaying work queue of string keys with client-go's semantics: a key is handed to
// at most one worker at a time; adding a key already queued is a no-op; adding a key while it is
// being processed marks it dirty so it is queued again once Done; AddAfter keeps the earliest ready
// time per key; AddRateLimited waits as the rate limiter says. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "operator/common/clock.h"
#include "operator/runtime/rate_limiter.h"
#include "operator/runtime/work_queue_metrics.h"

namespace po::runtime {

struct WorkQueueOptions {
  // Longest a blocked Get sleeps before re-checking delayed items against the clock. Ready times
  // are waited for exactly on a real clock; tests on a FakeClock set this low so a blocked Get
  // notices Advance(). Default 10 s, client-go's heartbeat.
  Clock::Duration max_wait = std::chrono::seconds(10);
  // How often the in-progress gauges are refreshed when metrics are on. Default 500 ms (client-go).
  Clock::Duration unfinished_work_update_period = std::chrono::milliseconds(500);
};

class WorkQueue {
 public:
  using Duration = Clock::Duration;

  // `metrics` may be null (no metrics). `clock` must outlive the queue.
  WorkQueue(const Clock& clock, std::unique_ptr<RateLimiter> rate_limiter,
            std::unique_ptr<WorkQueueMetrics> metrics = nullptr, WorkQueueOptions options = {});
  ~WorkQueue();

  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Queues `key` unless it is already queued; ignored after ShutDown.
  void Add(const std::string& key);
  // Queues `key` once `delay` has passed; if it is already waiting, the earlier time wins.
  void AddAfter(const std::string& key, Duration delay);
  // AddAfter(key, rate_limiter.When(key)).
  void AddRateLimited(const std::string& key);
  // Resets the rate limiter's failure count for `key`.
  void Forget(const std::string& key);
  int NumRequeues(const std::string& key) const;

  // Blocks until a key is ready and returns it, marking it processing; std::nullopt once the queue
  // is shut down and empty. The caller must call Done(key) when finished.
  std::optional<std::string> Get();
  // Ends processing of `key`; if it was added meanwhile, it is queued again.
  void Done(const std::string& key);

  // Keys ready to be handed out (delayed keys whose time has come are counted).
  size_t Len();
  // Keys currently handed out and not yet Done.
  size_t Processing() const;

  // Stops accepting adds and drops delayed keys; Get returns what is left, then std::nullopt.
  void ShutDown();
  // ShutDown, then waits until every key handed out has been marked Done.
  void ShutDownWithDrain();
  bool ShuttingDown() const;

  // Refreshes workqueue_unfinished_work_seconds and _longest_running_processor_seconds (also done
  // periodically by the queue itself).
  void UpdateUnfinishedWork();

 private:
  struct Waiting {
    Clock::TimePoint ready;
    unsigned long long seq;
    std::string key;
    bool operator>(const Waiting& other) const {
      return ready != other.ready ? ready > other.ready : seq > other.seq;
    }
  };

  void AddLocked(const std::string& key);
  void PromoteReadyLocked();
  void UnfinishedWorkLoop();

  const Clock& clock_;
  std::unique_ptr<RateLimiter> rate_limiter_;
  std::unique_ptr<WorkQueueMetrics> metrics_;
  const WorkQueueOptions options_;

  mutable std::mutex mu_;
  std::condition_variable cond_;
  std::condition_variable drained_;
  std::deque<std::string> queue_;
  std::set<std::string> dirty_;
  std::set<std::string> processing_;
  std::priority_queue<Waiting, std::vector<Waiting>, std::greater<>> waiting_;
  std::map<std::string, Clock::TimePoint> waiting_ready_;  // the live entry per delayed key
  unsigned long long seq_ = 0;
  bool shutting_down_ = false;

  std::condition_variable stop_metrics_;
  std::thread metrics_thread_;
};

}  // namespace po::runtime
