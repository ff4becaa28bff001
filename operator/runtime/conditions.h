// metav1.Condition handling on a status.conditions JSON array, with apimachinery's
// meta.SetStatusCondition semantics: lastTransitionTime moves only when status changes;
// observedGeneration, reason and message are always refreshed. Pure functions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "operator/common/clock.h"

namespace po::runtime {

inline constexpr std::string_view kConditionTrue = "True";
inline constexpr std::string_view kConditionFalse = "False";
inline constexpr std::string_view kConditionUnknown = "Unknown";

struct Condition {
  std::string type;     // e.g. "Ready"
  std::string status;   // "True" | "False" | "Unknown"
  std::string reason;   // CamelCase, e.g. "Provisioning"
  std::string message;  // human readable
};

// Sets `condition` in `conditions` (an array, or null which becomes one). Returns true if anything
// changed. `now` stamps lastTransitionTime when the condition is new or its status changed.
bool SetCondition(nlohmann::json& conditions, const Condition& condition, std::int64_t generation,
                  Clock::WallTime now);

// The condition of `type`, or nullptr.
const nlohmann::json* FindCondition(const nlohmann::json& conditions, std::string_view type);

// True if the condition of `type` exists with status "True".
bool IsConditionTrue(const nlohmann::json& conditions, std::string_view type);

// Removes the condition of `type`; true if one was removed.
bool RemoveCondition(nlohmann::json& conditions, std::string_view type);

// RFC 3339 at second precision in UTC, as metav1.Time serialises: "2026-01-01T00:00:00Z".
std::string FormatRfc3339(Clock::WallTime time);

}  // namespace po::runtime
