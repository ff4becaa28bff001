// Tests finalizer patches (guarded so others' finalizers survive) and their retry loops.
#include "operator/runtime/finalizers.h"

#include <gtest/gtest.h>

#include "tests/unit/runtime/fake_status_client.h"

namespace po::runtime {
namespace {

using nlohmann::json;

constexpr const char* kOurs = "platform.startup-metrics.com/finalizer";
const ObjectKey kKey{"prod", "db-1"};

json WithFinalizers(json finalizers) {
  json object = {{"metadata", {{"namespace", "prod"}, {"name", "db-1"}, {"resourceVersion", "7"}}}};
  if (!finalizers.is_null()) object["metadata"]["finalizers"] = finalizers;
  return object;
}

TEST(FinalizerPatchTest, AddAndRemoveProduceGuardedPatches) {
  struct Case {
    const char* name;
    bool add;
    json finalizers;
    json want_patch;  // null = no patch needed
  };
  const Case cases[] = {
      {"add to absent list", true, nullptr,
       json::parse(R"([{"op":"test","path":"/metadata/resourceVersion","value":"7"},
                      {"op":"add","path":"/metadata/finalizers","value":["platform.startup-metrics.com/finalizer"]}])")},
      {"add next to another", true, json::array({"other.io/protect"}),
       json::parse(R"([{"op":"test","path":"/metadata/finalizers","value":["other.io/protect"]},
                      {"op":"add","path":"/metadata/finalizers/-","value":"platform.startup-metrics.com/finalizer"}])")},
      {"add when present", true, json::array({kOurs}), nullptr},
      {"remove among others", false, json::array({"a.io/x", kOurs, "b.io/y"}),
       json::parse(
           R"([{"op":"test","path":"/metadata/finalizers","value":["a.io/x","platform.startup-metrics.com/finalizer","b.io/y"]},
                      {"op":"remove","path":"/metadata/finalizers/1"}])")},
      {"remove when absent", false, json::array({"a.io/x"}), nullptr},
      {"remove from no list", false, nullptr, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const json object = WithFinalizers(c.finalizers);
    auto patch = c.add ? AddFinalizerPatch(object, kOurs) : RemoveFinalizerPatch(object, kOurs);
    ASSERT_TRUE(patch.ok()) << patch.status().ToString();
    if (c.want_patch.is_null()) {
      EXPECT_FALSE(patch->has_value());
    } else {
      ASSERT_TRUE(patch->has_value());
      EXPECT_EQ(**patch, c.want_patch);
      // Applied to the object it was built from, it does exactly the one change.
      json applied = object.patch(**patch);
      EXPECT_EQ(HasFinalizer(applied, kOurs), c.add);
    }
  }
}

TEST(FinalizerPatchTest, AddWithoutAnyGuardIsRejected) {
  auto patch = AddFinalizerPatch(json{{"metadata", {{"name", "x"}}}}, kOurs);
  EXPECT_EQ(patch.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(patch.status().message(),
            "cannot guard a finalizer patch: the object has no resourceVersion");
}

TEST(FinalizerPatchTest, StalePatchFailsInsteadOfDroppingAConcurrentFinalizer) {
  const json seen = WithFinalizers(json::array({"a.io/x", kOurs}));
  auto patch = RemoveFinalizerPatch(seen, kOurs);
  ASSERT_TRUE(patch.ok() && patch->has_value());
  json now = seen;
  now["metadata"]["finalizers"] = json::array({"new.io/z", "a.io/x", kOurs});
  EXPECT_THROW(now.patch(**patch), json::exception);
}

TEST(FinalizerLoopTest, EnsureRetriesUntilTheGuardHoldsAndKeepsOthers) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(WithFinalizers(json::array({"a.io/x"})));
  client.InterfereBeforeWrites(2, [n = 0](json& stored) mutable {
    stored["metadata"]["finalizers"].push_back("racer.io/" + std::to_string(++n));
  });
  auto result = EnsureFinalizer(client, clock, kKey, kOurs);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(client.Stored(kKey)["metadata"]["finalizers"],
            json::array({"a.io/x", "racer.io/1", "racer.io/2", kOurs}));
  EXPECT_EQ(client.calls(),
            (std::vector<std::string>{"get", "patch", "get", "patch", "get", "patch"}));
}

TEST(FinalizerLoopTest, EnsureOnAnObjectWithoutFinalizersSurvivesARacingCreator) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(WithFinalizers(nullptr));
  client.InterfereBeforeWrites(
      1, [](json& stored) { stored["metadata"]["finalizers"] = json::array({"racer.io/first"}); });
  auto result = EnsureFinalizer(client, clock, kKey, kOurs);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(client.Stored(kKey)["metadata"]["finalizers"], json::array({"racer.io/first", kOurs}));
}

TEST(FinalizerLoopTest, RemoveKeepsOthersAndIsIdempotent) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(WithFinalizers(json::array({kOurs, "b.io/y"})));
  client.InterfereBeforeWrites(1, [](json& stored) {
    stored["metadata"]["finalizers"] = json::array({"c.io/first", kOurs, "b.io/y"});
  });
  ASSERT_TRUE(RemoveFinalizer(client, clock, kKey, kOurs).ok());
  EXPECT_EQ(client.Stored(kKey)["metadata"]["finalizers"], json::array({"c.io/first", "b.io/y"}));
  const auto calls_before = client.calls().size();
  ASSERT_TRUE(RemoveFinalizer(client, clock, kKey, kOurs).ok());
  EXPECT_EQ(client.calls().size(), calls_before + 1) << "already gone: only a GET";
}

TEST(FinalizerLoopTest, GivesUpAfterTheAttemptBudget) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(WithFinalizers(json::array({"a.io/x"})));
  client.InterfereBeforeWrites(100, [n = 0](json& stored) mutable {
    stored["metadata"]["finalizers"].push_back("racer.io/" + std::to_string(++n));
  });
  auto result = EnsureFinalizer(client, clock, kKey, kOurs);
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  const std::string& message = result.status().message();
  EXPECT_EQ(message.rfind("while adding finalizer " + std::string(kOurs) +
                              " to prod/db-1: the server rejected our request: ",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find("(gave up after 5 attempts)"), std::string::npos) << message;
  EXPECT_FALSE(HasFinalizer(client.Stored(kKey), kOurs));
}

}  // namespace
}  // namespace po::runtime
