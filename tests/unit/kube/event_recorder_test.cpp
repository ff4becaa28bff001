// Tests event aggregation, deduplication, the spam filter, and the recorder's queue and writes.
#include "operator/kube/event_recorder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "operator/kube/fake_kube_client.h"

namespace po::kube {
namespace {

ObjectReference Pod(const std::string& name = "db-0") {
  return {"v1", "Pod", "team", name, "uid-" + name, "", ""};
}

EventRecord Event(const std::string& reason, const std::string& message,
                  const ObjectReference& object = Pod()) {
  EventRecord e;
  e.involved = object;
  e.type = "Warning";
  e.reason = reason;
  e.message = message;
  e.component = "platform-operator";
  e.host = "node-1";
  return e;
}

class EventCorrelatorTest : public ::testing::Test {
 protected:
  // Correlates and, unless skipped, "writes" it (names it and records the state).
  CorrelationResult Submit(EventRecord e) {
    e.first_timestamp = e.last_timestamp = clock.WallNow();
    auto result = correlator.Correlate(std::move(e));
    if (!result.skip) {
      if (result.event.name.empty()) result.event.name = "ev" + std::to_string(++names);
      result.event.resource_version = std::to_string(100 + names);
      correlator.UpdateState(result.key, result.event);
    }
    return result;
  }
  FakeClock clock;
  EventCorrelator correlator{clock};
  int names = 0;
};

TEST_F(EventCorrelatorTest, IdenticalEventsBecomePatchesWithACount) {
  auto first = Submit(Event("Failed", "disk full"));
  EXPECT_FALSE(first.patch.has_value());
  EXPECT_EQ(first.event.count, 1);
  clock.Advance(std::chrono::seconds(30));
  auto second = Submit(Event("Failed", "disk full"));
  ASSERT_TRUE(second.patch.has_value());
  EXPECT_EQ(second.event.name, first.event.name);
  EXPECT_EQ((*second.patch)["count"], 2);
  EXPECT_EQ((*second.patch)["lastTimestamp"], "2026-01-01T00:00:30Z");
  EXPECT_EQ(second.event.first_timestamp, first.event.first_timestamp);
  EXPECT_EQ((*Submit(Event("Failed", "disk full")).patch)["count"], 3);
  // A different object, type or message is a different event.
  EXPECT_FALSE(Submit(Event("Failed", "disk full", Pod("db-1"))).patch.has_value());
}

TEST_F(EventCorrelatorTest, TenSimilarEventsWithinTenMinutesAreCombined) {
  for (int i = 1; i <= 9; ++i) {
    auto r = Submit(Event("BackOff", "attempt " + std::to_string(i)));
    EXPECT_EQ(r.event.message, "attempt " + std::to_string(i));
    EXPECT_FALSE(r.patch.has_value());
  }
  auto tenth = Submit(Event("BackOff", "attempt 10"));
  EXPECT_EQ(tenth.event.message, "(combined from similar events): attempt 10");
  EXPECT_FALSE(tenth.patch.has_value());  // the combined event is created once
  auto eleventh = Submit(Event("BackOff", "attempt 11"));
  ASSERT_TRUE(eleventh.patch.has_value());
  EXPECT_EQ(eleventh.event.name, tenth.event.name);
  EXPECT_EQ((*eleventh.patch)["message"], "(combined from similar events): attempt 11");
  EXPECT_EQ((*eleventh.patch)["count"], 2);
}

TEST_F(EventCorrelatorTest, SimilarEventsOutsideTheWindowAreNotCombined) {
  for (int i = 1; i <= 9; ++i) Submit(Event("BackOff", "attempt " + std::to_string(i)));
  clock.Advance(std::chrono::seconds(601));
  auto r = Submit(Event("BackOff", "attempt 10"));
  EXPECT_EQ(r.event.message, "attempt 10");
}

TEST_F(EventCorrelatorTest, SpamFilterAllowsABurstOf25ThenOnePerFiveMinutes) {
  int allowed = 0;
  for (int i = 0; i < 40; ++i) {
    if (!Submit(Event("Reason" + std::to_string(i), "m")).skip) ++allowed;
  }
  EXPECT_EQ(allowed, 25);
  EXPECT_TRUE(Submit(Event("Another", "m")).skip);
  clock.Advance(std::chrono::minutes(5));
  EXPECT_FALSE(Submit(Event("Another", "m")).skip);
  EXPECT_TRUE(Submit(Event("YetAnother", "m")).skip);
  // Other objects have their own bucket.
  EXPECT_FALSE(Submit(Event("Reason0", "m", Pod("db-9"))).skip);
}

// A client whose event creates wait until released, so the recorder's queue fills up.
class GatedClient final : public KubeClient {
 public:
  explicit GatedClient(FakeKubeClient& inner) : inner_(inner) {}
  Result<Json> Get(const ResourceRef& r, std::string_view ns, std::string_view n) override {
    return inner_.Get(r, ns, n);
  }
  Result<ObjectList> ListPage(const ResourceRef& r, std::string_view ns,
                              const ListOptions& o) override {
    return inner_.ListPage(r, ns, o);
  }
  Result<Json> Create(const ResourceRef& r, std::string_view ns, const Json& o) override {
    ++entered;
    gate.wait();
    return inner_.Create(r, ns, o);
  }
  Result<Json> Update(const ResourceRef& r, const Json& o, std::string_view s) override {
    return inner_.Update(r, o, s);
  }
  Result<Json> Patch(const ResourceRef& r, std::string_view ns, std::string_view n, PatchType t,
                     std::string_view p, std::string_view s) override {
    return inner_.Patch(r, ns, n, t, p, s);
  }
  Status Delete(const ResourceRef& r, std::string_view ns, std::string_view n,
                const DeleteOptions& o) override {
    return inner_.Delete(r, ns, n, o);
  }
  Status Watch(const ResourceRef& r, std::string_view ns, const ListOptions& o,
               const WatchHandler& h, std::stop_token s) override {
    return inner_.Watch(r, ns, o, h, s);
  }
  Result<bool> IsServed(std::string_view g, std::string_view v, std::string_view k) override {
    return inner_.IsServed(g, v, k);
  }
  std::latch gate{1};
  std::atomic<int> entered{0};

 private:
  FakeKubeClient& inner_;
};

TEST(EventRecorderTest, WritesCreatesThenPatchesWithCounts) {
  FakeKubeClient client;
  FakeClock clock;
  EventRecorder recorder(client, clock, {.host = "node-1"});
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(recorder.Record(Pod(), EventType::kWarning, "Failed", "disk full"));
  }
  EXPECT_TRUE(recorder.Record(Pod(), EventType::kNormal, "Started", "ok"));
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(5)));
  EXPECT_EQ(client.CallsOf("create").size(), 2u);
  EXPECT_EQ(client.CallsOf("patch").size(), 2u);
  EXPECT_EQ(recorder.Written(), 4u);
  auto events = client.Objects(Events());
  ASSERT_EQ(events.size(), 2u);
  Json failed = events[0]["reason"] == "Failed" ? events[0] : events[1];
  EXPECT_EQ(failed["count"], 3);
  EXPECT_EQ(failed["type"], "Warning");
  EXPECT_EQ(failed["metadata"]["namespace"], "team");
  EXPECT_EQ(failed["involvedObject"]["uid"], "uid-db-0");
  EXPECT_EQ(failed["source"]["component"], "platform-operator");
  EXPECT_EQ(failed["source"]["host"], "node-1");
  EXPECT_EQ(failed["firstTimestamp"], "2026-01-01T00:00:00Z");
  // "<object name>.<hex nanoseconds>"
  std::string name = NameOf(failed);
  ASSERT_EQ(name.rfind("db-0.", 0), 0u) << name;
  EXPECT_EQ(name.substr(5).find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(EventRecorderTest, APatchOfAVanishedEventCreatesItAgain) {
  FakeKubeClient client;
  FakeClock clock;
  EventRecorder recorder(client, clock);
  recorder.Record(Pod(), EventType::kNormal, "Synced", "ok");
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(5)));
  client.FailNext("patch", NotFound("events \"x\" not found"));
  recorder.Record(Pod(), EventType::kNormal, "Synced", "ok");
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(5)));
  EXPECT_EQ(client.CallsOf("create").size(), 2u);
  EXPECT_EQ(recorder.Written(), 2u);
}

TEST(EventRecorderTest, FailedWritesAreRetriedThenDropped) {
  FakeKubeClient client;
  FakeClock clock;
  EventRecorder recorder(client, clock, {.max_attempts = 3});
  for (int i = 0; i < 3; ++i) client.FailNext("create", Unavailable("connection refused"));
  recorder.Record(Pod(), EventType::kNormal, "Synced", "ok");
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(5)));
  EXPECT_EQ(client.CallsOf("create").size(), 3u);
  EXPECT_EQ(recorder.Failed(), 1u);
  EXPECT_EQ(clock.TotalSlept(), std::chrono::seconds(2));
}

TEST(EventRecorderTest, AFullQueueDropsInsteadOfBlocking) {
  FakeKubeClient inner;
  GatedClient client(inner);
  FakeClock clock;
  EventRecorder recorder(client, clock, {.queue_capacity = 5});
  // The writer takes the first event and blocks in Create; 5 more fill the queue.
  EXPECT_TRUE(recorder.Record(Pod(), EventType::kNormal, "R0", "m"));
  for (int i = 0; i < 1000 && client.entered.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(client.entered.load(), 1);
  int accepted = 0;
  for (int i = 1; i <= 20; ++i) {
    if (recorder.Record(Pod(), EventType::kNormal, "R" + std::to_string(i), "m")) ++accepted;
  }
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(recorder.Dropped(), 15u);
  client.gate.count_down();
  ASSERT_TRUE(recorder.Flush(std::chrono::seconds(5)));
  EXPECT_EQ(inner.CallsOf("create").size(), 6u);
}

}  // namespace
}  // namespace po::kube
