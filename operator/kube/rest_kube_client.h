// KubeClient over an HttpTransport: builds paths and bodies, maps error responses to typed
// Statuses, retries throttled requests after their Retry-After, and reports every request to an
// optional RequestObserver. Thread-safe; the discovery cache is guarded by a mutex.
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/http_transport.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/request_observer.h"
#include "operator/kube/rest_config.h"

namespace po::kube {

struct RestClientOptions {
  // The field manager for server-side apply. Default "platform-operator".
  std::string field_manager = "platform-operator";
  // Retries of a request answered 429 (or 5xx) with a Retry-After. Default 10, as client-go.
  int max_retries = 10;
  // The longest single Retry-After wait honoured; longer values are clamped. Default 30 s.
  std::chrono::seconds max_retry_wait{30};
  // How long discovery answers are cached. Default 30 s.
  std::chrono::seconds discovery_ttl{30};
};

class RestKubeClient final : public KubeClient {
 public:
  // `observer` may be null. The clock times Retry-After waits and the discovery cache.
  RestKubeClient(std::shared_ptr<HttpTransport> transport, Clock& clock,
                 RequestObserver* observer = nullptr, RestClientOptions options = {});

  Result<Json> Get(const ResourceRef& resource, std::string_view ns,
                   std::string_view name) override;
  Result<ObjectList> ListPage(const ResourceRef& resource, std::string_view ns,
                              const ListOptions& options) override;
  Result<Json> Create(const ResourceRef& resource, std::string_view ns,
                      const Json& object) override;
  Result<Json> Update(const ResourceRef& resource, const Json& object,
                      std::string_view subresource = "") override;
  Result<Json> Patch(const ResourceRef& resource, std::string_view ns, std::string_view name,
                     PatchType type, std::string_view patch,
                     std::string_view subresource = "") override;
  Status Delete(const ResourceRef& resource, std::string_view ns, std::string_view name,
                const DeleteOptions& options = {}) override;
  Status Watch(const ResourceRef& resource, std::string_view ns, const ListOptions& options,
               const WatchHandler& handler, std::stop_token stop) override;
  Result<bool> IsServed(std::string_view group, std::string_view version,
                        std::string_view kind) override;

 private:
  // Sends with Retry-After retries; returns the 2xx response or the mapped error.
  Result<HttpResponse> Call(const HttpRequest& request);
  Result<Json> CallForObject(const HttpRequest& request, const std::string& what);
  void Observe(const Result<HttpResponse>& response, const std::string& method,
               Clock::TimePoint start);

  std::shared_ptr<HttpTransport> transport_;
  Clock& clock_;
  RequestObserver* observer_;
  const RestClientOptions options_;
  std::mutex mu_;
  struct DiscoveryEntry {
    Clock::TimePoint fetched;
    bool served_group_version = false;
    std::vector<std::string> kinds;
  };
  std::map<std::string, DiscoveryEntry> discovery_;
};

// Builds a RestKubeClient for `config` on the cpprestsdk transport; exec plugins run with `runner`.
std::unique_ptr<RestKubeClient> MakeRestKubeClient(const RestConfig& config, Clock& clock,
                                                   CommandRunner& runner,
                                                   RequestObserver* observer = nullptr,
                                                   RestClientOptions options = {});

}  // namespace po::kube
