// Clock: the source of time for everything that waits, backs off or stamps a time, so tests can
// substitute FakeClock. RealClock is stateless; FakeClock is thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace po {

class Clock {
 public:
  using Duration = std::chrono::steady_clock::duration;
  using TimePoint = std::chrono::steady_clock::time_point;
  using WallTime = std::chrono::system_clock::time_point;

  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;     // monotonic, for intervals and deadlines
  virtual WallTime WallNow() const = 0;  // calendar time, for timestamps written out
  virtual void SleepFor(Duration d) = 0;
};

class RealClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::steady_clock::now(); }
  WallTime WallNow() const override { return std::chrono::system_clock::now(); }
  void SleepFor(Duration d) override;
};

// A clock that only moves when told to. SleepFor advances it at once (a sleeping caller never
// blocks).
class FakeClock final : public Clock {
 public:
  TimePoint Now() const override;
  WallTime WallNow() const override;
  void SleepFor(Duration d) override;  // advances the clock and records the sleep
  void Advance(Duration d);
  Duration TotalSlept() const;  // the sum of all SleepFor calls

 private:
  mutable std::mutex mu_;
  TimePoint now_{std::chrono::hours(1)};
  WallTime wall_{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  Duration slept_{};
};

}  // namespace po
