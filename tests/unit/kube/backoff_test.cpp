// Tests the exponential backoff: growth, cap, jitter bounds and the quiet-period reset.
#include "operator/kube/backoff.h"

#include <gtest/gtest.h>

namespace po::kube {
namespace {

using std::chrono::milliseconds;

milliseconds Ms(Clock::Duration d) {
  return std::chrono::duration_cast<milliseconds>(d);
}

TEST(BackoffTest, GrowsFrom800msAndCapsAt30sWithoutJitter) {
  FakeClock clock;
  SequenceRandom zero({0.0});
  ExponentialBackoff backoff(clock, zero);
  std::vector<long> want = {800, 1600, 3200, 6400, 12800, 25600, 30000, 30000};
  for (long w : want) {
    EXPECT_EQ(Ms(backoff.Next()).count(), w);
    clock.Advance(std::chrono::seconds(1));
  }
}

TEST(BackoffTest, JitterStaysWithinBaseToTwiceBase) {
  FakeClock clock;
  SequenceRandom near_one({0.999999});
  ExponentialBackoff high(clock, near_one);
  SequenceRandom half({0.5});
  ExponentialBackoff mid(clock, half);
  long base = 800;
  for (int i = 0; i < 8; ++i) {
    auto h = Ms(high.Next()).count();
    auto m = Ms(mid.Next()).count();
    EXPECT_GE(h, base);
    EXPECT_LT(h, 2 * base);
    EXPECT_EQ(m, base + base / 2);
    base = std::min(base * 2, 30000L);
  }
}

TEST(BackoffTest, ResetsAfterTwoQuietMinutes) {
  FakeClock clock;
  SequenceRandom zero({0.0});
  ExponentialBackoff backoff(clock, zero);
  backoff.Next();
  backoff.Next();
  EXPECT_EQ(Ms(backoff.CurrentBase()).count(), 3200);
  clock.Advance(std::chrono::seconds(120));  // exactly 2 min: not yet
  EXPECT_EQ(Ms(backoff.Next()).count(), 3200);
  clock.Advance(std::chrono::seconds(121));
  EXPECT_EQ(Ms(backoff.CurrentBase()).count(), 800);
  EXPECT_EQ(Ms(backoff.Next()).count(), 800);
  EXPECT_EQ(Ms(backoff.Next()).count(), 1600);
}

}  // namespace
}  // namespace po::kube
