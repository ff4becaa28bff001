// cpprestsdk adapter: builds http_request, maps replies and turns cpprestsdk exceptions into
// Status.
#include "operator/aws/cpprest_http_transport.h"

#include <cpprest/http_client.h>

#include <algorithm>
#include <system_error>

#include "operator/aws/text.h"

namespace po::aws {
namespace {

namespace http = web::http;

// Splits "https://host:port/path?q" into "https://host:port" and "/path?q".
std::pair<std::string, std::string> SplitUrl(const std::string& url) {
  size_t scheme_end = url.find("://");
  size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : url.find_first_of("/?", scheme_end + 3);
  if (path_start == std::string::npos) return {url, "/"};
  std::string rest = url.substr(path_start);
  if (rest[0] == '?') rest = "/" + rest;
  return {url.substr(0, path_start), rest};
}

bool IsTimeout(const std::error_code& ec) {
  return ec == std::errc::timed_out || ec.value() == static_cast<int>(std::errc::timed_out);
}

}  // namespace

CpprestHttpTransport::CpprestHttpTransport() = default;
CpprestHttpTransport::~CpprestHttpTransport() = default;

std::shared_ptr<http::client::http_client> CpprestHttpTransport::ClientFor(
    const std::string& base, std::chrono::milliseconds timeout) {
  // cpprestsdk fixes the timeout per client. Rounding it up to whole seconds bounds the number of
  // clients per host (a call near its deadline asks for odd remainders) at a cost of < 1 s.
  std::chrono::seconds rounded = std::chrono::ceil<std::chrono::seconds>(timeout);
  timeout = std::max<std::chrono::milliseconds>(std::chrono::seconds(1), rounded);
  std::lock_guard lock(mu_);
  auto key = std::make_pair(base, timeout.count());
  auto it = clients_.find(key);
  if (it != clients_.end()) return it->second;
  http::client::http_client_config config;
  config.set_timeout(std::chrono::duration_cast<std::chrono::microseconds>(timeout));
  config.set_validate_certificates(true);
  auto client = std::make_shared<http::client::http_client>(web::uri(base), config);
  clients_.emplace(key, client);
  return client;
}

Result<HttpResponse> CpprestHttpTransport::Send(const HttpRequest& request) {
  auto [base, path_and_query] = SplitUrl(request.url);
  try {
    auto client = ClientFor(base, request.timeout);
    http::http_request message(http::method(request.method));
    message.set_request_uri(web::uri(path_and_query));
    std::string content_type;
    for (const auto& [name, value] : request.headers) {
      std::string lower = ToLower(name);
      if (lower == "content-type") {
        content_type = value;
      } else if (lower != "content-length") {
        message.headers().add(name, value);
      }
    }
    if (!request.body.empty() || !content_type.empty()) {
      message.set_body(request.body, content_type);
    }
    http::http_response reply = client->request(message).get();
    HttpResponse response;
    response.status = reply.status_code();
    for (const auto& [name, value] : reply.headers()) response.headers[ToLower(name)] = value;
    std::vector<unsigned char> bytes = reply.extract_vector().get();
    response.body.assign(bytes.begin(), bytes.end());
    return response;
  } catch (const http::http_exception& e) {
    if (IsTimeout(e.error_code())) {
      return Status(
          StatusCode::kDeadlineExceeded,
          "no reply from " + base + " within " + std::to_string(request.timeout.count()) + " ms");
    }
    return Unavailable("request to " + base + " failed: " + e.what());
  } catch (const web::uri_exception& e) {
    return InvalidArgument("bad URL for " + base + ": " + e.what());
  } catch (const std::exception& e) {
    return Unavailable("request to " + base + " failed: " + e.what());
  }
}

}  // namespace po::aws
