// Decodes metav1.Status bodies into ApiError and po::Status.
#include "operator/kube/api_error.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace po::kube {

StatusCode CodeForReason(std::string_view reason, int http_status) {
  if (reason == "NotFound") return StatusCode::kNotFound;
  if (reason == "AlreadyExists") return StatusCode::kAlreadyExists;
  if (reason == "Conflict") return StatusCode::kConflict;
  if (reason == "Gone" || reason == "Expired") return StatusCode::kGone;
  if (reason == "Forbidden") return StatusCode::kForbidden;
  if (reason == "Unauthorized") return StatusCode::kUnauthenticated;
  if (reason == "Invalid" || reason == "BadRequest") return StatusCode::kInvalidArgument;
  if (reason == "TooManyRequests") return StatusCode::kTooManyRequests;
  if (reason == "Timeout" || reason == "ServerTimeout") return StatusCode::kDeadlineExceeded;
  if (reason == "ServiceUnavailable") return StatusCode::kUnavailable;
  if (reason == "InternalError") return StatusCode::kInternal;
  if (reason == "MethodNotAllowed" || reason == "NotAcceptable" ||
      reason == "UnsupportedMediaType" || reason == "RequestEntityTooLarge") {
    return StatusCode::kInvalidArgument;
  }
  switch (http_status) {
    case 400:
      return StatusCode::kInvalidArgument;
    case 401:
      return StatusCode::kUnauthenticated;
    case 403:
      return StatusCode::kForbidden;
    case 404:
      return StatusCode::kNotFound;
    case 405:
      return StatusCode::kInvalidArgument;
    case 409:
      return StatusCode::kConflict;
    case 410:
      return StatusCode::kGone;
    case 413:
      return StatusCode::kInvalidArgument;
    case 415:
      return StatusCode::kInvalidArgument;
    case 422:
      return StatusCode::kInvalidArgument;
    case 429:
      return StatusCode::kTooManyRequests;
    case 500:
      return StatusCode::kInternal;
    case 502:
      return StatusCode::kUnavailable;
    case 503:
      return StatusCode::kUnavailable;
    case 504:
      return StatusCode::kDeadlineExceeded;
    default:
      break;
  }
  if (http_status >= 500) return StatusCode::kInternal;
  return StatusCode::kInternal;
}

namespace {

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : "";
}

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view header) {
  int seconds = 0;
  auto [ptr, ec] = std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (ec != std::errc() || ptr != header.data() + header.size() || seconds < 0) return std::nullopt;
  return std::chrono::seconds(seconds);
}

}  // namespace

ApiError ApiErrorFromResponse(int http_status, std::string_view body,
                              std::string_view retry_after_header) {
  ApiError error;
  error.http_status = http_status;
  nlohmann::json status = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (status.is_object() && StringField(status, "kind") == "Status") {
    error.reason = StringField(status, "reason");
    error.message = StringField(status, "message");
    if (auto code = status.find("code"); code != status.end() && code->is_number_integer()) {
      // The Status's code is authoritative for watch ERROR events (which arrive with HTTP 200).
      if (http_status < 300) error.http_status = code->get<int>();
    }
    if (auto details = status.find("details"); details != status.end() && details->is_object()) {
      if (auto causes = details->find("causes"); causes != details->end() && causes->is_array()) {
        for (const auto& cause : *causes) {
          if (!cause.is_object()) continue;
          error.causes.push_back({StringField(cause, "field"), StringField(cause, "message"),
                                  StringField(cause, "reason")});
        }
      }
      if (auto retry = details->find("retryAfterSeconds");
          retry != details->end() && retry->is_number_integer()) {
        error.retry_after = std::chrono::seconds(retry->get<int>());
      }
    }
  } else {
    std::string text(body.substr(0, 256));
    error.message = text.empty() ? "HTTP " + std::to_string(http_status) : text;
  }
  if (auto header = ParseRetryAfter(retry_after_header)) error.retry_after = header;
  error.code = CodeForReason(error.reason, error.http_status);
  // "Too large resource version" is a 504 Timeout carrying a ResourceVersionTooLarge cause.
  if (IsTooLargeResourceVersion(error)) error.code = StatusCode::kGone;
  return error;
}

bool IsTooLargeResourceVersion(const ApiError& error) {
  for (const auto& cause : error.causes) {
    if (cause.reason == "ResourceVersionTooLarge") return true;
  }
  return error.message.find("Too large resource version") != std::string::npos;
}

bool IsResourceVersionTooOld(const ApiError& error) {
  return error.http_status == 410 || error.reason == "Expired" || error.reason == "Gone" ||
         error.message.find("too old resource version") != std::string::npos;
}

Status ApiError::ToStatus() const {
  std::string text = message;
  text += " (";
  if (!reason.empty()) text += "reason " + reason + ", ";
  text += "HTTP " + std::to_string(http_status) + ")";
  if (!causes.empty()) {
    text += "; causes:";
    for (size_t i = 0; i < causes.size(); ++i) {
      text += i == 0 ? " " : "; ";
      text +=
          causes[i].field.empty() ? causes[i].message : causes[i].field + ": " + causes[i].message;
    }
  }
  return {code, text};
}

}  // namespace po::kube
