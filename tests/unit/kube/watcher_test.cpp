// Tests the watcher state machine with a scripted list/watch source and a FakeClock.
#include "operator/kube/watcher.h"

#include <gtest/gtest.h>

#include "tests/unit/kube/scripted_lister_watcher.h"

namespace po::kube {
namespace {

using testing::ScriptedListerWatcher;
using testing::ScriptedWatch;
using testing::TestList;
using testing::TestObject;

class RecordingSink final : public WatcherSink {
 public:
  void OnReplace(std::vector<Json> items, const std::string& rv) override {
    replaces.push_back(rv + ":" + std::to_string(items.size()));
  }
  void OnEvent(const WatchEvent& event) override {
    events.push_back(std::string(WatchEventTypeName(event.type)) + ":" +
                     ResourceVersionOf(event.object));
  }
  std::vector<std::string> replaces;
  std::vector<std::string> events;
};

WatchEvent Event(WatchEventType type, const std::string& name, const std::string& rv) {
  return {type, TestObject(name, rv)};
}

class WatcherTest : public ::testing::Test {
 protected:
  FakeClock clock;
  SequenceRandom random{{0.0}};
  ScriptedListerWatcher source{clock};
  RecordingSink sink;
  Watcher watcher{source, sink, clock, clock, random};
  std::stop_source stop;

  WatcherState Step() { return watcher.Step(stop.get_token()); }
};

TEST_F(WatcherTest, FirstListAtVersionZeroThenWatchWithBookmarksAndRandomTimeout) {
  SequenceRandom half({0.5});
  Watcher w(source, sink, clock, clock, half);
  source.PushList(TestList("10", {TestObject("a", "9")}));
  EXPECT_EQ(w.State(), WatcherState::kEmpty);
  EXPECT_EQ(w.Step(stop.get_token()), WatcherState::kWatching);
  EXPECT_EQ(source.list_calls[0].resource_version, "0");
  EXPECT_EQ(sink.replaces, std::vector<std::string>{"10:1"});

  source.PushWatch({{Event(WatchEventType::kAdded, "b", "11")}, Status::Ok()});
  EXPECT_EQ(w.Step(stop.get_token()), WatcherState::kWatching);
  const ListOptions& watch = source.watch_calls[0];
  EXPECT_EQ(watch.resource_version, "10");
  EXPECT_TRUE(watch.allow_watch_bookmarks);
  EXPECT_EQ(watch.timeout_seconds, 450);  // 300 × (1 + 0.5)
  EXPECT_EQ(w.ResourceVersion(), "11");
}

TEST_F(WatcherTest, WatchTimeoutsStayWithinFiveToTenMinutes) {
  for (double u : {0.0, 0.3, 0.999}) {
    FakeClock c;
    SequenceRandom r({u});
    ScriptedListerWatcher s(c);
    RecordingSink k;
    Watcher w(s, k, c, c, r);
    s.PushList(TestList("1", {}));
    s.PushWatch({{Event(WatchEventType::kAdded, "a", "2")}, Status::Ok()});
    w.Step({});
    w.Step({});
    EXPECT_GE(s.watch_calls[0].timeout_seconds, 300);
    EXPECT_LT(s.watch_calls[0].timeout_seconds, 600);
  }
}

TEST_F(WatcherTest, BookmarksOnlyAdvanceTheResourceVersion) {
  source.PushList(TestList("10", {}));
  Step();
  source.PushWatch({{Event(WatchEventType::kBookmark, "", "50")}, Status::Ok()});
  EXPECT_EQ(Step(), WatcherState::kWatching);
  EXPECT_TRUE(sink.events.empty());
  EXPECT_EQ(watcher.ResourceVersion(), "50");
  source.PushWatch({{Event(WatchEventType::kModified, "a", "51")}, Status::Ok()});
  Step();
  EXPECT_EQ(source.watch_calls[1].resource_version, "50");
  EXPECT_EQ(sink.events, std::vector<std::string>{"MODIFIED:51"});
  EXPECT_EQ(source.list_calls.size(), 1u);
}

TEST_F(WatcherTest, GoneDuringWatchRelistsWithAConsistentRead) {
  int observed = 0;
  watcher.SetRelistObserver([&] { ++observed; });
  source.PushList(TestList("10", {TestObject("a", "9")}));
  Step();
  source.PushWatch({{Event(WatchEventType::kAdded, "b", "11")},
                    Status(StatusCode::kGone, "too old resource version: 11 (40)")});
  EXPECT_EQ(Step(), WatcherState::kRelisting);
  EXPECT_EQ(watcher.RelistCount(), 1);
  EXPECT_EQ(observed, 1);
  source.PushList(TestList("40", {TestObject("b", "11")}));
  EXPECT_EQ(Step(), WatcherState::kWatching);
  ASSERT_EQ(source.list_calls.size(), 2u);
  EXPECT_EQ(source.list_calls[1].resource_version, "");  // RV="" = consistent read
  source.PushWatch({{}, Status::Ok()});
  Step();
  EXPECT_EQ(source.watch_calls[1].resource_version, "40");
}

TEST_F(WatcherTest, ConnectionRefusedAndThrottlingBackOffWithoutRelisting) {
  source.PushList(TestList("10", {}));
  Step();
  for (StatusCode code : {StatusCode::kUnavailable, StatusCode::kTooManyRequests}) {
    source.PushWatch({{}, Status(code, "failed"), std::chrono::milliseconds(0)});
    EXPECT_EQ(Step(), WatcherState::kBackoff);
    EXPECT_EQ(watcher.ResumeState(), WatcherState::kWatching);
    EXPECT_EQ(Step(), WatcherState::kWatching);
  }
  source.PushWatch({{Event(WatchEventType::kAdded, "a", "11")}, Status::Ok()});
  Step();
  EXPECT_EQ(source.list_calls.size(), 1u);  // never relisted
  ASSERT_EQ(source.watch_calls.size(), 3u);
  for (const auto& call : source.watch_calls) EXPECT_EQ(call.resource_version, "10");
  EXPECT_EQ(watcher.RelistCount(), 0);
}

TEST_F(WatcherTest, AVeryShortEmptyWatchCountsAsAnError) {
  source.PushList(TestList("10", {}));
  Step();
  source.PushWatch({{}, Status::Ok(), std::chrono::milliseconds(200)});
  EXPECT_EQ(Step(), WatcherState::kBackoff);
  EXPECT_NE(watcher.LastError().message().find("very short watch"), std::string::npos);
  Step();
  // The same length with events, or an empty watch of a second or more, is normal.
  source.PushWatch(
      {{Event(WatchEventType::kAdded, "a", "11")}, Status::Ok(), std::chrono::milliseconds(200)});
  EXPECT_EQ(Step(), WatcherState::kWatching);
  source.PushWatch({{}, Status::Ok(), std::chrono::seconds(1)});
  EXPECT_EQ(Step(), WatcherState::kWatching);
}

TEST_F(WatcherTest, BackoffGrowsToTheCapAndResetsAfterTwoQuietMinutes) {
  source.PushList(TestList("10", {}));
  Step();
  std::vector<long> waits;
  for (int i = 0; i < 8; ++i) {
    source.PushWatch({{}, Unavailable("connection refused"), std::chrono::milliseconds(0)});
    Step();
    Step();  // the backoff
    waits.push_back(
        std::chrono::duration_cast<std::chrono::milliseconds>(watcher.LastBackoff()).count());
  }
  EXPECT_EQ(waits, (std::vector<long>{800, 1600, 3200, 6400, 12800, 25600, 30000, 30000}));
  // A long healthy watch, then a failure: back to 0.8 s.
  source.PushWatch(
      {{Event(WatchEventType::kAdded, "a", "11")}, Status::Ok(), std::chrono::minutes(3)});
  Step();
  source.PushWatch({{}, Unavailable("connection refused"), std::chrono::milliseconds(0)});
  Step();
  Step();
  EXPECT_EQ(watcher.LastBackoff(), std::chrono::milliseconds(800));
}

TEST_F(WatcherTest, BackoffWaitsAreJitteredWithinBounds) {
  SequenceRandom high({0.99});
  Watcher w(source, sink, clock, clock, high);
  source.PushList(TestList("10", {}));
  w.Step({});
  long base = 800;
  for (int i = 0; i < 7; ++i) {
    source.PushWatch({{}, Unavailable("refused"), std::chrono::milliseconds(0)});
    w.Step({});
    auto before = clock.Now();
    w.Step({});
    auto slept = std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now() - before);
    EXPECT_EQ(slept, std::chrono::duration_cast<std::chrono::milliseconds>(w.LastBackoff()));
    EXPECT_GE(slept.count(), base);
    EXPECT_LT(slept.count(), 2 * base);
    base = std::min(2 * base, 30000L);
  }
}

TEST_F(WatcherTest, OtherWatchErrorsBackOffThenRelistFromTheLastVersion) {
  source.PushList(TestList("10", {}));
  Step();
  source.PushWatch(
      {{Event(WatchEventType::kAdded, "a", "12")}, Status(StatusCode::kForbidden, "forbidden")});
  EXPECT_EQ(Step(), WatcherState::kBackoff);
  EXPECT_EQ(watcher.ResumeState(), WatcherState::kRelisting);
  EXPECT_EQ(Step(), WatcherState::kRelisting);
  source.PushList(TestList("20", {}));
  EXPECT_EQ(Step(), WatcherState::kWatching);
  EXPECT_EQ(source.list_calls[1].resource_version, "12");
  EXPECT_EQ(watcher.RelistCount(), 0);
}

TEST_F(WatcherTest, ListFailuresBackOffAndRetry) {
  source.PushList(Unavailable("connection refused"));
  EXPECT_EQ(Step(), WatcherState::kBackoff);
  EXPECT_EQ(Step(), WatcherState::kEmpty);
  source.PushList(TestList("10", {}));
  EXPECT_EQ(Step(), WatcherState::kWatching);
  EXPECT_EQ(source.list_calls[1].resource_version, "0");

  // A relist whose version is gone (or too large) falls back to a consistent list.
  source.PushWatch({{}, Status(StatusCode::kForbidden, "x"), std::chrono::seconds(5)});
  Step();
  Step();
  source.PushList(Status(StatusCode::kGone, "Too large resource version"));
  EXPECT_EQ(Step(), WatcherState::kBackoff);
  EXPECT_EQ(watcher.RelistCount(), 1);
  Step();
  source.PushList(TestList("30", {}));
  EXPECT_EQ(Step(), WatcherState::kWatching);
  EXPECT_EQ(source.list_calls[2].resource_version, "10");
  EXPECT_EQ(source.list_calls[3].resource_version, "");
}

TEST_F(WatcherTest, StopEndsTheMachine) {
  source.PushList(TestList("10", {}));
  Step();
  stop.request_stop();
  EXPECT_EQ(Step(), WatcherState::kStopped);
}

}  // namespace
}  // namespace po::kube
