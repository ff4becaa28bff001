// The event recorder's queue and writer thread.
#include "operator/kube/event_recorder.h"

#include <unistd.h>

#include <cstdio>

#include "operator/kube/resource.h"

namespace po::kube {
namespace {
std::string Hostname() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) return "";
  return host;
}
}  // namespace

std::string_view EventTypeName(EventType type) {
  return type == EventType::kWarning ? "Warning" : "Normal";
}

EventRecorder::EventRecorder(KubeClient& client, Clock& clock, EventRecorderOptions options)
    : client_(client),
      clock_(clock),
      options_([&options] {
        if (options.host.empty()) options.host = Hostname();
        return options;
      }()),
      correlator_(clock, options_.correlator) {
  writer_ = std::jthread([this](std::stop_token stop) { Drain(stop); });
}

EventRecorder::~EventRecorder() {
  writer_.request_stop();
  cv_.notify_all();
  writer_.join();
}

bool EventRecorder::Record(const ObjectReference& object, EventType type, std::string reason,
                           std::string message) {
  EventRecord event;
  event.involved = object;
  event.type = std::string(EventTypeName(type));
  event.reason = std::move(reason);
  event.message = std::move(message);
  event.component = options_.component;
  event.host = options_.host;
  event.first_timestamp = event.last_timestamp = clock_.WallNow();
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= options_.queue_capacity) {
      dropped_.fetch_add(1);
      return false;
    }
    queue_.push_back(std::move(event));
  }
  cv_.notify_all();
  return true;
}

bool EventRecorder::Flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [this] { return queue_.empty() && !busy_; });
}

// "<object name>.<hex nanoseconds>", strictly increasing so two events never share a name.
std::string EventRecorder::NewName(const std::string& object_name) {
  auto nanos =
      std::chrono::duration_cast<std::chrono::nanoseconds>(clock_.WallNow().time_since_epoch())
          .count();
  std::lock_guard lock(mu_);
  if (nanos <= last_name_nanos_) nanos = last_name_nanos_ + 1;
  last_name_nanos_ = nanos;
  char hex[32];
  std::snprintf(hex, sizeof(hex), "%llx", static_cast<unsigned long long>(nanos));
  return object_name + "." + hex;
}

void EventRecorder::Write(EventRecord event) {
  CorrelationResult result = correlator_.Correlate(std::move(event));
  if (result.skip) {
    skipped_.fetch_add(1);
    return;
  }
  EventRecord& record = result.event;
  for (int attempt = 1; attempt <= options_.max_attempts; ++attempt) {
    Result<Json> written = Status::Ok();
    if (result.patch) {
      written = client_.Patch(Events(), record.Namespace(), record.name, PatchType::kMerge,
                              result.patch->dump());
      if (!written.ok() && written.status().code() == StatusCode::kNotFound) {
        // The event it repeats is gone (expired): write it afresh.
        result.patch.reset();
        record.name.clear();
        record.resource_version.clear();
        continue;
      }
    } else {
      if (record.name.empty()) record.name = NewName(record.involved.name);
      written = client_.Create(Events(), record.Namespace(), record.ToJson());
      if (!written.ok() && written.status().code() == StatusCode::kAlreadyExists) return;
    }
    if (written.ok()) {
      record.resource_version = ResourceVersionOf(*written);
      correlator_.UpdateState(result.key, record);
      written_.fetch_add(1);
      return;
    }
    if (attempt < options_.max_attempts) clock_.SleepFor(options_.retry_wait);
  }
  failed_.fetch_add(1);
}

void EventRecorder::Drain(std::stop_token stop) {
  for (;;) {
    EventRecord next;
    {
      std::unique_lock lock(mu_);
      busy_ = false;
      cv_.notify_all();
      cv_.wait(lock, [&] { return stop.stop_requested() || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping with nothing left to write
      next = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    Write(std::move(next));
  }
}

}  // namespace po::kube
