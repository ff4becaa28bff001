// Counts the Kubernetes client's HTTP requests as client-go does:
// rest_client_requests_total{code,method,host}. The kube client calls Observe once per response
// (or with code "<error>" when no response arrived). Thread-safe.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <string_view>

#include "operator/metrics/registry.h"

namespace po::metrics {

class RestClientMetrics {
 public:
  explicit RestClientMetrics(Registry& registry);

  // code: the HTTP status as text ("200"), or "<error>" for a transport failure; method: "GET".
  void Observe(std::string_view code, std::string_view method, std::string_view host);
  void Observe(int http_status, std::string_view method, std::string_view host);

 private:
  prometheus::Family<prometheus::Counter>& requests_;
};

}  // namespace po::metrics
