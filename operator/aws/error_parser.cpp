// Error documents of the Query, REST-XML, JSON 1.1 and REST-JSON protocols.
#include "operator/aws/error_parser.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "operator/aws/error_codes.h"

namespace po::aws {
namespace {

std::string HeaderOr(const HttpResponse& response, const std::string& name) {
  auto it = response.headers.find(name);
  return it == response.headers.end() ? "" : it->second;
}

std::string RequestIdFromHeaders(const HttpResponse& response) {
  std::string id = HeaderOr(response, "x-amzn-requestid");
  if (id.empty()) id = HeaderOr(response, "x-amz-request-id");
  return id;
}

// "aws.protocoltests#ResourceNotFoundException:http://…" -> "ResourceNotFoundException".
std::string SanitizeCode(std::string code) {
  if (size_t colon = code.find(':'); colon != std::string::npos) code.resize(colon);
  if (size_t hash = code.rfind('#'); hash != std::string::npos) code.erase(0, hash + 1);
  while (!code.empty() && std::isspace(static_cast<unsigned char>(code.back()))) code.pop_back();
  return code;
}

// <ErrorResponse><Error>…, <ErrorResponse><Errors><Error>… (moto), <Response><Errors><Error>…
// and S3's bare <Error>…: the first <Error> element with a <Code>.
bool ParseXmlError(const std::string& body, AwsError& error) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) return false;
  pugi::xpath_node node = doc.select_node("//*[local-name()='Error'][*[local-name()='Code']]");
  if (!node) return false;
  for (pugi::xml_node child : node.node().children()) {
    std::string_view name = child.name();
    if (name == "Code") error.code = SanitizeCode(child.text().get());
    if (name == "Message" || name == "message") error.message = child.text().get();
  }
  pugi::xpath_node id =
      doc.select_node("//*[local-name()='RequestId' or local-name()='RequestID']");
  if (id && error.request_id.empty()) error.request_id = id.node().text().get();
  return !error.code.empty();
}

bool ParseJsonError(const std::string& body, const HttpResponse& response, AwsError& error) {
  std::string header_type = HeaderOr(response, "x-amzn-errortype");
  if (!header_type.empty()) error.code = SanitizeCode(header_type);
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_object()) {
    for (const char* key : {"__type", "code", "Code"}) {
      if (error.code.empty() && doc.contains(key) && doc[key].is_string()) {
        error.code = SanitizeCode(doc[key].get<std::string>());
      }
    }
    for (const char* key : {"message", "Message", "errorMessage"}) {
      if (error.message.empty() && doc.contains(key) && doc[key].is_string()) {
        error.message = doc[key].get<std::string>();
      }
    }
  }
  return !error.code.empty();
}

}  // namespace

std::string CodeForHttpStatus(int status) {
  switch (status) {
    case 301:
      return "MovedPermanently";
    case 304:
      return "NotModified";
    case 307:
      return "TemporaryRedirect";
    case 400:
      return "BadRequest";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 405:
      return "MethodNotAllowed";
    case 409:
      return "Conflict";
    case 412:
      return "PreconditionFailed";
    case 429:
      return "TooManyRequestsException";
    case 500:
      return "InternalError";
    case 502:
      return "BadGateway";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "GatewayTimeout";
    default:
      return "Http" + std::to_string(status);
  }
}

bool IsRetryableError(const AwsError& error) {
  return IsThrottlingErrorCode(error.code) || IsTransientErrorCode(error.code) ||
         IsTransientHttpStatus(error.http_status) || error.http_status == 429;
}

AwsError ParseErrorResponse(WireProtocol protocol, const HttpResponse& response) {
  AwsError error;
  error.http_status = response.status;
  error.request_id = RequestIdFromHeaders(response);
  bool parsed = false;
  bool looks_like_json = !response.body.empty() && response.body.front() == '{';
  if (protocol == WireProtocol::kJson11 || protocol == WireProtocol::kRestJson || looks_like_json) {
    parsed = ParseJsonError(response.body, response, error);
  }
  if (!parsed && !response.body.empty() && !looks_like_json) {
    parsed = ParseXmlError(response.body, error);
  }
  if (error.code.empty()) error.code = CodeForHttpStatus(response.status);
  if (error.message.empty() && !parsed) {
    error.message = "HTTP " + std::to_string(response.status) + " with no error document";
  }
  error.retryable = IsRetryableError(error);
  return error;
}

}  // namespace po::aws
