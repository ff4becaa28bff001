// Watches a resource for changes, with error recovery: an explicit state machine over LIST and
// WATCH calls with client-go's reflector semantics (first LIST at resourceVersion "0", WATCH from
// the last version with bookmarks and a random 5–10 min timeout, consistent relist after 410,
// backoff without relist after connection failures, throttling and very short watches).
// Not thread-safe: one thread drives a Watcher; State() and RelistCount() may be read from others.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>

#include "operator/common/clock.h"
#include "operator/kube/backoff.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/random_source.h"

namespace po::kube {

// The LIST and WATCH calls of one resource collection (with its namespace and selectors fixed).
class ListerWatcher {
 public:
  virtual ~ListerWatcher() = default;
  // A complete list (all pages) at options.resource_version.
  virtual Result<ObjectList> List(const ListOptions& options) = 0;
  virtual Status Watch(const ListOptions& options, const KubeClient::WatchHandler& handler,
                       std::stop_token stop) = 0;
};

// ListerWatcher over a KubeClient, paging lists with `page_size` items.
class ClientListerWatcher final : public ListerWatcher {
 public:
  ClientListerWatcher(KubeClient& client, ResourceRef resource, std::string ns = "",
                      std::string label_selector = "", std::string field_selector = "",
                      int page_size = 500);
  Result<ObjectList> List(const ListOptions& options) override;
  Status Watch(const ListOptions& options, const KubeClient::WatchHandler& handler,
               std::stop_token stop) override;

 private:
  ListOptions WithSelectors(ListOptions options) const;
  KubeClient& client_;
  const ResourceRef resource_;
  const std::string ns_;
  const std::string label_selector_;
  const std::string field_selector_;
  const int page_size_;
};

enum class WatcherState {
  kEmpty,      // nothing listed yet: the next step LISTs at resourceVersion "0"
  kWatching,   // listed: the next step WATCHes from the last resourceVersion
  kRelisting,  // the next step LISTs again (at the last version, or "" after 410)
  kBackoff,    // the next step waits, then resumes in the state recorded before the failure
  kStopped,    // cancelled
};
std::string_view WatcherStateName(WatcherState state);

// What a Watcher reports to its owner (the informer).
class WatcherSink {
 public:
  virtual ~WatcherSink() = default;
  // A complete list replaced everything known before.
  virtual void OnReplace(std::vector<Json> items, const std::string& resource_version) = 0;
  // An ADDED, MODIFIED or DELETED event (bookmarks are absorbed by the watcher).
  virtual void OnEvent(const WatchEvent& event) = 0;
};

struct WatcherOptions {
  // Watch timeouts are drawn from [min_watch_timeout, 2 × min_watch_timeout). Default 5 min.
  std::chrono::seconds min_watch_timeout{300};
  // A watch that ends sooner than this with no events counts as an error. Default 1 s.
  std::chrono::milliseconds short_watch{1000};
  BackoffOptions backoff;
};

class Watcher {
 public:
  Watcher(ListerWatcher& source, WatcherSink& sink, const Clock& clock, Clock& sleeper,
          RandomSource& random, WatcherOptions options = {});

  // Performs one transition and returns the new state.
  WatcherState Step(std::stop_token stop);
  // Steps until stopped.
  void Run(std::stop_token stop);

  WatcherState State() const { return state_.load(); }
  // The state a backoff will resume in.
  WatcherState ResumeState() const { return resume_; }
  const std::string& ResourceVersion() const { return resource_version_; }
  // Relists caused by an expired resource version (410 / Expired / too large).
  int RelistCount() const { return relists_.load(); }
  // The last backoff wait chosen (for tests and logs).
  Clock::Duration LastBackoff() const { return last_backoff_; }
  const Status& LastError() const { return last_error_; }
  // Called after each relist caused by an expired resource version (e.g. to bump a metric).
  void SetRelistObserver(std::function<void()> observer) { on_relist_ = std::move(observer); }

 private:
  WatcherState ListStep(const std::string& resource_version);
  WatcherState WatchStep(std::stop_token stop);
  WatcherState BackoffStep(std::stop_token stop);
  WatcherState Fail(const Status& error, WatcherState resume);
  void CountRelist();

  ListerWatcher& source_;
  WatcherSink& sink_;
  const Clock& clock_;
  Clock& sleeper_;
  RandomSource& random_;
  const WatcherOptions options_;
  ExponentialBackoff backoff_;
  std::atomic<WatcherState> state_{WatcherState::kEmpty};
  WatcherState resume_ = WatcherState::kEmpty;
  std::string resource_version_;
  bool consistent_relist_ = false;  // the last version is gone: relist with ""
  std::atomic<int> relists_{0};
  Clock::Duration last_backoff_{};
  Status last_error_;
  std::function<void()> on_relist_;
};

}  // namespace po::kube
