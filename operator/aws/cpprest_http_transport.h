// CpprestHttpTransport: HttpTransport on cpprestsdk's http_client, one client per scheme+authority
// and timeout (rounded up to whole seconds), reused across calls. TLS certificates are always
// verified. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "operator/aws/http_transport.h"

namespace web::http::client {
class http_client;
}

namespace po::aws {

class CpprestHttpTransport final : public HttpTransport {
 public:
  CpprestHttpTransport();
  ~CpprestHttpTransport() override;

  Result<HttpResponse> Send(const HttpRequest& request) override;

 private:
  std::shared_ptr<web::http::client::http_client> ClientFor(const std::string& base,
                                                            std::chrono::milliseconds timeout);

  std::mutex mu_;
  std::map<std::pair<std::string, std::chrono::milliseconds::rep>,
           std::shared_ptr<web::http::client::http_client>>
      clients_;
};

}  // namespace po::aws
