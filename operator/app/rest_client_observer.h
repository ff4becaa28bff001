// RestClientObserver: the kube client's RequestObserver hook feeding the metrics layer's
// rest_client_requests_total{code,method,host}. Thread-safe (the counters are).
#pragma once

#include "operator/kube/request_observer.h"
#include "operator/metrics/rest_client_metrics.h"

namespace po::app {

class RestClientObserver final : public kube::RequestObserver {
 public:
  // `metrics` must outlive the observer.
  explicit RestClientObserver(metrics::RestClientMetrics& metrics) : metrics_(metrics) {}

  void OnRequest(std::string_view code, std::string_view method, std::string_view host,
                 std::chrono::steady_clock::duration latency) override;

 private:
  metrics::RestClientMetrics& metrics_;
};

}  // namespace po::app
