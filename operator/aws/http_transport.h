// HttpTransport: sends one HTTP request and returns the reply, so signing, retries and error
// parsing are tested without sockets (FakeHttpTransport) and run on cpprestsdk in production
// (CpprestHttpTransport). Implementations must be thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "operator/aws/uri_encoding.h"
#include "operator/common/status.h"

namespace po::aws {

struct HttpRequest {
  std::string method = "GET";
  // Absolute URL: scheme://host[:port]/path?query, path and query already percent-encoded.
  std::string url;
  KeyValueList headers;  // sent as given (Content-Type included); Content-Length is added
  std::string body;
  // The whole exchange (connect, send, receive) must finish within this time.
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Any HTTP status is a successful exchange. Transport failures return Unavailable (connect or
  // read failure) or DeadlineExceeded (the timeout passed); messages never include headers.
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
};

}  // namespace po::aws
