// Exponential backoff with jitter and a quiet-period reset, as client-go's
// NewExponentialBackoffManager(800ms, 30s, 2m, 2.0, 1.0) used by reflectors: the base delay starts
// at `initial`, doubles per failure up to `cap`; each wait is base + U[0,1) * jitter * base; when
// more than `reset_after` passed since the previous backoff began, the base returns to `initial`.
// Not thread-safe: one owner (a watcher) uses it.
#pragma once

#include <chrono>

#include "operator/common/clock.h"
#include "operator/kube/random_source.h"

namespace po::kube {

struct BackoffOptions {
  // The first delay. Default 0.8 s.
  std::chrono::milliseconds initial{800};
  // Multiplier per consecutive failure. Default 2.
  double factor = 2.0;
  // Jitter fraction: a wait lies in [base, base * (1 + jitter)). Default 1.0.
  double jitter = 1.0;
  // The largest base delay. Default 30 s.
  std::chrono::milliseconds cap{30'000};
  // Quiet time after which the delay resets to `initial`. Default 2 min.
  std::chrono::milliseconds reset_after{120'000};
};

class ExponentialBackoff {
 public:
  ExponentialBackoff(const Clock& clock, RandomSource& random, BackoffOptions options = {});

  // The wait before the next attempt (jittered), advancing the base delay.
  Clock::Duration Next();
  // The base (un-jittered) delay the next call would use, for tests and logs.
  Clock::Duration CurrentBase() const;

 private:
  const Clock& clock_;
  RandomSource& random_;
  const BackoffOptions options_;
  Clock::Duration base_;
  bool started_ = false;
  Clock::TimePoint last_start_{};
};

}  // namespace po::kube
