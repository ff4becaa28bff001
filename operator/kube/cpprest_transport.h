// HttpTransport on cpprestsdk's http_client: TLS with the RestConfig's CA and client certificate,
// bearer tokens from a CredentialProvider, and one retry with fresh credentials after a 401.
// Thread-safe: concurrent requests share a connection pool; a new client certificate from an exec
// plugin swaps in a new http_client.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>

#include "operator/kube/credentials.h"
#include "operator/kube/http_transport.h"
#include "operator/kube/rest_config.h"

namespace web::http::client {
class http_client;
}

namespace po::kube {

class CpprestTransport final : public HttpTransport {
 public:
  // `credentials` supplies tokens / client certificates per request.
  CpprestTransport(RestConfig config, std::unique_ptr<CredentialProvider> credentials);
  ~CpprestTransport() override;

  Result<HttpResponse> Send(const HttpRequest& request) override;
  Result<HttpResponse> Stream(const HttpRequest& request,
                              const std::function<bool(std::string_view)>& on_line,
                              std::stop_token stop) override;
  std::string Host() const override { return host_; }

  // How long a watch stream may stay silent before it is considered dead. Default 11 minutes
  // (longer than the 10-minute maximum watch timeout the informer asks for).
  void SetStreamIdleTimeout(std::chrono::seconds timeout) { stream_timeout_ = timeout; }

 private:
  struct Clients;
  Result<std::shared_ptr<Clients>> ClientsFor(const Credentials& credentials);
  Result<HttpResponse> Exchange(const HttpRequest& request,
                                const std::function<bool(std::string_view)>* on_line,
                                std::stop_token stop);

  const RestConfig config_;
  const std::unique_ptr<CredentialProvider> credentials_;
  std::string host_;
  std::chrono::seconds stream_timeout_{660};
  std::mutex mu_;
  std::shared_ptr<Clients> clients_;  // for the client certificate in clients_->cert_pem
};

}  // namespace po::kube
