// Event aggregation, deduplication and spam filtering.
#include "operator/kube/event_correlator.h"

#include "operator/kube/credentials.h"
#include "operator/kube/resource.h"

namespace po::kube {

ObjectReference ReferenceTo(const nlohmann::json& object) {
  return {object.value("apiVersion", ""),
          object.value("kind", ""),
          NamespaceOf(object),
          NameOf(object),
          UidOf(object),
          ResourceVersionOf(object),
          ""};
}

std::string EventRecord::Namespace() const {
  return involved.ns.empty() ? "default" : involved.ns;
}

nlohmann::json EventRecord::ToJson() const {
  nlohmann::json involved_object = {
      {"kind", involved.kind}, {"name", involved.name}, {"apiVersion", involved.api_version}};
  if (!involved.ns.empty()) involved_object["namespace"] = involved.ns;
  if (!involved.uid.empty()) involved_object["uid"] = involved.uid;
  if (!involved.resource_version.empty()) {
    involved_object["resourceVersion"] = involved.resource_version;
  }
  if (!involved.field_path.empty()) involved_object["fieldPath"] = involved.field_path;
  nlohmann::json event = {{"apiVersion", "v1"},
                          {"kind", "Event"},
                          {"metadata", {{"name", name}, {"namespace", Namespace()}}},
                          {"involvedObject", involved_object},
                          {"type", type},
                          {"reason", reason},
                          {"message", message},
                          {"source", {{"component", component}}},
                          {"reportingComponent", component},
                          {"reportingInstance", host},
                          {"count", count},
                          {"firstTimestamp", FormatRfc3339(first_timestamp)},
                          {"lastTimestamp", FormatRfc3339(last_timestamp)}};
  if (!host.empty()) event["source"]["host"] = host;
  if (!resource_version.empty()) event["metadata"]["resourceVersion"] = resource_version;
  return event;
}

namespace {
std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto part : parts) {
    out += part;
    out += '\x1f';  // a separator no field contains
  }
  return out;
}
}  // namespace

std::string SpamKey(const EventRecord& e) {
  return Join({e.component, e.host, e.involved.kind, e.involved.ns, e.involved.name, e.involved.uid,
               e.involved.api_version});
}

std::string AggregateKey(const EventRecord& e) {
  return Join({e.component, e.host, e.involved.kind, e.involved.ns, e.involved.name, e.involved.uid,
               e.involved.api_version, e.type, e.reason});
}

std::string EventKey(const EventRecord& e) {
  return Join({e.component, e.host, e.involved.kind, e.involved.ns, e.involved.name,
               e.involved.field_path, e.involved.uid, e.involved.api_version, e.type, e.reason,
               e.message});
}

EventCorrelator::EventCorrelator(const Clock& clock, CorrelatorOptions options)
    : clock_(clock), options_(options) {}

template <typename Map>
void EventCorrelator::Bound(Map& map) {
  if (map.size() < options_.max_cache_entries) return;
  // Forget about half of the entries; the caches only damp repetition, losing some is harmless.
  auto it = map.begin();
  for (size_t i = 0; i < options_.max_cache_entries / 2 && it != map.end(); ++i) {
    it = map.erase(it);
  }
}

bool EventCorrelator::AllowedBySpamFilter(const EventRecord& event) {
  auto now = clock_.Now();
  std::string key = SpamKey(event);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    Bound(buckets_);
    it = buckets_.emplace(key, Bucket{options_.spam_burst, now}).first;
  }
  Bucket& bucket = it->second;
  double elapsed = std::chrono::duration<double>(now - bucket.last).count();
  bucket.tokens = std::min(options_.spam_burst, bucket.tokens + elapsed * options_.spam_qps);
  bucket.last = now;
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

CorrelationResult EventCorrelator::Correlate(EventRecord event) {
  auto now = clock_.Now();
  // Aggregation: count distinct messages of similar events within the interval.
  std::string aggregate_key = AggregateKey(event);
  Aggregate& aggregate = aggregates_[aggregate_key];
  if (aggregate.messages.empty() || now - aggregate.last > options_.max_interval) {
    aggregate.messages.clear();
  }
  aggregate.last = now;
  aggregate.messages.insert(event.message);
  std::string observed_key = EventKey(event);
  if (static_cast<int>(aggregate.messages.size()) >= options_.max_similar_events) {
    event.message = "(combined from similar events): " + event.message;
    observed_key = aggregate_key;
  }
  Bound(aggregates_);

  // Deduplication: a repeat becomes a patch of the event already written.
  CorrelationResult result;
  auto it = observed_.find(observed_key);
  if (it != observed_.end() && !it->second.name.empty()) {
    event.count = it->second.count + 1;
    event.first_timestamp = it->second.first_timestamp;
    event.name = it->second.name;
    event.resource_version = it->second.resource_version;
    result.patch = nlohmann::json{{"count", event.count},
                                  {"lastTimestamp", FormatRfc3339(event.last_timestamp)},
                                  {"message", event.message}};
  }
  Bound(observed_);
  Observed& entry = observed_[observed_key];
  entry.count = event.count;
  entry.first_timestamp = event.first_timestamp;
  entry.name = event.name;
  entry.resource_version = event.resource_version;
  result.event = std::move(event);
  result.skip = !AllowedBySpamFilter(result.event);
  result.key = observed_key;
  return result;
}

void EventCorrelator::UpdateState(const std::string& key, const EventRecord& written) {
  auto it = observed_.find(key);
  if (it == observed_.end()) return;
  it->second.count = written.count;
  it->second.first_timestamp = written.first_timestamp;
  it->second.name = written.name;
  it->second.resource_version = written.resource_version;
}

}  // namespace po::kube
