// Decides what becomes of each event before it is written, as client-go's EventCorrelator:
// similar events (same object, type and reason; different messages) beyond 10 within 10 minutes
// are combined into one "(combined from similar events): <message>" event; repeats of an identical
// event become a patch of the first one (count+1, lastTimestamp); and a per-object token bucket
// (burst 25, one token per 5 minutes) drops floods. Not thread-safe: the recorder's one writer
// thread owns it.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "operator/common/clock.h"

namespace po::kube {

// Identifies the object an event is about (core/v1 ObjectReference).
struct ObjectReference {
  std::string api_version;
  std::string kind;
  std::string ns;
  std::string name;
  std::string uid;
  std::string resource_version;
  std::string field_path;
};

// A reference to an unstructured object (apiVersion, kind and metadata).
ObjectReference ReferenceTo(const nlohmann::json& object);

// One core/v1 Event as the recorder tracks it.
struct EventRecord {
  ObjectReference involved;
  std::string type;  // "Normal" | "Warning"
  std::string reason;
  std::string message;
  std::string component;  // source.component / reportingComponent
  std::string host;       // source.host / reportingInstance
  int count = 1;
  Clock::WallTime first_timestamp{};
  Clock::WallTime last_timestamp{};
  std::string name;  // metadata.name, "<object name>.<hex>"
  std::string resource_version;

  // The namespace the Event lives in: the object's, or "default" for cluster-scoped objects.
  std::string Namespace() const;
  nlohmann::json ToJson() const;
};

struct CorrelatorOptions {
  // Similar events allowed within max_interval before they are combined. Default 10.
  int max_similar_events = 10;
  // The window for similar events. Default 10 min.
  std::chrono::seconds max_interval{600};
  // Spam filter bucket size per object. Default 25.
  double spam_burst = 25;
  // Spam filter refill, tokens per second. Default 1/300 (one every 5 minutes).
  double spam_qps = 1.0 / 300.0;
  // Entries kept per cache before the oldest half is forgotten. Default 4096 (client-go's LRU).
  size_t max_cache_entries = 4096;
};

struct CorrelationResult {
  EventRecord event;                    // the event to write (possibly the combined one)
  std::optional<nlohmann::json> patch;  // set when this repeats a recorded event: PATCH it
  bool skip = false;                    // dropped by the spam filter
  std::string key;                      // the deduplication key, for UpdateState
};

class EventCorrelator {
 public:
  explicit EventCorrelator(const Clock& clock, CorrelatorOptions options = {});

  CorrelationResult Correlate(EventRecord event);
  // Remembers the name, count and resourceVersion of an event written under `key`.
  void UpdateState(const std::string& key, const EventRecord& written);

 private:
  struct Aggregate {
    std::set<std::string> messages;
    Clock::TimePoint last;
  };
  struct Observed {
    int count = 0;
    Clock::WallTime first_timestamp{};
    std::string name;
    std::string resource_version;
  };
  struct Bucket {
    double tokens = 0;
    Clock::TimePoint last;
  };

  bool AllowedBySpamFilter(const EventRecord& event);
  template <typename Map>
  void Bound(Map& map);

  const Clock& clock_;
  const CorrelatorOptions options_;
  std::map<std::string, Aggregate> aggregates_;
  std::map<std::string, Observed> observed_;
  std::map<std::string, Bucket> buckets_;
};

// The keys client-go uses: the whole event (dedup), the event without its message (similar
// events), and the object plus source (spam filter).
std::string EventKey(const EventRecord& event);
std::string AggregateKey(const EventRecord& event);
std::string SpamKey(const EventRecord& event);

}  // namespace po::kube
