// Status-condition updates with Kubernetes' transition-time rules.
#include "operator/runtime/conditions.h"

#include <cstdio>
#include <ctime>

namespace po::runtime {

std::string FormatRfc3339(Clock::WallTime time) {
  const std::time_t t =
      std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(time));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

const nlohmann::json* FindCondition(const nlohmann::json& conditions, std::string_view type) {
  if (!conditions.is_array()) return nullptr;
  for (const auto& condition : conditions) {
    if (condition.is_object() && condition.value("type", "") == type) return &condition;
  }
  return nullptr;
}

bool IsConditionTrue(const nlohmann::json& conditions, std::string_view type) {
  const auto* condition = FindCondition(conditions, type);
  return condition && condition->value("status", "") == kConditionTrue;
}

bool SetCondition(nlohmann::json& conditions, const Condition& condition, std::int64_t generation,
                  Clock::WallTime now) {
  if (!conditions.is_array()) conditions = nlohmann::json::array();
  for (auto& existing : conditions) {
    if (!existing.is_object() || existing.value("type", "") != condition.type) continue;
    bool changed = false;
    auto set = [&](const char* key, const nlohmann::json& value) {
      if (!existing.contains(key) || existing[key] != value) {
        existing[key] = value;
        changed = true;
      }
    };
    if (existing.value("status", "") != condition.status) {
      existing["lastTransitionTime"] = FormatRfc3339(now);
      changed = true;
    }
    set("status", condition.status);
    set("reason", condition.reason);
    set("message", condition.message);
    set("observedGeneration", generation);
    if (!existing.contains("lastTransitionTime")) set("lastTransitionTime", FormatRfc3339(now));
    return changed;
  }
  conditions.push_back({{"type", condition.type},
                        {"status", condition.status},
                        {"observedGeneration", generation},
                        {"lastTransitionTime", FormatRfc3339(now)},
                        {"reason", condition.reason},
                        {"message", condition.message}});
  return true;
}

bool RemoveCondition(nlohmann::json& conditions, std::string_view type) {
  if (!conditions.is_array()) return false;
  for (auto it = conditions.begin(); it != conditions.end(); ++it) {
    if (it->is_object() && it->value("type", "") == type) {
      conditions.erase(it);
      return true;
    }
  }
  return false;
}

}  // namespace po::runtime
