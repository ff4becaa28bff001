// Tests the /status update loop against a fake client that returns 409 conflicts.
#include "operator/runtime/status_writer.h"

#include <gtest/gtest.h>

#include "operator/runtime/conditions.h"
#include "tests/unit/runtime/fake_status_client.h"

namespace po::runtime {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

json Object() {
  return {{"metadata",
           {{"namespace", "prod"}, {"name", "db-1"}, {"resourceVersion", "10"}, {"generation", 2}}},
          {"spec", {{"engineVersion", "15"}}},
          {"status", {{"phase", "Provisioning"}}}};
}

const ObjectKey kKey{"prod", "db-1"};

Status SetReady(json& object) {
  object["status"]["phase"] = "Ready";
  object["status"]["readyReplicas"] = object["status"].value("readyReplicas", 0) + 1;
  return Status::Ok();
}

TEST(StatusWriterTest, RetriesConflictsByReReadingAndReapplying) {
  struct Case {
    const char* name;
    int conflicts;
    StatusCode want_code;
    std::vector<std::string> want_calls;
  };
  const Case cases[] = {
      {"no conflict", 0, StatusCode::kOk, {"get", "update-status"}},
      {"two conflicts",
       2,
       StatusCode::kOk,
       {"get", "update-status", "get", "update-status", "get", "update-status"}},
      {"conflicts every time",
       5,
       StatusCode::kConflict,
       {"get", "update-status", "get", "update-status", "get", "update-status", "get",
        "update-status", "get", "update-status"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    testing::FakeStatusClient client;
    FakeClock clock;
    client.Put(Object());
    // Someone else keeps bumping a status field of their own.
    client.InterfereBeforeWrites(c.conflicts, [](json& stored) {
      stored["status"]["observedBy"] = stored["status"].value("observedBy", 0) + 1;
    });
    auto result = UpdateStatusWithRetry(client, clock, kKey, SetReady);
    EXPECT_EQ(result.status().code(), c.want_code) << result.status().ToString();
    EXPECT_EQ(client.calls(), c.want_calls);
    EXPECT_EQ(clock.TotalSlept(), 10ms * std::min(c.conflicts, 4));
    if (c.want_code == StatusCode::kOk) {
      const json stored = client.Stored(kKey);
      EXPECT_EQ(stored["status"]["phase"], "Ready");
      EXPECT_EQ(stored["status"]["readyReplicas"], 1) << "the mutation is applied once, fresh";
      EXPECT_EQ(stored["status"].value("observedBy", 0), c.conflicts)
          << "the other writer's change survives";
    } else {
      EXPECT_EQ(result.status().message(),
                "while updating the status of prod/db-1: the object has been modified; please "
                "apply your changes to the latest version and try again (gave up after 5 "
                "attempts)");
    }
  }
}

TEST(StatusWriterTest, UsesTheCallersCopyFirstAndSkipsNoOpWrites) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(Object());
  const json current = Object();
  auto result = UpdateStatusWithRetry(
      client, clock, kKey, [](json&) { return Status::Ok(); }, &current);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(client.calls().empty()) << "no GET and no write for an unchanged status";
}

TEST(StatusWriterTest, MutationErrorAbortsWithoutWriting) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(Object());
  auto result = UpdateStatusWithRetry(client, clock, kKey, [](json&) {
    return InvalidArgument("spec.engineVersion is not supported");
  });
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(),
            "while updating the status of prod/db-1: spec.engineVersion is not supported");
  EXPECT_EQ(client.calls(), std::vector<std::string>{"get"});
}

TEST(StatusWriterTest, OtherErrorsAreNotRetried) {
  testing::FakeStatusClient client;
  FakeClock clock;
  auto result = UpdateStatusWithRetry(client, clock, kKey, SetReady);
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(client.calls(), std::vector<std::string>{"get"});
}

TEST(StatusWriterTest, ConditionUpdateThroughTheWriter) {
  testing::FakeStatusClient client;
  FakeClock clock;
  client.Put(Object());
  auto result = UpdateStatusWithRetry(client, clock, kKey, [&](json& object) {
    SetCondition(object["status"]["conditions"], {"Ready", "True", "Available", "ok"},
                 object["metadata"]["generation"].get<int64_t>(), clock.WallNow());
    return Status::Ok();
  });
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const json stored = client.Stored(kKey);
  EXPECT_EQ(stored["status"]["conditions"][0]["observedGeneration"], 2);
  EXPECT_EQ(stored["status"]["conditions"][0]["lastTransitionTime"], "2026-01-01T00:00:00Z");
}

}  // namespace
}  // namespace po::runtime
