// Keeps a Store in step with one resource collection and tells handlers about every change:
// a Watcher (reflector) feeds the store and a queue of notifications; one dispatcher thread
// delivers them in order to OnAdd / OnUpdate / OnDelete, and re-delivers every object as an
// update each (jittered) resync period. Thread-safe; handlers run on the dispatcher thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "operator/common/clock.h"
#include "operator/kube/store.h"
#include "operator/kube/watcher.h"

namespace po::kube {

struct EventHandlers {
  std::function<void(const ObjectPtr&)> on_add;
  std::function<void(const ObjectPtr& old_object, const ObjectPtr& new_object)> on_update;
  std::function<void(const ObjectPtr&)> on_delete;  // the last known state of the object
};

struct InformerOptions {
  // Every object is re-delivered as an update this often (0 = never). Default 10 h.
  std::chrono::milliseconds resync_period{std::chrono::hours(10)};
  // Each resync waits period × (1 + U[0, resync_jitter)). Default 0.1.
  double resync_jitter = 0.1;
  WatcherOptions watcher;
};

class Informer final : private WatcherSink {
 public:
  // `source` supplies LIST/WATCH; `clock` times resyncs and backoffs (sleeps go through it too).
  Informer(std::unique_ptr<ListerWatcher> source, Clock& clock, RandomSource& random,
           InformerOptions options = {});
  ~Informer() override;

  // Registers handlers; call before Start().
  void AddEventHandlers(EventHandlers handlers);
  // Adds a store index; call before Start().
  Status AddIndex(const std::string& name, Store::IndexFunc func);

  // Starts the reflector and dispatcher threads. Stop() (or the destructor) ends and joins them.
  void Start();
  void Stop();

  // True once the first complete list has been delivered to the handlers.
  bool HasSynced() const { return synced_.load(); }
  // Waits (in real time) for HasSynced(); false on timeout.
  bool WaitForSync(std::chrono::milliseconds timeout) const;

  const Store& GetStore() const { return store_; }
  WatcherState State() const { return watcher_.State(); }
  int RelistCount() const { return watcher_.RelistCount(); }
  // Called after each relist caused by an expired resource version.
  void SetRelistObserver(std::function<void()> observer);
  // Notifications queued and not yet delivered.
  size_t PendingNotifications() const;

  // Re-delivers every object as an update when the resync time has come; returns whether it did.
  // The dispatcher calls this itself; tests with a FakeClock may call it directly.
  bool ResyncIfDue();

 private:
  struct Notification {
    enum Kind { kAdd, kUpdate, kDelete, kSynced } kind;
    ObjectPtr old_object;
    ObjectPtr new_object;
  };

  void OnReplace(std::vector<Json> items, const std::string& resource_version) override;
  void OnEvent(const WatchEvent& event) override;
  void Enqueue(std::vector<Notification> batch);
  void Dispatch(std::stop_token stop);
  void ScheduleResync();

  std::unique_ptr<ListerWatcher> source_;
  Clock& clock_;
  RandomSource& random_;
  const InformerOptions options_;
  Store store_;
  Watcher watcher_;
  std::vector<EventHandlers> handlers_;

  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::deque<Notification> queue_;
  bool listed_once_ = false;
  std::atomic<bool> synced_{false};
  Clock::TimePoint next_resync_{};
  std::jthread reflector_;
  std::jthread dispatcher_;
};

}  // namespace po::kube
