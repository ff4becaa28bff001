// Applying a StatusReport to an object, and writing it through a fake status client.
#include "controllers/common/status_report.h"

#include <gtest/gtest.h>

#include "operator/kube/fake_kube_client.h"
#include "operator/runtime/conditions.h"

namespace po::controllers {
namespace {

nlohmann::json Object() {
  return {{"metadata", {{"namespace", "ns"}, {"name", "db"}, {"generation", 3}}},
          {"status", {{"endpoint", "old"}, {"keep", 1}}}};
}

TEST(StatusReportTest, SetsPhaseConditionsFieldsAndObservedGeneration) {
  nlohmann::json object = Object();
  FakeClock clock;
  StatusReport report;
  report.phase = std::string(kPhaseAvailable);
  report.conditions.push_back({"Ready", "True", "Available", "all instances available"});
  report.fields = {{"endpoint", "db.example:5432"}, {"keep", nullptr}, {"arn", "arn:aws:rds:x"}};
  ApplyStatusReport(object, report, clock.WallNow());
  const auto& status = object["status"];
  EXPECT_EQ(status["phase"], "Available");
  EXPECT_EQ(status["observedGeneration"], 3);
  EXPECT_EQ(status["endpoint"], "db.example:5432");
  EXPECT_EQ(status["arn"], "arn:aws:rds:x");
  EXPECT_FALSE(status.contains("keep"));
  EXPECT_TRUE(runtime::IsConditionTrue(status["conditions"], "Ready"));
  EXPECT_EQ((*runtime::FindCondition(status["conditions"], "Ready"))["observedGeneration"], 3);
}

TEST(StatusReportTest, RedactsSecretLookingFieldsAndRemovesConditions) {
  nlohmann::json object = Object();
  FakeClock clock;
  StatusReport first;
  first.conditions.push_back({"Degraded", "True", "StorageFull", "storage is full"});
  ApplyStatusReport(object, first, clock.WallNow());
  StatusReport second;
  second.remove_conditions.push_back("Degraded");
  second.fields = {{"connection", {{"host", "h"}, {"password", "hunter2"}}}};
  second.observed = false;
  object["metadata"]["generation"] = 4;
  ApplyStatusReport(object, second, clock.WallNow());
  EXPECT_EQ(runtime::FindCondition(object["status"]["conditions"], "Degraded"), nullptr);
  EXPECT_EQ(object["status"]["connection"]["password"], "[REDACTED]");
  EXPECT_EQ(object["status"]["connection"]["host"], "h");
  EXPECT_EQ(object["status"]["observedGeneration"], 3);
  EXPECT_EQ(object["status"]["phase"], nullptr);
}

}  // namespace
}  // namespace po::controllers

namespace po::controllers {
namespace {

TEST(PhaseTransitionEventTest, NamesEachChange) {
  struct Case {
    std::string before, after;
    bool has_event, warning;
    std::string reason, message;
  };
  const Case cases[] = {
      {"Creating", "Available", true, false, "BecameAvailable", "phase Creating -> Available"},
      {"Available", "Degraded", true, true, "BecameDegraded", "phase Available -> Degraded"},
      {"Creating", "Failed", true, true, "Failed", "phase Creating -> Failed"},
      {"", "Creating", true, false, "PhaseChanged", "phase none -> Creating"},
      {"Available", "Modifying", true, false, "PhaseChanged", "phase Available -> Modifying"},
      {"Available", "Available", false, false, "", ""},
      {"Available", "", false, false, "", ""},
  };
  for (const auto& c : cases) {
    const auto event = PhaseTransitionEvent(c.before, c.after);
    ASSERT_EQ(event.has_value(), c.has_event) << c.before << " -> " << c.after;
    if (!event) continue;
    EXPECT_EQ(event->warning, c.warning) << c.after;
    EXPECT_EQ(event->reason, c.reason);
    EXPECT_EQ(event->message, c.message);
  }
}

}  // namespace
}  // namespace po::controllers
