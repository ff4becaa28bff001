// Tests the store: upsert/remove, atomic replace, custom and owner-UID indexes.
#include "operator/kube/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace po::kube {
namespace {

ObjectPtr Obj(const std::string& ns, const std::string& name, const std::string& rv = "1",
              std::vector<std::string> owners = {}, const std::string& team = "") {
  nlohmann::json o = {{"metadata", {{"name", name}, {"namespace", ns}, {"resourceVersion", rv}}}};
  for (const auto& uid : owners) o["metadata"]["ownerReferences"].push_back({{"uid", uid}});
  if (!team.empty()) o["metadata"]["labels"]["team"] = team;
  return std::make_shared<const nlohmann::json>(o);
}

std::vector<std::string> Names(const std::vector<ObjectPtr>& objects) {
  std::vector<std::string> out;
  for (const auto& o : objects) out.push_back((*o)["metadata"]["name"]);
  return out;
}

TEST(StoreTest, UpsertGetRemove) {
  Store store;
  EXPECT_EQ(store.Upsert(Obj("a", "x", "1")), nullptr);
  auto previous = store.Upsert(Obj("a", "x", "2"));
  ASSERT_NE(previous, nullptr);
  EXPECT_EQ((*previous)["metadata"]["resourceVersion"], "1");
  EXPECT_EQ((*store.Get("a/x"))["metadata"]["resourceVersion"], "2");
  EXPECT_EQ(store.Get("a/missing"), nullptr);
  EXPECT_EQ(store.Size(), 1u);
  EXPECT_NE(store.Remove("a/x"), nullptr);
  EXPECT_EQ(store.Remove("a/x"), nullptr);
  EXPECT_EQ(store.Size(), 0u);
}

TEST(StoreTest, OwnerUidIndexFollowsChanges) {
  Store store;
  store.Upsert(Obj("a", "c1", "1", {"owner-1"}));
  store.Upsert(Obj("a", "c2", "1", {"owner-1", "owner-2"}));
  store.Upsert(Obj("a", "c3"));
  EXPECT_EQ(Names(*store.ByIndex(kByOwnerUidIndex, "owner-1")),
            (std::vector<std::string>{"c1", "c2"}));
  store.Upsert(Obj("a", "c2", "2", {"owner-2"}));  // re-indexed on update
  EXPECT_EQ(Names(*store.ByIndex(kByOwnerUidIndex, "owner-1")), std::vector<std::string>{"c1"});
  store.Remove("a/c1");
  EXPECT_TRUE(store.ByIndex(kByOwnerUidIndex, "owner-1")->empty());
  EXPECT_EQ(store.ByIndex("nope", "x").status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, CustomIndexAddedLateIndexesExistingObjects) {
  Store store;
  store.Upsert(Obj("a", "x", "1", {}, "red"));
  store.Upsert(Obj("b", "y", "1", {}, "blue"));
  auto by_team = [](const nlohmann::json& o) -> std::vector<std::string> {
    auto labels = o["metadata"].value("labels", nlohmann::json::object());
    if (!labels.contains("team")) return {};
    return {labels["team"].get<std::string>()};
  };
  ASSERT_TRUE(store.AddIndex("team", by_team).ok());
  EXPECT_EQ(store.AddIndex("team", by_team).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Names(*store.ByIndex("team", "red")), std::vector<std::string>{"x"});
  store.Replace({Obj("c", "z", "1", {}, "red"), Obj("a", "x", "2", {}, "blue")});
  EXPECT_EQ(Names(*store.ByIndex("team", "red")), std::vector<std::string>{"z"});
  EXPECT_EQ(Names(*store.ByIndex("team", "blue")), std::vector<std::string>{"x"});
}

TEST(StoreTest, ReplaceReturnsPreviousContents) {
  Store store;
  store.Upsert(Obj("a", "x"));
  store.Upsert(Obj("a", "y"));
  auto previous = store.Replace({Obj("a", "y", "2"), Obj("a", "z")});
  EXPECT_EQ(previous.size(), 2u);
  EXPECT_TRUE(previous.count("a/x"));
  EXPECT_EQ(store.Keys(), (std::vector<std::string>{"a/y", "a/z"}));
}

TEST(StoreTest, ReadersNeverSeeAHalfFilledReplace) {
  Store store;
  std::vector<ObjectPtr> small, large;
  for (int i = 0; i < 10; ++i) small.push_back(Obj("s", std::to_string(i)));
  for (int i = 0; i < 2000; ++i) large.push_back(Obj("l", std::to_string(i)));
  store.Replace(small);
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::thread reader([&] {
    while (!done) {
      size_t n = store.List().size();
      if (n != 10 && n != 2000) ++torn;
    }
  });
  for (int i = 0; i < 50; ++i) store.Replace(i % 2 ? small : large);
  done = true;
  reader.join();
  EXPECT_EQ(torn.load(), 0);
}

}  // namespace
}  // namespace po::kube
