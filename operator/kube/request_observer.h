// A hook told about every request the REST client makes, so a metrics layer can publish
// rest_client_requests_total{code,method,host} without this library depending on it.
// Implementations must be thread-safe: requests finish on many threads.
#pragma once

#include <chrono>
#include <string_view>

namespace po::kube {

class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  // `code` is the HTTP status ("200", "404", ...) or "<error>" when no response arrived (as
  // client-go reports it); `method` is "GET", "POST", ...; `host` is "host:port".
  virtual void OnRequest(std::string_view code, std::string_view method, std::string_view host,
                         std::chrono::steady_clock::duration latency) = 0;
};

}  // namespace po::kube
