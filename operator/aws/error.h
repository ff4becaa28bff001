// AwsError and Outcome<T>: what every AWS call returns — a value, or the service's typed error
// (code such as "DBInstanceNotFound", message, request ID, HTTP status, whether a retry may help).
// Immutable values; safe to copy and share between threads.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "operator/common/status.h"

namespace po::aws {

struct AwsError {
  std::string code;        // the service's error code, e.g. "Throttling", or a transport code
  std::string message;     // the service's message (never contains credentials)
  std::string request_id;  // x-amzn-RequestId / RequestId, when the service sent one
  int http_status = 0;     // 0 when no HTTP response was received
  bool retryable = false;  // throttling, 5xx and transport errors

  // "DBInstanceNotFound (HTTP 404, request 1a2b…): DBInstance x not found"
  std::string ToString() const;
  // A po::Status with a code matching the error's kind (NotFound, TooManyRequests, Unavailable, …).
  Status ToStatus() const;
};

// Either the operation's result or an AwsError.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Outcome(AwsError error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  const AwsError& error() const { return std::get<AwsError>(data_); }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // True when the call failed with exactly this service error code.
  bool IsError(std::string_view code) const { return !ok() && error().code == code; }

 private:
  std::variant<T, AwsError> data_;
};

// For operations without a meaningful result body.
struct Empty {};

}  // namespace po::aws
