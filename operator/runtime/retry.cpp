// The bounded conflict-retry loop.
#include "operator/runtime/retry.h"

#include <string>

namespace po::runtime {

Result<nlohmann::json> RetryWhile(Clock& clock, const RetryOptions& options,
                                  const std::function<bool(const Status&)>& retryable,
                                  const std::function<Result<nlohmann::json>()>& attempt) {
  const int attempts = options.attempts < 1 ? 1 : options.attempts;
  for (int i = 1;; ++i) {
    Result<nlohmann::json> result = attempt();
    if (result.ok() || !retryable(result.status())) return result;
    if (i == attempts) {
      return Status(result.status().code(), result.status().message() + " (gave up after " +
                                                std::to_string(attempts) + " attempts)");
    }
    clock.SleepFor(options.interval);
  }
}

}  // namespace po::runtime
