// Registration and recording of the aws_api_* metrics.
#include "operator/aws/aws_metrics.h"

namespace po::aws {

AwsMetrics::AwsMetrics(prometheus::Registry& registry)
    : requests_(prometheus::BuildCounter()
                    .Name("aws_api_requests_total")
                    .Help("AWS API requests (HTTP attempts) by service, operation and result code")
                    .Register(registry)),
      duration_(prometheus::BuildHistogram()
                    .Name("aws_api_request_duration_seconds")
                    .Help("Duration of AWS API requests (HTTP attempts)")
                    .Register(registry)),
      retries_(prometheus::BuildCounter()
                   .Name("aws_api_retries_total")
                   .Help("AWS API requests retried after a retryable error")
                   .Register(registry)) {}

void AwsMetrics::RecordAttempt(const std::string& service, const std::string& operation,
                               const std::string& code, double seconds) {
  requests_.Add({{"service", service}, {"operation", operation}, {"code", code}}).Increment();
  static const prometheus::Histogram::BucketBoundaries kBuckets = {
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  duration_.Add({{"service", service}, {"operation", operation}}, kBuckets).Observe(seconds);
}

void AwsMetrics::RecordRetry(const std::string& service, const std::string& operation) {
  retries_.Add({{"service", service}, {"operation", operation}}).Increment();
}

}  // namespace po::aws
