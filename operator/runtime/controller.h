// A controller: a work queue of object keys fed by event sources (Enqueue/EnqueueAfter) and
// `max_concurrent_reconciles` worker threads that hand each key to a Reconciler and act on the
// result exactly as controller-runtime's reconcileHandler does. Exceptions thrown by a reconcile
// are caught, counted as panics and retried. Thread-safe; Stop may abandon (detach) workers that
// are still busy when the grace period ends, which then finish on their own.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/controller_metrics.h"
#include "operator/runtime/log.h"
#include "operator/runtime/rate_limiter.h"
#include "operator/runtime/reconcile_id.h"
#include "operator/runtime/reconciler.h"
#include "operator/runtime/work_queue.h"

namespace po::runtime {

struct ControllerOptions {
  // The controller's name: the `controller` label of its metrics, the `name` label of its queue's
  // and the `controller` field of its log lines. Required.
  std::string name;
  // Worker threads (--max-concurrent-reconciles). Default 1, as controller-runtime.
  int max_concurrent_reconciles = 1;
  // Options of the controller's work queue.
  WorkQueueOptions queue;
};

class Controller {
 public:
  // `rate_limiter` defaults to DefaultControllerRateLimiter, `ids` to RandomUuidSource. `clock` and
  // `registry` must outlive the controller and any worker it abandons.
  Controller(ControllerOptions options, std::shared_ptr<Reconciler> reconciler, const Clock& clock,
             metrics::Registry& registry, Logger logger,
             std::unique_ptr<RateLimiter> rate_limiter = nullptr,
             std::shared_ptr<IdSource> ids = nullptr);
  // Stops with no grace period if still running.
  ~Controller();

  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  const std::string& name() const;

  // Event-source entry points (informer handlers call these). Keys queue up before Start too.
  void Enqueue(const Request& request);
  void EnqueueAfter(const Request& request, Clock::Duration delay);

  // Starts the worker threads. kFailedPrecondition if already started or stopped.
  Status Start();
  // Stops taking new keys, waits up to `grace` (real time) for in-flight reconciles, and returns
  // true if they all finished. Idempotent.
  bool Stop(Clock::Duration grace);

  // Takes one key off the queue and reconciles it on the calling thread; false once the queue is
  // shut down. Workers loop on this; tests call it directly for deterministic steps.
  bool ProcessNextWorkItem();

  WorkQueue& queue();

 private:
  struct Core;
  static void WorkerLoop(std::shared_ptr<Core> core);

  std::shared_ptr<Core> core_;
  std::mutex lifecycle_mu_;  // serialises Start and Stop
  std::vector<std::thread> workers_;
  bool started_ = false;
  bool stopped_ = false;
};

}  // namespace po::runtime
