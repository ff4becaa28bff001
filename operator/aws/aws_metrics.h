// Prometheus metrics of AWS calls, registered on a registry the caller owns:
// aws_api_requests_total{service,operation,code} (one per HTTP attempt; code "OK", the AWS error
// code, or the transport code), aws_api_request_duration_seconds{service,operation} (per attempt)
// and aws_api_retries_total{service,operation}. Thread-safe (prometheus-cpp families lock).
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <string>

namespace po::aws {

class AwsMetrics {
 public:
  explicit AwsMetrics(prometheus::Registry& registry);

  void RecordAttempt(const std::string& service, const std::string& operation,
                     const std::string& code, double seconds);
  void RecordRetry(const std::string& service, const std::string& operation);

 private:
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& duration_;
  prometheus::Family<prometheus::Counter>& retries_;
};

}  // namespace po::aws
