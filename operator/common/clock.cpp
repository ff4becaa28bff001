// RealClock and FakeClock.
#include "operator/common/clock.h"

#include <thread>

namespace po {

void RealClock::SleepFor(Duration d) {
  std::this_thread::sleep_for(d);
}

Clock::TimePoint FakeClock::Now() const {
  std::lock_guard lock(mu_);
  return now_;
}

Clock::WallTime FakeClock::WallNow() const {
  std::lock_guard lock(mu_);
  return wall_;
}

void FakeClock::Advance(Duration d) {
  std::lock_guard lock(mu_);
  now_ += d;
  wall_ += std::chrono::duration_cast<std::chrono::system_clock::duration>(d);
}

void FakeClock::SleepFor(Duration d) {
  Advance(d);
  std::lock_guard lock(mu_);
  slept_ += d;
}

Clock::Duration FakeClock::TotalSlept() const {
  std::lock_guard lock(mu_);
  return slept_;
}

}  // namespace po
