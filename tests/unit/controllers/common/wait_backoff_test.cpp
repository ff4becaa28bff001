// The growing wait for busy resources.
#include "controllers/common/wait_backoff.h"

#include <gtest/gtest.h>

namespace po::controllers {
namespace {

using std::chrono::seconds;

TEST(WaitBackoffTest, DoublesFromFifteenSecondsToTwoMinutesPerKey) {
  WaitBackoff backoff;
  EXPECT_EQ(backoff.Next("a"), seconds(15));
  EXPECT_EQ(backoff.Next("a"), seconds(30));
  EXPECT_EQ(backoff.Next("a"), seconds(60));
  EXPECT_EQ(backoff.Next("b"), seconds(15));
  EXPECT_EQ(backoff.Next("a"), seconds(120));
  EXPECT_EQ(backoff.Next("a"), seconds(120));
  for (int i = 0; i < 100; ++i) backoff.Next("a");
  EXPECT_EQ(backoff.Next("a"), seconds(120));
}

TEST(WaitBackoffTest, ResetStartsOver) {
  WaitBackoff backoff;
  backoff.Next("a");
  backoff.Next("a");
  backoff.Reset("a");
  EXPECT_EQ(backoff.Next("a"), seconds(15));
}

}  // namespace
}  // namespace po::controllers
