// Forwards each Kubernetes request to rest_client_requests_total.
#include "operator/app/rest_client_observer.h"

namespace po::app {

void RestClientObserver::OnRequest(std::string_view code, std::string_view method,
                                   std::string_view host, std::chrono::steady_clock::duration) {
  metrics_.Observe(code, method, host);
}

}  // namespace po::app
