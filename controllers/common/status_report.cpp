// Writing a reconcile's findings to the custom resource's status.
#include "controllers/common/status_report.h"

#include "operator/kube/resource.h"
#include "operator/runtime/redact.h"
#include "operator/runtime/status_writer.h"

namespace po::controllers {

std::optional<PhaseEvent> PhaseTransitionEvent(std::string_view before, std::string_view after) {
  if (after.empty() || before == after) return std::nullopt;
  const std::string from = before.empty() ? std::string("none") : std::string(before);
  const std::string message = "phase " + from + " -> " + std::string(after);
  if (after == kPhaseAvailable) return PhaseEvent{false, "BecameAvailable", message};
  if (after == kPhaseDegraded) return PhaseEvent{true, "BecameDegraded", message};
  if (after == kPhaseFailed) return PhaseEvent{true, "Failed", message};
  return PhaseEvent{false, "PhaseChanged", message};
}

void ApplyStatusReport(nlohmann::json& object, const StatusReport& report, Clock::WallTime now) {
  nlohmann::json& status = object["status"];
  if (!status.is_object()) status = nlohmann::json::object();
  const std::int64_t generation =
      object.contains("metadata") ? object["metadata"].value("generation", std::int64_t{0}) : 0;
  if (!report.phase.empty()) status["phase"] = report.phase;
  for (const auto& condition : report.conditions) {
    runtime::SetCondition(status["conditions"], condition, generation, now);
  }
  for (const auto& type : report.remove_conditions) {
    if (status.contains("conditions")) runtime::RemoveCondition(status["conditions"], type);
  }
  if (report.fields.is_object() && !report.fields.empty()) {
    status.merge_patch(runtime::RedactSecrets(report.fields));
  }
  if (report.observed) status["observedGeneration"] = generation;
}

Result<nlohmann::json> WriteStatusReport(runtime::StatusClient& client, Clock& clock,
                                         const nlohmann::json& current,
                                         const StatusReport& report) {
  const runtime::ObjectKey key{kube::NamespaceOf(current), kube::NameOf(current)};
  return runtime::UpdateStatusWithRetry(
      client, clock, key,
      [&](nlohmann::json& object) {
        ApplyStatusReport(object, report, clock.WallNow());
        return Status::Ok();
      },
      &current);
}

}  // namespace po::controllers
