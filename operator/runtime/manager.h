// Runs the operator's long-lived parts in order: starts the caches, waits for them to sync, starts
// the controllers (at once, or only while this replica leads when a LeaderElector is set — standby
// replicas keep caches warm and report ready), and on RequestStop (SIGTERM) stops taking work,
// gives in-flight reconciles a bounded grace period, releases the lease and stops the caches.
// Add* before Run; RequestStop and the readiness check are thread-safe.
#pragma once

#include <prometheus/gauge.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/cache_source.h"
#include "operator/runtime/controller.h"
#include "operator/runtime/leader_elector.h"
#include "operator/runtime/log.h"

namespace po::runtime {

struct ManagerOptions {
  // How long in-flight reconciles may run after a stop request. Default 30 s (controller-runtime).
  Clock::Duration graceful_shutdown_timeout = std::chrono::seconds(30);
  // How long the caches may take to sync before Run fails. Default 2 min (controller-runtime).
  Clock::Duration cache_sync_timeout = std::chrono::minutes(2);
  // How often cache sync is polled. Default 100 ms (client-go's WaitForCacheSync).
  Clock::Duration cache_sync_poll_interval = std::chrono::milliseconds(100);
};

class Manager {
 public:
  // `clock` and `registry` must outlive the manager.
  Manager(ManagerOptions options, const Clock& clock, metrics::Registry& registry, Logger logger);
  ~Manager();

  void AddCache(std::shared_ptr<CacheSource> cache);
  void AddController(std::shared_ptr<Controller> controller);
  // Controllers then run only while this replica leads.
  void SetLeaderElector(std::shared_ptr<LeaderElector> elector);

  // Blocks until RequestStop, then shuts down gracefully and returns OK. Returns kDeadlineExceeded
  // if the caches do not sync in time, kCancelled ("leader election lost") if leadership is lost —
  // the process should then exit so a fresh replica takes over — or a start error.
  Status Run();
  // Asks Run to return; safe from any thread (the signal watcher calls it).
  void RequestStop();

  // The readiness check: OK once every cache has synced (leading or not).
  Status CachesSynced() const;
  bool IsLeading() const { return leading_.load(); }

 private:
  Status WaitForCacheSync();
  Status StartControllers();
  bool StopControllers(Clock::TimePoint deadline_real);
  void StopCaches();

  const ManagerOptions options_;
  const Clock& clock_;
  Logger logger_;
  metrics::Registry& registry_;
  std::vector<std::shared_ptr<CacheSource>> caches_;
  std::vector<std::shared_ptr<Controller>> controllers_;
  std::shared_ptr<LeaderElector> elector_;
  prometheus::Gauge* leader_status_ = nullptr;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stop_requested_ = false;
  bool started_leading_ = false;
  bool stopped_leading_ = false;
  std::atomic<bool> leading_{false};
  std::atomic<bool> synced_{false};
};

}  // namespace po::runtime
