// Status and Result<T>: errors as values with a code, a message and the context they passed
// through. Exceptions from third-party libraries are caught at the adapter edge and turned into
// these. Immutable values; safe to copy and share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace po {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is wrong; retrying will not help
  kNotFound,            // the object does not exist
  kAlreadyExists,       // create of something that exists
  kConflict,            // optimistic-concurrency failure (HTTP 409)
  kGone,                // resource version too old (HTTP 410)
  kForbidden,           // authenticated but not allowed
  kUnauthenticated,     // no or bad credentials
  kTooManyRequests,     // throttled; see retry_after
  kUnavailable,         // transport failure or 5xx; retryable
  kDeadlineExceeded,    // a timeout elapsed
  kFailedPrecondition,  // the system is not in a state where the call can succeed
  kCancelled,           // shutdown or caller cancelled
  kInternal,            // a bug or an unexpected response
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with what the caller was doing: "while X: <message>".
  Status WithContext(std::string_view context) const;

  // "NotFound: while reading secret ns/x: secrets \"x\" not found"
  std::string ToString() const;

  bool operator==(const Status&) const = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) {
  return {StatusCode::kNotFound, std::move(m)};
}
inline Status Internal(std::string m) {
  return {StatusCode::kInternal, std::move(m)};
}
inline Status Unavailable(std::string m) {
  return {StatusCode::kUnavailable, std::move(m)};
}
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace po

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define PO_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::po::Status po_status_ = (expr);        \
    if (!po_status_.ok()) return po_status_; \
  } while (0)

#define PO_CONCAT_INNER(a, b) a##b
#define PO_CONCAT(a, b) PO_CONCAT_INNER(a, b)
// Declares `lhs` from a Result's value, or returns its Status from the enclosing function.
#define PO_ASSIGN_OR_RETURN(lhs, expr) \
  PO_ASSIGN_OR_RETURN_IMPL(PO_CONCAT(po_result_, __LINE__), lhs, expr)
#define PO_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
