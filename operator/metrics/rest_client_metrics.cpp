// rest_client_requests_total, fed by the kube client.
#include "operator/metrics/rest_client_metrics.h"

namespace po::metrics {

RestClientMetrics::RestClientMetrics(Registry& registry)
    : requests_(prometheus::BuildCounter()
                    .Name("rest_client_requests_total")
                    .Help("Number of HTTP requests, partitioned by status code, method, and host.")
                    .Register(registry.prom())) {}

void RestClientMetrics::Observe(std::string_view code, std::string_view method,
                                std::string_view host) {
  requests_
      .Add({{"code", std::string(code)},
            {"method", std::string(method)},
            {"host", std::string(host)}})
      .Increment();
}

void RestClientMetrics::Observe(int http_status, std::string_view method, std::string_view host) {
  Observe(http_status > 0 ? std::to_string(http_status) : std::string("<error>"), method, host);
}

}  // namespace po::metrics
