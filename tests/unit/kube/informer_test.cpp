// Tests the informer: ordered delivery, sync, deletions found by a relist, resync and indexes.
#include "operator/kube/informer.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/unit/kube/scripted_lister_watcher.h"

namespace po::kube {
namespace {

using testing::ScriptedListerWatcher;
using testing::ScriptedWatch;
using testing::TestList;
using testing::TestObject;

class InformerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto owned = std::make_unique<ScriptedListerWatcher>(clock);
    source = owned.get();
    InformerOptions options;
    options.resync_period = std::chrono::hours(10);
    informer = std::make_unique<Informer>(std::move(owned), clock, random, options);
    informer->AddEventHandlers({[this](const ObjectPtr& o) { Note("add " + Describe(o)); },
                                [this](const ObjectPtr& old_object, const ObjectPtr& new_object) {
                                  Note("update " + Describe(old_object) + "->" +
                                       ResourceVersionOf(*new_object));
                                },
                                [this](const ObjectPtr& o) { Note("delete " + Describe(o)); }});
  }
  void TearDown() override { informer->Stop(); }

  static std::string Describe(const ObjectPtr& o) {
    return NameOf(*o) + "@" + ResourceVersionOf(*o);
  }
  void Note(const std::string& s) {
    std::lock_guard lock(mu);
    seen.push_back(s);
  }
  // Waits (real time) until `n` notifications arrived, and returns them.
  std::vector<std::string> WaitFor(size_t n) {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(mu);
        if (seen.size() >= n) return seen;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::lock_guard lock(mu);
    return seen;
  }

  FakeClock clock;
  SequenceRandom random{{0.5}};
  ScriptedListerWatcher* source = nullptr;
  std::unique_ptr<Informer> informer;
  std::mutex mu;
  std::vector<std::string> seen;
};

TEST_F(InformerTest, DeliversTheListThenWatchEventsInOrder) {
  source->PushList(TestList("10", {TestObject("a", "5"), TestObject("b", "6")}));
  source->PushWatch({{{WatchEventType::kAdded, TestObject("c", "11")},
                      {WatchEventType::kModified, TestObject("a", "12")},
                      {WatchEventType::kBookmark, TestObject("", "13")},
                      {WatchEventType::kDeleted, TestObject("b", "14")}},
                     Status::Ok()});
  EXPECT_FALSE(informer->HasSynced());
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(std::chrono::seconds(5)));
  auto got = WaitFor(5);
  EXPECT_EQ(got, (std::vector<std::string>{"add a@5", "add b@6", "add c@11", "update a@5->12",
                                           "delete b@6"}));
  EXPECT_EQ(informer->GetStore().Keys(), (std::vector<std::string>{"ns/a", "ns/c"}));
}

TEST_F(InformerTest, RelistDeliversMissingObjectsAsDeletions) {
  int relists = 0;
  informer->SetRelistObserver([&] { ++relists; });
  source->PushList(TestList("10", {TestObject("a", "5"), TestObject("b", "6")}));
  source->PushWatch({{}, Status(StatusCode::kGone, "too old resource version")});
  source->PushList(TestList("40", {TestObject("b", "30"), TestObject("d", "31")}));
  informer->Start();
  auto got = WaitFor(5);
  EXPECT_EQ(got, (std::vector<std::string>{"add a@5", "add b@6", "update b@6->30", "add d@31",
                                           "delete a@5"}));
  EXPECT_EQ(informer->GetStore().Keys(), (std::vector<std::string>{"ns/b", "ns/d"}));
  EXPECT_EQ(informer->RelistCount(), 1);
  EXPECT_EQ(relists, 1);
  auto lists = source->ListCalls();
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].resource_version, "0");
  EXPECT_EQ(lists[1].resource_version, "");
}

TEST_F(InformerTest, ResyncRedeliversEveryObjectAsAnUpdate) {
  source->PushList(TestList("10", {TestObject("a", "5"), TestObject("b", "6")}));
  informer->Start();
  WaitFor(2);
  clock.Advance(std::chrono::hours(10));  // the period is jittered to 10.5 h
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(WaitFor(3).size(), 2u);
  clock.Advance(std::chrono::minutes(31));
  auto got = WaitFor(4);
  EXPECT_EQ(got,
            (std::vector<std::string>{"add a@5", "add b@6", "update a@5->5", "update b@6->6"}));
}

TEST_F(InformerTest, IndexesServeQueries) {
  ASSERT_TRUE(informer
                  ->AddIndex("by-name-length",
                             [](const Json& o) {
                               return std::vector<std::string>{std::to_string(NameOf(o).size())};
                             })
                  .ok());
  auto child = TestObject("child", "7");
  child["metadata"]["ownerReferences"] = {{{"uid", "owner-uid"}, {"controller", true}}};
  source->PushList(TestList("10", {TestObject("a", "5"), TestObject("bb", "6"), child}));
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(std::chrono::seconds(5)));
  EXPECT_EQ(informer->GetStore().ByIndex("by-name-length", "2")->size(), 1u);
  auto owned = informer->GetStore().ByIndex(kByOwnerUidIndex, "owner-uid");
  ASSERT_EQ(owned->size(), 1u);
  EXPECT_EQ(NameOf(*owned->at(0)), "child");
}

TEST_F(InformerTest, StopsPromptlyWhileWatching) {
  source->PushList(TestList("10", {}));
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(std::chrono::seconds(5)));
  auto start = std::chrono::steady_clock::now();
  informer->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(informer->State(), WatcherState::kStopped);
}

}  // namespace
}  // namespace po::kube
