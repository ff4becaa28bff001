// A ListerWatcher for tests: answers LIST and WATCH from scripts, records the options of every
// call, and advances a FakeClock by each watch's scripted duration. Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

#include "operator/common/clock.h"
#include "operator/kube/watcher.h"

namespace po::kube::testing {

struct ScriptedWatch {
  std::vector<WatchEvent> events;
  Status end;                                            // what Watch returns after the events
  Clock::Duration duration = std::chrono::seconds(300);  // fake time the watch lasts
};

class ScriptedListerWatcher final : public ListerWatcher {
 public:
  explicit ScriptedListerWatcher(FakeClock& clock) : clock_(clock) {}

  void PushList(Result<ObjectList> list) {
    std::lock_guard lock(mu_);
    lists_.push_back(std::move(list));
    cv_.notify_all();
  }
  void PushWatch(ScriptedWatch watch) {
    std::lock_guard lock(mu_);
    watches_.push_back(std::move(watch));
    cv_.notify_all();
  }

  Result<ObjectList> List(const ListOptions& options) override {
    std::unique_lock lock(mu_);
    list_calls.push_back(options);
    if (lists_.empty()) return Unavailable("no scripted list");
    auto list = lists_.front();
    lists_.pop_front();
    return list;
  }

  // With no scripted watch left, blocks until one is pushed or `stop`.
  Status Watch(const ListOptions& options, const KubeClient::WatchHandler& handler,
               std::stop_token stop) override {
    ScriptedWatch watch;
    {
      std::stop_callback wake(stop, [this] {  // before the lock: it may run at once
        std::lock_guard inner(mu_);
        cv_.notify_all();
      });
      std::unique_lock lock(mu_);
      watch_calls.push_back(options);
      cv_.wait(lock, [&] { return stop.stop_requested() || !watches_.empty(); });
      if (watches_.empty()) return Status(StatusCode::kCancelled, "stopped");
      watch = watches_.front();
      watches_.pop_front();
    }
    for (const auto& event : watch.events) {
      if (!handler(event)) return Status::Ok();
    }
    clock_.Advance(watch.duration);
    return watch.end;
  }

  std::vector<ListOptions> ListCalls() {
    std::lock_guard lock(mu_);
    return list_calls;
  }
  std::vector<ListOptions> WatchCalls() {
    std::lock_guard lock(mu_);
    return watch_calls;
  }

  std::vector<ListOptions> list_calls;
  std::vector<ListOptions> watch_calls;

 private:
  FakeClock& clock_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Result<ObjectList>> lists_;
  std::deque<ScriptedWatch> watches_;
};

inline nlohmann::json TestObject(const std::string& name, const std::string& rv,
                                 const std::string& ns = "ns") {
  return {{"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", rv}}}};
}

inline ObjectList TestList(const std::string& rv, std::vector<nlohmann::json> items) {
  return {std::move(items), rv, ""};
}

}  // namespace po::kube::testing
