// StatusReport: what a reconcile found, written to the custom resource's status in one go —
// phase, conditions (metav1.Condition semantics), observedGeneration and kind-specific fields —
// through the runtime's conflict-retrying status writer. Secret-looking keys are redacted before
// writing. Thread-safe if the client is.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/runtime/conditions.h"
#include "operator/runtime/object_client.h"

namespace po::controllers {

// Phases shared by the three kinds (the CRDs' enum).
inline constexpr std::string_view kPhasePending = "Pending";
inline constexpr std::string_view kPhaseCreating = "Creating";
inline constexpr std::string_view kPhaseAvailable = "Available";
inline constexpr std::string_view kPhaseModifying = "Modifying";
inline constexpr std::string_view kPhaseDegraded = "Degraded";
inline constexpr std::string_view kPhaseFailingOver = "FailingOver";
inline constexpr std::string_view kPhaseDeleting = "Deleting";
inline constexpr std::string_view kPhaseFailed = "Failed";

struct StatusReport {
  std::string phase;                                 // "" leaves the phase as it is
  std::vector<runtime::Condition> conditions;        // set; others are kept
  std::vector<std::string> remove_conditions;        // condition types to drop
  nlohmann::json fields = nlohmann::json::object();  // merged into status (null deletes a key)
  bool observed = true;  // write observedGeneration = metadata.generation
};

// The Event that announces a phase change: BecameAvailable (Normal), BecameDegraded and Failed
// (Warning), PhaseChanged (Normal) for the rest; std::nullopt when the phase did not change or
// `after` is empty.
struct PhaseEvent {
  bool warning = false;
  std::string reason;
  std::string message;
};
std::optional<PhaseEvent> PhaseTransitionEvent(std::string_view before, std::string_view after);

// Applies `report` to `object` (in place): pure, for tests and for the writer below.
void ApplyStatusReport(nlohmann::json& object, const StatusReport& report, Clock::WallTime now);

// Writes `report` onto the latest version of the object (GET, apply, PUT /status, retry on 409).
// `current`, when given, is tried first. Nothing is written when nothing changes.
Result<nlohmann::json> WriteStatusReport(runtime::StatusClient& client, Clock& clock,
                                         const nlohmann::json& current, const StatusReport& report);

}  // namespace po::controllers
