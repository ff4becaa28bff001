// The watcher state machine.
#include "operator/kube/watcher.h"

#include <algorithm>

namespace po::kube {

ClientListerWatcher::ClientListerWatcher(KubeClient& client, ResourceRef resource, std::string ns,
                                         std::string label_selector, std::string field_selector,
                                         int page_size)
    : client_(client),
      resource_(std::move(resource)),
      ns_(std::move(ns)),
      label_selector_(std::move(label_selector)),
      field_selector_(std::move(field_selector)),
      page_size_(page_size) {}

ListOptions ClientListerWatcher::WithSelectors(ListOptions options) const {
  options.label_selector = label_selector_;
  options.field_selector = field_selector_;
  return options;
}

Result<ObjectList> ClientListerWatcher::List(const ListOptions& options) {
  return client_.List(resource_, ns_, WithSelectors(options), page_size_);
}

Status ClientListerWatcher::Watch(const ListOptions& options,
                                  const KubeClient::WatchHandler& handler, std::stop_token stop) {
  return client_.Watch(resource_, ns_, WithSelectors(options), handler, std::move(stop));
}

std::string_view WatcherStateName(WatcherState state) {
  switch (state) {
    case WatcherState::kEmpty:
      return "Empty";
    case WatcherState::kWatching:
      return "Watching";
    case WatcherState::kRelisting:
      return "Relisting";
    case WatcherState::kBackoff:
      return "Backoff";
    case WatcherState::kStopped:
      return "Stopped";
  }
  return "Unknown";
}

Watcher::Watcher(ListerWatcher& source, WatcherSink& sink, const Clock& clock, Clock& sleeper,
                 RandomSource& random, WatcherOptions options)
    : source_(source),
      sink_(sink),
      clock_(clock),
      sleeper_(sleeper),
      random_(random),
      options_(options),
      backoff_(clock, random, options.backoff) {}

void Watcher::CountRelist() {
  relists_.fetch_add(1);
  if (on_relist_) on_relist_();
}

WatcherState Watcher::Fail(const Status& error, WatcherState resume) {
  last_error_ = error;
  resume_ = resume;
  return WatcherState::kBackoff;
}

WatcherState Watcher::ListStep(const std::string& resource_version) {
  ListOptions options;
  options.resource_version = resource_version;
  auto list = source_.List(options);
  WatcherState here = state_.load();
  if (!list.ok()) {
    if (list.status().code() == StatusCode::kGone) {
      // The version we asked for is no longer (or not yet) available: next time read the latest.
      if (!consistent_relist_) CountRelist();
      consistent_relist_ = true;
      return Fail(list.status(), WatcherState::kRelisting);
    }
    return Fail(list.status(),
                here == WatcherState::kEmpty ? WatcherState::kEmpty : WatcherState::kRelisting);
  }
  consistent_relist_ = false;
  resource_version_ = list->resource_version;
  sink_.OnReplace(std::move(list->items), resource_version_);
  return WatcherState::kWatching;
}

WatcherState Watcher::WatchStep(std::stop_token stop) {
  ListOptions options;
  options.resource_version = resource_version_;
  options.allow_watch_bookmarks = true;
  auto min = options_.min_watch_timeout.count();
  options.timeout_seconds = static_cast<int>(min + static_cast<long long>(random_.Uniform() * min));
  int events = 0;
  auto start = clock_.Now();
  Status status = source_.Watch(
      options,
      [&](const WatchEvent& event) {
        ++events;
        if (std::string rv = ResourceVersionOf(event.object); !rv.empty()) {
          resource_version_ = rv;
        }
        if (event.type != WatchEventType::kBookmark) sink_.OnEvent(event);
        return !stop.stop_requested();
      },
      stop);
  if (stop.stop_requested() || status.code() == StatusCode::kCancelled) {
    return WatcherState::kStopped;
  }
  switch (status.code()) {
    case StatusCode::kOk:
      if (events == 0 && clock_.Now() - start < options_.short_watch) {
        return Fail(Unavailable("very short watch: the watch closed in under a second with no "
                                "events"),
                    WatcherState::kWatching);
      }
      return WatcherState::kWatching;
    case StatusCode::kGone:
      // 410 / Expired / too large resource version: relist with a consistent read.
      last_error_ = status;
      consistent_relist_ = true;
      CountRelist();
      return WatcherState::kRelisting;
    case StatusCode::kUnavailable:
    case StatusCode::kTooManyRequests:
    case StatusCode::kDeadlineExceeded:
      // The server is unreachable or busy: back off and watch again from the same version.
      return Fail(status, WatcherState::kWatching);
    default:
      // Anything else (forbidden, decode errors, internal errors): back off and relist.
      return Fail(status, WatcherState::kRelisting);
  }
}

WatcherState Watcher::BackoffStep(std::stop_token stop) {
  last_backoff_ = backoff_.Next();
  auto remaining = last_backoff_;
  const Clock::Duration slice = std::chrono::milliseconds(100);
  while (remaining > Clock::Duration::zero() && !stop.stop_requested()) {
    auto step = std::min(remaining, slice);
    sleeper_.SleepFor(step);
    remaining -= step;
  }
  if (stop.stop_requested()) return WatcherState::kStopped;
  return resume_;
}

WatcherState Watcher::Step(std::stop_token stop) {
  if (stop.stop_requested()) {
    state_ = WatcherState::kStopped;
    return state_;
  }
  WatcherState next = WatcherState::kStopped;
  switch (state_.load()) {
    case WatcherState::kEmpty:
      next = ListStep("0");
      break;
    case WatcherState::kRelisting:
      next = ListStep(consistent_relist_ ? "" : resource_version_);
      break;
    case WatcherState::kWatching:
      next = WatchStep(stop);
      break;
    case WatcherState::kBackoff:
      next = BackoffStep(stop);
      break;
    case WatcherState::kStopped:
      next = WatcherState::kStopped;
      break;
  }
  state_ = next;
  return next;
}

void Watcher::Run(std::stop_token stop) {
  while (Step(stop) != WatcherState::kStopped) {
  }
}

}  // namespace po::kube
