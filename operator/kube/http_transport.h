// The HTTP side effect behind the Kubernetes client: one request/response exchange, or a streamed
// response read line by line (for watches). The real implementation is CpprestTransport; tests
// use FakeHttpTransport. Implementations are thread-safe.
#pragma once

#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <string_view>

#include "operator/common/status.h"

namespace po::kube {

struct HttpRequest {
  std::string method;  // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string path;    // path and query, e.g. "/api/v1/namespaces/a/configmaps?limit=500"
  std::string content_type;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;                            // empty for a streamed 2xx response

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;

  // Sends one request and reads the whole response. Transport failures (connection refused,
  // TLS errors, timeouts) are Unavailable / DeadlineExceeded; any HTTP status is a response.
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;

  // Sends a request whose 2xx response body is a stream of lines; calls on_line for each complete
  // line until the server closes the stream, on_line returns false, or `stop` is requested (then
  // Cancelled). A non-2xx response is returned with its body read in full.
  virtual Result<HttpResponse> Stream(const HttpRequest& request,
                                      const std::function<bool(std::string_view)>& on_line,
                                      std::stop_token stop) = 0;

  // "host:port" of the server, for request metrics.
  virtual std::string Host() const = 0;
};

}  // namespace po::kube
