// The Manager's start-up order, leader gating and graceful shutdown.
#include "operator/runtime/manager.h"

#include <algorithm>

namespace po::runtime {

Manager::Manager(ManagerOptions options, const Clock& clock, metrics::Registry& registry,
                 Logger logger)
    : options_(options), clock_(clock), logger_(std::move(logger)), registry_(registry) {}

Manager::~Manager() = default;

void Manager::AddCache(std::shared_ptr<CacheSource> cache) {
  caches_.push_back(std::move(cache));
}

void Manager::AddController(std::shared_ptr<Controller> controller) {
  controllers_.push_back(std::move(controller));
}

void Manager::SetLeaderElector(std::shared_ptr<LeaderElector> elector) {
  elector_ = std::move(elector);
  leader_status_ = &prometheus::BuildGauge()
                        .Name("leader_election_master_status")
                        .Help(
                            "Gauge of if the reporting system is master of the relevant lease, 0 "
                            "indicates backup, 1 indicates master. 'name' is the string used to "
                            "identify the lease. Please make sure to group by name.")
                        .Register(registry_.prom())
                        .Add({{"name", elector_->Name()}});
  leader_status_->Set(0);
}

void Manager::RequestStop() {
  std::lock_guard lock(mu_);
  stop_requested_ = true;
  wake_.notify_all();
}

Status Manager::CachesSynced() const {
  if (synced_) return Status::Ok();
  std::string pending;
  for (const auto& cache : caches_) {
    if (cache->HasSynced()) continue;
    pending += (pending.empty() ? "" : ", ") + cache->Name();
  }
  if (pending.empty() && !caches_.empty()) return Status::Ok();
  if (pending.empty()) return Unavailable("the manager has not started");
  return Unavailable("caches not synced: " + pending);
}

Status Manager::WaitForCacheSync() {
  const auto deadline = clock_.Now() + options_.cache_sync_timeout;
  while (true) {
    std::string pending;
    for (const auto& cache : caches_) {
      if (!cache->HasSynced()) pending += (pending.empty() ? "" : ", ") + cache->Name();
    }
    if (pending.empty()) return Status::Ok();
    std::unique_lock lock(mu_);
    if (stop_requested_) return Status(StatusCode::kCancelled, "stopped while caches were syncing");
    if (clock_.Now() >= deadline) {
      return Status(StatusCode::kDeadlineExceeded,
                    "timed out waiting for caches to sync: " + pending);
    }
    wake_.wait_for(lock, options_.cache_sync_poll_interval);
  }
}

Status Manager::StartControllers() {
  for (const auto& controller : controllers_) {
    logger_.Info("Starting Controller", {{"controller", controller->name()}});
    PO_RETURN_IF_ERROR(controller->Start());
  }
  return Status::Ok();
}

bool Manager::StopControllers(Clock::TimePoint deadline_real) {
  bool all_finished = true;
  for (const auto& controller : controllers_) {
    const auto remaining =
        std::max(Clock::Duration::zero(), deadline_real - std::chrono::steady_clock::now());
    all_finished = controller->Stop(remaining) && all_finished;
  }
  return all_finished;
}

void Manager::StopCaches() {
  for (const auto& cache : caches_) cache->Stop();
}

Status Manager::Run() {
  logger_.Info("Starting manager",
               {{"caches", caches_.size()}, {"controllers", controllers_.size()}});
  for (const auto& cache : caches_) {
    Status started = cache->Start();
    if (!started.ok()) {
      StopCaches();
      return started.WithContext("starting cache " + cache->Name());
    }
  }
  if (Status synced = WaitForCacheSync(); !synced.ok()) {
    StopCaches();
    return synced;
  }
  synced_ = true;
  logger_.Info("Caches synced");

  Status result = Status::Ok();
  bool controllers_started = false;
  if (!elector_) {
    leading_ = true;
    result = StartControllers();
    controllers_started = true;
  } else {
    LeaderCallbacks callbacks;
    callbacks.on_started_leading = [this] {
      std::lock_guard lock(mu_);
      started_leading_ = true;
      leading_ = true;
      leader_status_->Set(1);
      wake_.notify_all();
    };
    callbacks.on_stopped_leading = [this] {
      std::lock_guard lock(mu_);
      stopped_leading_ = true;
      leading_ = false;
      leader_status_->Set(0);
      wake_.notify_all();
    };
    callbacks.on_new_leader = [this](const std::string& identity) {
      logger_.Info("New leader elected", {{"identity", identity}});
    };
    result = elector_->Start(std::move(callbacks)).WithContext("starting leader election");
    if (result.ok()) logger_.Info("Waiting for leadership", {{"lease", elector_->Name()}});
  }

  while (result.ok()) {
    std::unique_lock lock(mu_);
    wake_.wait(lock, [&] {
      return stop_requested_ || stopped_leading_ || (started_leading_ && !controllers_started);
    });
    if (stop_requested_) break;
    if (stopped_leading_) {
      result = Status(StatusCode::kCancelled, "leader election lost");
      break;
    }
    lock.unlock();
    logger_.Info("Became leader, starting controllers");
    controllers_started = true;
    result = StartControllers();
  }

  logger_.Info("Stopping and waiting for in-flight reconciles",
               {{"gracePeriodSeconds",
                 std::chrono::duration<double>(options_.graceful_shutdown_timeout).count()}});
  const bool finished =
      StopControllers(std::chrono::steady_clock::now() + options_.graceful_shutdown_timeout);
  if (!finished) logger_.Warn("Grace period ended before all reconciles finished");
  if (elector_) elector_->Stop();
  leading_ = false;
  if (leader_status_) leader_status_->Set(0);
  StopCaches();
  logger_.Info("Manager stopped");
  return result;
}

}  // namespace po::runtime
