// Tests the per-item exponential, token-bucket and default controller rate limiters.
#include "operator/runtime/rate_limiter.h"

#include <gtest/gtest.h>

namespace po::runtime {
namespace {

using namespace std::chrono_literals;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

TEST(ItemExponentialFailureRateLimiterTest, DoublesFromFiveMillisecondsUpToTheCap) {
  ItemExponentialFailureRateLimiter limiter(5ms, 1000s);
  struct Case {
    int failure;
    Clock::Duration want;
  };
  const Case cases[] = {
      {0, 5ms},    {1, 10ms},    {2, 20ms},      {3, 40ms},      {4, 80ms},
      {5, 160ms},  {10, 5120ms}, {16, 327680ms}, {17, 655360ms}, {18, 1000s},
      {19, 1000s}, {60, 1000s},  {200, 1000s},
  };
  int failures = 0;
  for (const auto& c : cases) {
    Clock::Duration got{};
    while (failures <= c.failure) {
      got = limiter.When("a");
      ++failures;
    }
    EXPECT_EQ(got, c.want) << "failure " << c.failure;
  }
  EXPECT_EQ(limiter.NumRequeues("a"), 201);
}

TEST(ItemExponentialFailureRateLimiterTest, ForgetResetsOnlyThatItem) {
  ItemExponentialFailureRateLimiter limiter(5ms, 1000s);
  limiter.When("a");
  limiter.When("a");
  limiter.When("b");
  EXPECT_EQ(limiter.NumRequeues("a"), 2);
  limiter.Forget("a");
  EXPECT_EQ(limiter.NumRequeues("a"), 0);
  EXPECT_EQ(limiter.When("a"), 5ms);
  EXPECT_EQ(limiter.NumRequeues("b"), 1);
  EXPECT_EQ(limiter.When("b"), 10ms);
}

TEST(BucketRateLimiterTest, AllowsABurstOfOneHundredThenTenPerSecond) {
  FakeClock clock;
  BucketRateLimiter limiter(clock, 10, 100);
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(limiter.When("item-" + std::to_string(i)), Clock::Duration::zero()) << i;
  }
  // Once the burst is spent each reservation waits one more 100 ms slot.
  EXPECT_EQ(duration_cast<milliseconds>(limiter.When("x")), 100ms);
  EXPECT_EQ(duration_cast<milliseconds>(limiter.When("y")), 200ms);
  EXPECT_EQ(duration_cast<milliseconds>(limiter.When("z")), 300ms);
  // One second refills ten tokens, which pay off the three borrowed ones: seven are free again.
  clock.Advance(1s);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(limiter.When("r"), Clock::Duration::zero()) << i;
  EXPECT_EQ(duration_cast<milliseconds>(limiter.When("r")), 100ms);
  EXPECT_EQ(limiter.NumRequeues("r"), 0);
}

TEST(BucketRateLimiterTest, RefillsNoMoreThanTheBurst) {
  FakeClock clock;
  BucketRateLimiter limiter(clock, 10, 100);
  clock.Advance(1h);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(limiter.When("a"), Clock::Duration::zero()) << i;
  EXPECT_EQ(duration_cast<milliseconds>(limiter.When("a")), 100ms);
}

TEST(DefaultControllerRateLimiterTest, TakesTheLongerOfBackoffAndBucket) {
  FakeClock clock;
  auto limiter = DefaultControllerRateLimiter(clock);
  EXPECT_EQ(limiter->When("a"), 5ms);
  EXPECT_EQ(limiter->When("a"), 10ms);
  EXPECT_EQ(limiter->NumRequeues("a"), 2);
  limiter->Forget("a");
  EXPECT_EQ(limiter->NumRequeues("a"), 0);
  EXPECT_EQ(limiter->When("a"), 5ms);
  // Spend the rest of the burst on fresh items (3 tokens used so far); then the bucket dominates
  // a fresh item's 5 ms backoff.
  for (int i = 0; i < 97; ++i) limiter->When("fresh-" + std::to_string(i));
  EXPECT_EQ(duration_cast<milliseconds>(limiter->When("b")), 100ms);
}

TEST(DefaultControllerRateLimiterTest, BackoffCapsAtOneThousandSeconds) {
  FakeClock clock;
  auto limiter = DefaultControllerRateLimiter(clock);
  Clock::Duration last{};
  for (int i = 0; i < 30; ++i) {
    last = limiter->When("a");
    clock.Advance(last);  // keep the bucket full so only the backoff counts
  }
  EXPECT_EQ(last, 1000s);
}

}  // namespace
}  // namespace po::runtime
