// Tests the SIGTERM/SIGINT watcher. Each case runs in a forked child (a death test) so the signals
// it sends cannot reach the test binary's other threads.
#include "operator/runtime/signals.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace po::runtime {
namespace {

using namespace std::chrono_literals;

bool WaitFor(const std::atomic<int>& value, int want) {
  for (int i = 0; i < 5000 && value.load() < want; ++i) std::this_thread::sleep_for(1ms);
  return value.load() >= want;
}

TEST(SignalWatcherDeathTest, FirstSignalCallsBackWithTheSignal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        std::atomic<int> calls{0};
        std::atomic<int> seen{0};
        auto watcher = SignalWatcher::Start([&](int signal) {
          seen = signal;
          ++calls;
        });
        if (!watcher.ok()) std::_Exit(10);
        ::kill(::getpid(), SIGTERM);
        if (!WaitFor(calls, 1)) std::_Exit(11);
        if (seen != SIGTERM) std::_Exit(12);
        watcher->reset();  // stops the watcher thread cleanly
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(SignalWatcherDeathTest, SecondSignalExitsWithStatusOne) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        std::atomic<int> calls{0};
        auto watcher = SignalWatcher::Start([&](int) { ++calls; });
        if (!watcher.ok()) std::_Exit(10);
        ::kill(::getpid(), SIGINT);
        if (!WaitFor(calls, 1)) std::_Exit(11);
        ::kill(::getpid(), SIGTERM);
        std::this_thread::sleep_for(10s);
        std::_Exit(12);
      },
      ::testing::ExitedWithCode(1), "");
}

}  // namespace
}  // namespace po::runtime
