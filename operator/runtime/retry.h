// A bounded retry loop for optimistic-concurrency writes (client-go retry.RetryOnConflict with
// retry.DefaultRetry: 5 attempts, 10 ms apart). Sleeps through po::Clock. Thread-safe if the
// attempt is.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>

#include "operator/common/clock.h"
#include "operator/common/status.h"

namespace po::runtime {

struct RetryOptions {
  // Attempts in total, the first included. Default 5.
  int attempts = 5;
  // Pause between attempts. Default 10 ms.
  Clock::Duration interval = std::chrono::milliseconds(10);
};

// Calls `attempt` until it succeeds, fails with an error `retryable` rejects, or `attempts` run
// out; then returns the last result, its message ending "(gave up after N attempts)" when they
// ran out.
Result<nlohmann::json> RetryWhile(Clock& clock, const RetryOptions& options,
                                  const std::function<bool(const Status&)>& retryable,
                                  const std::function<Result<nlohmann::json>()>& attempt);

}  // namespace po::runtime
