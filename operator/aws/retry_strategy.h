// The AWS SDKs' "standard" retry mode: which errors are retried, the full-jitter exponential
// backoff (base 100 ms, cap 20 s), at most 3 attempts, and the retry-quota token bucket shared by
// all calls of one client (capacity 500; a retry costs 5, a timeout or transport retry 10; a
// success refunds 1, or the retry's cost when it needed retries). Thread-safe.
#pragma once

#include <chrono>
#include <mutex>

#include "operator/aws/error.h"
#include "operator/aws/random.h"

namespace po::aws {

struct RetryOptions {
  int max_attempts = 3;                           // attempts in total, the first included
  std::chrono::milliseconds base_delay{100};      // backoff base
  std::chrono::milliseconds max_backoff{20'000};  // backoff cap
  int quota_capacity = 500;                       // retry-quota bucket size
  int retry_cost = 5;                             // tokens a retry takes
  int timeout_retry_cost = 10;                    // tokens a timeout/transport retry takes
  int no_retry_increment = 1;                     // tokens a first-try success returns
};

class RetryStrategy {
 public:
  RetryStrategy(RetryOptions options, Random& random);

  // Whether the error may be retried at all (before looking at attempts or quota).
  static bool ShouldRetry(const AwsError& error);

  // The delay before retry number `retry` (0 for the first retry): random(0, min(cap,
  // base·2^retry)).
  std::chrono::milliseconds Backoff(int retry);

  // Takes tokens for one retry of `error`; returns the cost taken, or 0 when the quota is exhausted
  // (then the caller must give up).
  int AcquireRetryToken(const AwsError& error);
  // Returns tokens after a successful call: `last_retry_cost` when it needed retries, else the
  // no-retry increment (the bucket never exceeds its capacity).
  void OnSuccess(int last_retry_cost);

  int AvailableTokens() const;
  const RetryOptions& options() const { return options_; }

 private:
  const RetryOptions options_;
  Random& random_;
  mutable std::mutex mu_;
  int tokens_;
};

}  // namespace po::aws
