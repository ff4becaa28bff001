// Decides how long a work-queue item waits before it is retried: per-item exponential backoff, an
// overall token bucket, and the max of several — client-go's workqueue rate limiters, with
// DefaultControllerRateLimiter matching controller-runtime's default. All thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "operator/common/clock.h"

namespace po::runtime {

class RateLimiter {
 public:
  using Duration = Clock::Duration;
  virtual ~RateLimiter() = default;
  // How long `item` should wait now; counts as one more failure for per-item limiters.
  virtual Duration When(const std::string& item) = 0;
  // Stops tracking `item` (its failures reset).
  virtual void Forget(const std::string& item) = 0;
  // How many times `item` has been through When since the last Forget.
  virtual int NumRequeues(const std::string& item) const = 0;
};

// base × 2^failures, capped at max (client-go ItemExponentialFailureRateLimiter).
class ItemExponentialFailureRateLimiter final : public RateLimiter {
 public:
  ItemExponentialFailureRateLimiter(Duration base, Duration max);
  Duration When(const std::string& item) override;
  void Forget(const std::string& item) override;
  int NumRequeues(const std::string& item) const override;

 private:
  const Duration base_;
  const Duration max_;
  mutable std::mutex mu_;
  std::map<std::string, int> failures_;
};

// A token bucket shared by all items: `qps` tokens a second, at most `burst` banked; a caller that
// finds the bucket empty reserves a future token and waits for it (golang.org/x/time/rate
// Limiter.Reserve().Delay(), client-go BucketRateLimiter). Tracks no items.
class BucketRateLimiter final : public RateLimiter {
 public:
  BucketRateLimiter(const Clock& clock, double qps, int burst);
  Duration When(const std::string& item) override;
  void Forget(const std::string&) override {}
  int NumRequeues(const std::string&) const override { return 0; }

 private:
  const Clock& clock_;
  const double qps_;
  const double burst_;
  std::mutex mu_;
  double tokens_;
  Clock::TimePoint last_;
};

// The longest wait of its limiters; Forget forgets in all; NumRequeues is the largest.
class MaxOfRateLimiter final : public RateLimiter {
 public:
  explicit MaxOfRateLimiter(std::vector<std::unique_ptr<RateLimiter>> limiters);
  Duration When(const std::string& item) override;
  void Forget(const std::string& item) override;
  int NumRequeues(const std::string& item) const override;

 private:
  std::vector<std::unique_ptr<RateLimiter>> limiters_;
};

// controller-runtime's DefaultTypedControllerRateLimiter: max of per-item exponential backoff
// (5 ms × 2^n, capped at 1000 s) and an overall bucket of 10 qps with a burst of 100.
std::unique_ptr<RateLimiter> DefaultControllerRateLimiter(const Clock& clock);

}  // namespace po::runtime
