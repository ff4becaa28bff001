// Controller workers and the reconcile-result handling of controller-runtime's reconcileHandler.
#include "operator/runtime/controller.h"

#include <exception>
#include <optional>

namespace po::runtime {

struct Controller::Core {
  Core(ControllerOptions opts, std::shared_ptr<Reconciler> rec, const Clock& clk,
       metrics::Registry& registry, Logger log, std::unique_ptr<RateLimiter> limiter,
       std::shared_ptr<IdSource> id_source)
      : options(std::move(opts)),
        reconciler(std::move(rec)),
        clock(clk),
        logger(log.With("controller", options.name)),
        ids(id_source ? std::move(id_source) : std::make_shared<RandomUuidSource>()),
        metrics(registry, options.name, options.max_concurrent_reconciles),
        queue(clk, limiter ? std::move(limiter) : DefaultControllerRateLimiter(clk),
              std::make_unique<WorkQueueMetrics>(registry, options.name, clk), options.queue) {}

  bool ProcessNextWorkItem();
  void ReconcileHandler(const std::string& key);

  const ControllerOptions options;
  std::shared_ptr<Reconciler> reconciler;
  const Clock& clock;
  Logger logger;
  std::shared_ptr<IdSource> ids;
  ControllerMetrics metrics;
  WorkQueue queue;
  std::atomic<bool> stopping{false};

  std::mutex mu;
  std::condition_variable workers_exited;
  int running_workers = 0;
};

Controller::Controller(ControllerOptions options, std::shared_ptr<Reconciler> reconciler,
                       const Clock& clock, metrics::Registry& registry, Logger logger,
                       std::unique_ptr<RateLimiter> rate_limiter, std::shared_ptr<IdSource> ids)
    : core_(std::make_shared<Core>(std::move(options), std::move(reconciler), clock, registry,
                                   std::move(logger), std::move(rate_limiter), std::move(ids))) {}

Controller::~Controller() {
  Stop(Clock::Duration::zero());
}

const std::string& Controller::name() const {
  return core_->options.name;
}

WorkQueue& Controller::queue() {
  return core_->queue;
}

void Controller::Enqueue(const Request& request) {
  core_->queue.Add(request.Key());
}

void Controller::EnqueueAfter(const Request& request, Clock::Duration delay) {
  core_->queue.AddAfter(request.Key(), delay);
}

Status Controller::Start() {
  std::lock_guard lifecycle(lifecycle_mu_);
  if (started_ || stopped_) {
    return FailedPrecondition("controller " + core_->options.name + " was already started");
  }
  if (!core_->reconciler)
    return InvalidArgument("controller " + core_->options.name + " has no reconciler");
  if (core_->options.max_concurrent_reconciles < 1) {
    return InvalidArgument("controller " + core_->options.name +
                           ": max_concurrent_reconciles must be at least 1");
  }
  started_ = true;
  core_->logger.Info("Starting workers",
                     {{"worker count", core_->options.max_concurrent_reconciles}});
  {
    std::lock_guard lock(core_->mu);
    core_->running_workers = core_->options.max_concurrent_reconciles;
  }
  for (int i = 0; i < core_->options.max_concurrent_reconciles; ++i) {
    workers_.emplace_back(&Controller::WorkerLoop, core_);
  }
  return Status::Ok();
}

bool Controller::Stop(Clock::Duration grace) {
  std::lock_guard lifecycle(lifecycle_mu_);
  if (stopped_) return true;
  stopped_ = true;
  core_->stopping = true;
  core_->queue.ShutDown();
  bool finished = true;
  {
    std::unique_lock lock(core_->mu);
    finished =
        core_->workers_exited.wait_for(lock, grace, [this] { return core_->running_workers == 0; });
  }
  for (auto& worker : workers_) {
    if (finished) {
      worker.join();
    } else {
      worker.detach();  // it holds the core alive and exits after its current reconcile
    }
  }
  workers_.clear();
  if (finished) {
    core_->logger.Info("All workers finished");
  } else {
    core_->logger.Warn("Grace period ended with reconciles still running");
  }
  return finished;
}

bool Controller::ProcessNextWorkItem() {
  return core_->ProcessNextWorkItem();
}

void Controller::WorkerLoop(std::shared_ptr<Core> core) {
  while (core->ProcessNextWorkItem()) {
  }
  std::lock_guard lock(core->mu);
  --core->running_workers;
  core->workers_exited.notify_all();
}

bool Controller::Core::ProcessNextWorkItem() {
  auto key = queue.Get();
  if (!key) return false;
  if (stopping) {
    // Shutting down: keys still queued are left for the next leader to list again.
    queue.Done(*key);
    return false;
  }
  metrics.active_workers.Increment();
  ReconcileHandler(*key);
  metrics.active_workers.Decrement();
  queue.Done(*key);
  return true;
}

void Controller::Core::ReconcileHandler(const std::string& key) {
  const Request request = Request::FromKey(key);
  const std::string reconcile_id = ids->NewId();
  Logger log = logger.With("namespace", request.ns)
                   .With("name", request.name)
                   .With("reconcileID", reconcile_id);
  ReconcileContext context(log, reconcile_id, stopping);

  const auto start = clock.Now();
  std::optional<ReconcileResult> result;
  Status panic;
  try {
    result = reconciler->Reconcile(request, context);
  } catch (const std::exception& e) {
    panic = Internal(std::string("panic: ") + e.what() + " [recovered]");
  } catch (...) {
    panic = Internal("panic: unknown exception [recovered]");
  }
  metrics.reconcile_time.Observe(std::chrono::duration<double>(clock.Now() - start).count());

  if (!result) {
    metrics.panics.Increment();
    log.Error("Observed a panic", panic);
    result = ReconcileResult::RetryableError(panic);
  }

  switch (result->kind()) {
    case ReconcileResult::Kind::kRetryableError:
    case ReconcileResult::Kind::kTerminalError:
      if (result->kind() == ReconcileResult::Kind::kTerminalError) {
        metrics.terminal_errors.Increment();
      } else {
        queue.AddRateLimited(key);
      }
      metrics.errors.Increment();
      metrics.total_error.Increment();
      log.Error("Reconciler error", result->error());
      return;
    case ReconcileResult::Kind::kRequeueAfter:
      // The rate limiter's failures are reset; the key comes back after the requested delay.
      queue.Forget(key);
      queue.AddAfter(key, result->requeue_after());
      metrics.total_requeue_after.Increment();
      return;
    case ReconcileResult::Kind::kRequeue:
      queue.AddRateLimited(key);
      metrics.total_requeue.Increment();
      return;
    case ReconcileResult::Kind::kDone:
      queue.Forget(key);
      metrics.total_success.Increment();
      return;
  }
}

}  // namespace po::runtime
