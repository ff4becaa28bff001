// Re-read, re-apply, retry: the /status update loop.
#include "operator/runtime/status_writer.h"

#include <optional>

namespace po::runtime {

Result<nlohmann::json> UpdateStatusWithRetry(StatusClient& client, Clock& clock,
                                             const ObjectKey& key, const ObjectMutation& mutate,
                                             const nlohmann::json* current,
                                             const RetryOptions& options) {
  std::optional<nlohmann::json> latest;
  if (current) latest = *current;
  const std::string what =
      "updating the status of " + (key.ns.empty() ? key.name : key.ns + "/" + key.name);
  auto attempt = [&]() -> Result<nlohmann::json> {
    if (!latest) {
      auto fetched = client.Get(key);
      if (!fetched.ok()) return fetched.status().WithContext(what);
      latest = std::move(fetched).value();
    }
    nlohmann::json updated = *latest;
    latest.reset();  // a retry re-reads
    const nlohmann::json before = updated.value("status", nlohmann::json());
    Status mutated = mutate(updated);
    if (!mutated.ok()) return mutated.WithContext(what);
    if (updated.value("status", nlohmann::json()) == before) return updated;
    auto written = client.UpdateStatus(updated);
    if (!written.ok()) return written.status().WithContext(what);
    return written;
  };
  return RetryWhile(
      clock, options, [](const Status& s) { return s.code() == StatusCode::kConflict; }, attempt);
}

}  // namespace po::runtime
