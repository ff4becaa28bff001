// AwsError's text form and its mapping onto po::Status codes.
#include "operator/aws/error.h"

#include "operator/aws/error_codes.h"

namespace po::aws {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

StatusCode CodeFor(const AwsError& e) {
  const std::string& c = e.code;
  if (c == kTimeoutErrorCode && e.http_status == 0) return StatusCode::kDeadlineExceeded;
  if (IsThrottlingErrorCode(c) || e.http_status == 429) return StatusCode::kTooManyRequests;
  if (c == kCredentialsErrorCode || c == "InvalidClientTokenId" || c == "SignatureDoesNotMatch" ||
      c == "ExpiredToken" || c == "ExpiredTokenException" || c == "UnrecognizedClientException" ||
      c == "InvalidAccessKeyId" || c == "IncompleteSignature" ||
      c == "MissingAuthenticationToken" || e.http_status == 401) {
    return StatusCode::kUnauthenticated;
  }
  if (EndsWith(c, "NotFound") || EndsWith(c, "NotFoundFault") || c == "ResourceNotFoundException" ||
      c == "NotFoundException" || StartsWith(c, "NoSuch") || c == "NotFound" ||
      e.http_status == 404) {
    return StatusCode::kNotFound;
  }
  if (EndsWith(c, "AlreadyExists") || EndsWith(c, "AlreadyExistsFault") ||
      c == "ResourceAlreadyExistsException" || c == "BucketAlreadyOwnedByYou") {
    return StatusCode::kAlreadyExists;
  }
  if (c == "AccessDenied" || c == "AccessDeniedException" || c == "UnauthorizedOperation" ||
      c == "AuthorizationError" || c == "Forbidden" || e.http_status == 403) {
    return StatusCode::kForbidden;
  }
  if (StartsWith(c, "Invalid") && (EndsWith(c, "State") || EndsWith(c, "StateFault"))) {
    return StatusCode::kFailedPrecondition;
  }
  if (c == "ResourceInUseException" || c == "OperationAborted" || e.http_status == 409) {
    return StatusCode::kConflict;
  }
  if (e.retryable || e.http_status >= 500 || e.http_status == 0) return StatusCode::kUnavailable;
  if (e.http_status >= 400) return StatusCode::kInvalidArgument;
  return StatusCode::kInternal;
}

}  // namespace

std::string AwsError::ToString() const {
  std::string out = code.empty() ? "UnknownError" : code;
  std::string details;
  if (http_status != 0) details = "HTTP " + std::to_string(http_status);
  if (!request_id.empty()) details += (details.empty() ? "" : ", ") + ("request " + request_id);
  if (!details.empty()) out += " (" + details + ")";
  if (!message.empty()) out += ": " + message;
  return out;
}

Status AwsError::ToStatus() const {
  return Status(CodeFor(*this), ToString());
}

}  // namespace po::aws
