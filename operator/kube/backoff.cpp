// client-go's exponential backoff manager.
#include "operator/kube/backoff.h"

#include <algorithm>

namespace po::kube {

ExponentialBackoff::ExponentialBackoff(const Clock& clock, RandomSource& random,
                                       BackoffOptions options)
    : clock_(clock), random_(random), options_(options), base_(options.initial) {}

Clock::Duration ExponentialBackoff::CurrentBase() const {
  if (started_ && clock_.Now() - last_start_ > options_.reset_after) return options_.initial;
  return base_;
}

Clock::Duration ExponentialBackoff::Next() {
  auto now = clock_.Now();
  if (started_ && now - last_start_ > options_.reset_after) base_ = options_.initial;
  started_ = true;
  last_start_ = now;
  Clock::Duration wait = base_;
  auto grown = std::chrono::duration_cast<Clock::Duration>(base_ * options_.factor);
  base_ = std::min<Clock::Duration>(grown, options_.cap);
  if (options_.jitter > 0) {
    wait +=
        std::chrono::duration_cast<Clock::Duration>(wait * (random_.Uniform() * options_.jitter));
  }
  return wait;
}

}  // namespace po::kube
