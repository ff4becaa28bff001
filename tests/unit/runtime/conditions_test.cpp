// Tests status-condition updates: lastTransitionTime moves only with status.
#include "operator/runtime/conditions.h"

#include <gtest/gtest.h>

namespace po::runtime {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const Clock::WallTime kT0 = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1} + 10h;
const Clock::WallTime kT1 = kT0 + 90s;

TEST(ConditionsTest, TransitionTimeMovesOnlyWhenStatusChanges) {
  struct Case {
    const char* name;
    Condition second;
    bool want_changed;
    std::string want_transition;
  };
  const Condition first{"Ready", "False", "Provisioning", "creating the instance"};
  const Case cases[] = {
      {"same everything", first, false, "2026-01-01T10:00:00Z"},
      {"new reason and message",
       {"Ready", "False", "Modifying", "resizing"},
       true,
       "2026-01-01T10:00:00Z"},
      {"status flips", {"Ready", "True", "Available", "ready"}, true, "2026-01-01T10:01:30Z"},
      {"unknown", {"Ready", "Unknown", "Checking", ""}, true, "2026-01-01T10:01:30Z"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    json conditions;
    ASSERT_TRUE(SetCondition(conditions, first, 1, kT0));
    EXPECT_EQ(SetCondition(conditions, c.second, 1, kT1), c.want_changed);
    ASSERT_EQ(conditions.size(), 1u);
    EXPECT_EQ(conditions[0]["lastTransitionTime"], c.want_transition);
    EXPECT_EQ(conditions[0]["status"], c.second.status);
    EXPECT_EQ(conditions[0]["reason"], c.second.reason);
    EXPECT_EQ(conditions[0]["message"], c.second.message);
  }
}

TEST(ConditionsTest, ObservedGenerationIsAlwaysRefreshed) {
  json conditions;
  SetCondition(conditions, {"Ready", "True", "Available", ""}, 3, kT0);
  EXPECT_EQ(conditions[0]["observedGeneration"], 3);
  EXPECT_TRUE(SetCondition(conditions, {"Ready", "True", "Available", ""}, 4, kT1));
  EXPECT_EQ(conditions[0]["observedGeneration"], 4);
  EXPECT_EQ(conditions[0]["lastTransitionTime"], "2026-01-01T10:00:00Z");
}

TEST(ConditionsTest, KeepsOtherConditionsAndFindsByType) {
  json conditions = json::array();
  SetCondition(conditions, {"Ready", "False", "Provisioning", ""}, 1, kT0);
  SetCondition(conditions, {"Degraded", "False", "AsExpected", ""}, 1, kT0);
  SetCondition(conditions, {"Ready", "True", "Available", ""}, 1, kT1);
  ASSERT_EQ(conditions.size(), 2u);
  EXPECT_TRUE(IsConditionTrue(conditions, "Ready"));
  EXPECT_FALSE(IsConditionTrue(conditions, "Degraded"));
  EXPECT_FALSE(IsConditionTrue(conditions, "Missing"));
  ASSERT_NE(FindCondition(conditions, "Degraded"), nullptr);
  EXPECT_EQ((*FindCondition(conditions, "Degraded"))["reason"], "AsExpected");
  EXPECT_TRUE(RemoveCondition(conditions, "Degraded"));
  EXPECT_FALSE(RemoveCondition(conditions, "Degraded"));
  EXPECT_EQ(conditions.size(), 1u);
}

TEST(ConditionsTest, FormatsRfc3339AtSecondPrecision) {
  EXPECT_EQ(FormatRfc3339(kT0 + 999ms), "2026-01-01T10:00:00Z");
  EXPECT_EQ(FormatRfc3339(std::chrono::sys_days{std::chrono::year{1999} / 12 / 31} + 86399s),
            "1999-12-31T23:59:59Z");
}

}  // namespace
}  // namespace po::runtime
