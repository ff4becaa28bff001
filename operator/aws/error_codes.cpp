// The SDKs' lists of throttling and transient error codes.
#include "operator/aws/error_codes.h"

#include <algorithm>
#include <array>

namespace po::aws {
namespace {

constexpr std::array<std::string_view, 15> kThrottlingCodes = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
    "ThrottlingError",
};

constexpr std::array<std::string_view, 7> kTransientCodes = {
    "RequestTimeout",     "RequestTimeoutException", "InternalError",      "InternalFailure",
    "ServiceUnavailable", "IDPCommunicationError",   kNetworkingErrorCode,
};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

}  // namespace

bool IsThrottlingErrorCode(std::string_view code) {
  return Contains(kThrottlingCodes, code);
}

bool IsTransientErrorCode(std::string_view code) {
  return Contains(kTransientCodes, code);
}

bool IsTransientHttpStatus(int status) {
  return status == 500 || status == 502 || status == 503 || status == 504;
}

}  // namespace po::aws
