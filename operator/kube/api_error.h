// Turns the apiserver's error responses (a metav1.Status body and an HTTP code) into typed errors:
// an ApiError with reason, causes and Retry-After, and the po::Status the client returns.
// Plain values and pure functions; safe to share between threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"

namespace po::kube {

// One entry of a Status's details.causes[] (e.g. a field that failed validation).
struct ApiCause {
  std::string field;    // e.g. "metadata.name"
  std::string message;  // e.g. "Invalid value: \"A\": a lowercase RFC 1123 subdomain ..."
  std::string reason;   // e.g. "FieldValueInvalid"
  bool operator==(const ApiCause&) const = default;
};

struct ApiError {
  StatusCode code = StatusCode::kInternal;
  int http_status = 0;
  std::string
      reason;  // metav1.StatusReason: NotFound, AlreadyExists, Conflict, Invalid, Expired...
  std::string message;  // the apiserver's message
  std::vector<ApiCause> causes;
  std::optional<std::chrono::seconds> retry_after;  // from Retry-After or details.retryAfterSeconds

  // "<message> (reason Invalid, HTTP 422); causes: metadata.name: Invalid value ...; ..."
  Status ToStatus() const;
};

// Maps an HTTP status code and response body (ideally a metav1.Status) to an ApiError.
// `retry_after_header` is the raw Retry-After header value, "" when absent.
ApiError ApiErrorFromResponse(int http_status, std::string_view body,
                              std::string_view retry_after_header = "");

// The po::StatusCode for a metav1.Status reason, falling back to the HTTP code when the reason is
// empty or unknown (client-go's errors.ReasonForError / NewGenericServerResponse).
StatusCode CodeForReason(std::string_view reason, int http_status);

// True for the "resource version too old" family the reflector answers with a consistent relist:
// 410 Gone / reason Expired / Gone, and "Too large resource version" (a 504 with cause
// ResourceVersionTooLarge).
bool IsResourceVersionTooOld(const ApiError& error);
bool IsTooLargeResourceVersion(const ApiError& error);

}  // namespace po::kube
