// Records core/v1 Events about objects (client-go's EventRecorder.Eventf): Record() never blocks —
// it queues (dropping when the bounded queue is full) and one background thread correlates
// (aggregates, deduplicates, spam-filters) and writes each event: a create, or a patch of the
// event it repeats. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/event_correlator.h"
#include "operator/kube/kube_client.h"

namespace po::kube {

enum class EventType { kNormal, kWarning };
std::string_view EventTypeName(EventType type);

struct EventRecorderOptions {
  // source.component / reportingComponent. Default "platform-operator".
  std::string component = "platform-operator";
  // source.host / reportingInstance. Default: this machine's hostname.
  std::string host{};
  // Events waiting to be written; more are dropped. Default 1000.
  size_t queue_capacity = 1000;
  // Attempts to write one event before giving up. Default 3.
  int max_attempts = 3;
  // The wait between attempts. Default 1 s.
  std::chrono::milliseconds retry_wait{1000};
  CorrelatorOptions correlator{};
};

class EventRecorder {
 public:
  EventRecorder(KubeClient& client, Clock& clock, EventRecorderOptions options = {});
  ~EventRecorder();  // writes what is queued, then stops

  // Queues an event about `object`; returns false when the queue was full and it was dropped.
  bool Record(const ObjectReference& object, EventType type, std::string reason,
              std::string message);

  // Waits (in real time) until everything queued so far has been handled; false on timeout.
  bool Flush(std::chrono::milliseconds timeout);

  std::uint64_t Dropped() const { return dropped_.load(); }  // queue full
  std::uint64_t Skipped() const { return skipped_.load(); }  // spam filter
  std::uint64_t Written() const { return written_.load(); }  // creates and patches that succeeded
  std::uint64_t Failed() const { return failed_.load(); }    // gave up after max_attempts

 private:
  void Drain(std::stop_token stop);
  void Write(EventRecord event);
  std::string NewName(const std::string& object_name);

  KubeClient& client_;
  Clock& clock_;
  const EventRecorderOptions options_;
  EventCorrelator correlator_;  // used by the writer thread only
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<EventRecord> queue_;
  bool busy_ = false;
  std::int64_t last_name_nanos_ = 0;
  std::atomic<std::uint64_t> dropped_{0}, skipped_{0}, written_{0}, failed_{0};
  std::jthread writer_;
};

}  // namespace po::kube
