// Standard-mode retry decisions, full-jitter backoff bounds and the retry-quota bucket.
#include "operator/aws/retry_strategy.h"

#include <gtest/gtest.h>

#include "operator/aws/error_codes.h"

namespace po::aws {
namespace {

using std::chrono::milliseconds;

struct RetryCase {
  std::string code;
  int http_status;
  bool transport;  // marked retryable by the caller (no HTTP reply)
  bool retried;
};

class RetryDecisionTest : public ::testing::TestWithParam<RetryCase> {};

TEST_P(RetryDecisionTest, MatchesStandardMode) {
  const RetryCase& c = GetParam();
  AwsError error{c.code, "m", "", c.http_status, c.transport};
  EXPECT_EQ(RetryStrategy::ShouldRetry(error), c.retried) << c.code << " " << c.http_status;
}

INSTANTIATE_TEST_SUITE_P(
    Codes, RetryDecisionTest,
    ::testing::Values(
        RetryCase{"Throttling", 400, false, true},
        RetryCase{"ThrottlingException", 400, false, true},
        RetryCase{"ThrottledException", 400, false, true},
        RetryCase{"RequestThrottledException", 400, false, true},
        RetryCase{"TooManyRequestsException", 400, false, true},
        RetryCase{"ProvisionedThroughputExceededException", 400, false, true},
        RetryCase{"TransactionInProgressException", 400, false, true},
        RetryCase{"RequestLimitExceeded", 400, false, true},
        RetryCase{"BandwidthLimitExceeded", 400, false, true},
        RetryCase{"LimitExceededException", 400, false, true},
        RetryCase{"RequestThrottled", 400, false, true}, RetryCase{"SlowDown", 503, false, true},
        RetryCase{"PriorRequestNotComplete", 400, false, true},
        RetryCase{"EC2ThrottledException", 400, false, true},
        RetryCase{"RequestTimeout", 400, false, true},
        RetryCase{"RequestTimeoutException", 400, false, true},
        RetryCase{"InternalError", 500, false, true}, RetryCase{"Anything", 500, false, true},
        RetryCase{"BadGateway", 502, false, true},
        RetryCase{"ServiceUnavailable", 503, false, true},
        RetryCase{"GatewayTimeout", 504, false, true},
        RetryCase{"TooManyRequestsException", 429, false, true},
        RetryCase{kNetworkingErrorCode, 0, true, true}, RetryCase{kTimeoutErrorCode, 0, true, true},
        RetryCase{"DBInstanceNotFound", 404, false, false},
        RetryCase{"InvalidParameterValue", 400, false, false},
        RetryCase{"AccessDenied", 403, false, false},
        RetryCase{"SignatureDoesNotMatch", 403, false, false},
        RetryCase{"DBInstanceAlreadyExists", 400, false, false},
        RetryCase{"NotImplemented", 501, false, false},
        RetryCase{kCredentialsErrorCode, 0, false, false}));

TEST(RetryBackoff, FullJitterWithinExponentialCeiling) {
  struct Case {
    double random;
    int retry;
    milliseconds expected;
  };
  for (const Case& c : std::vector<Case>{{0.0, 0, milliseconds(0)},
                                         {0.5, 0, milliseconds(50)},
                                         {0.999, 0, milliseconds(99)},
                                         {0.5, 1, milliseconds(100)},
                                         {0.5, 3, milliseconds(400)},
                                         {0.999, 7, milliseconds(12787)},
                                         {0.5, 8, milliseconds(10000)},  // capped at 20 s
                                         {0.999, 20, milliseconds(19980)},
                                         {0.999, 100, milliseconds(19980)}}) {
    FixedRandom random(c.random);
    RetryStrategy strategy({}, random);
    EXPECT_EQ(strategy.Backoff(c.retry), c.expected) << c.random << " retry " << c.retry;
  }
}

TEST(RetryBackoff, RealRandomStaysInBounds) {
  RealRandom random;
  RetryStrategy strategy({}, random);
  for (int retry = 0; retry < 12; ++retry) {
    for (int i = 0; i < 200; ++i) {
      milliseconds delay = strategy.Backoff(retry);
      EXPECT_GE(delay.count(), 0);
      EXPECT_LE(delay, std::min(milliseconds(20'000), milliseconds(100 << retry)));
    }
  }
}

TEST(RetryQuota, CostsAndRefunds) {
  FixedRandom random(0.5);
  RetryStrategy strategy({}, random);
  EXPECT_EQ(strategy.AvailableTokens(), 500);
  AwsError throttled{"Throttling", "", "", 400, true};
  AwsError transport{kNetworkingErrorCode, "", "", 0, true};
  AwsError timeout{kTimeoutErrorCode, "", "", 0, true};
  EXPECT_EQ(strategy.AcquireRetryToken(throttled), 5);
  EXPECT_EQ(strategy.AcquireRetryToken(transport), 10);
  EXPECT_EQ(strategy.AcquireRetryToken(timeout), 10);
  EXPECT_EQ(strategy.AvailableTokens(), 475);
  strategy.OnSuccess(10);  // a retried call refunds its retry's cost
  EXPECT_EQ(strategy.AvailableTokens(), 485);
  strategy.OnSuccess(0);  // a first-try success returns 1
  EXPECT_EQ(strategy.AvailableTokens(), 486);
}

TEST(RetryQuota, ExhaustsAndNeverExceedsCapacity) {
  FixedRandom random(0.5);
  RetryStrategy strategy({}, random);
  AwsError throttled{"Throttling", "", "", 400, true};
  int granted = 0;
  while (strategy.AcquireRetryToken(throttled) > 0) ++granted;
  EXPECT_EQ(granted, 100);  // 500 / 5
  EXPECT_EQ(strategy.AvailableTokens(), 0);
  EXPECT_EQ(strategy.AcquireRetryToken(throttled), 0);
  for (int i = 0; i < 1000; ++i) strategy.OnSuccess(0);
  EXPECT_EQ(strategy.AvailableTokens(), 500);
}

}  // namespace
}  // namespace po::aws
