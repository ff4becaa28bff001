// Standard-mode retry decisions, backoff and the retry-quota bucket.
#include "operator/aws/retry_strategy.h"

#include <algorithm>
#include <cmath>

#include "operator/aws/error_codes.h"
#include "operator/aws/error_parser.h"

namespace po::aws {
namespace {

bool IsTimeoutOrTransport(const AwsError& error) {
  return error.http_status == 0 &&
         (error.code == kNetworkingErrorCode || error.code == kTimeoutErrorCode);
}

}  // namespace

RetryStrategy::RetryStrategy(RetryOptions options, Random& random)
    : options_(options), random_(random), tokens_(options.quota_capacity) {}

bool RetryStrategy::ShouldRetry(const AwsError& error) {
  return error.retryable || IsRetryableError(error);
}

std::chrono::milliseconds RetryStrategy::Backoff(int retry) {
  double ceiling_ms =
      static_cast<double>(options_.base_delay.count()) * std::pow(2.0, std::clamp(retry, 0, 62));
  ceiling_ms = std::min(ceiling_ms, static_cast<double>(options_.max_backoff.count()));
  return std::chrono::milliseconds(static_cast<int64_t>(random_.Uniform() * ceiling_ms));
}

int RetryStrategy::AcquireRetryToken(const AwsError& error) {
  int cost = IsTimeoutOrTransport(error) ? options_.timeout_retry_cost : options_.retry_cost;
  std::lock_guard lock(mu_);
  if (tokens_ < cost) return 0;
  tokens_ -= cost;
  return cost;
}

void RetryStrategy::OnSuccess(int last_retry_cost) {
  int refund = last_retry_cost > 0 ? last_retry_cost : options_.no_retry_increment;
  std::lock_guard lock(mu_);
  tokens_ = std::min(options_.quota_capacity, tokens_ + refund);
}

int RetryStrategy::AvailableTokens() const {
  std::lock_guard lock(mu_);
  return tokens_;
}

}  // namespace po::aws
