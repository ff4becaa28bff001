// Kubernetes requests reported to the observer land in rest_client_requests_total.
#include "operator/app/rest_client_observer.h"

#include <gtest/gtest.h>

#include "operator/metrics/registry.h"

namespace po::app {
namespace {

TEST(RestClientObserverTest, CountsRequestsByCodeMethodAndHost) {
  metrics::Registry registry;
  metrics::RestClientMetrics rest(registry);
  RestClientObserver observer(rest);
  observer.OnRequest("200", "GET", "127.0.0.1:6443", std::chrono::milliseconds(3));
  observer.OnRequest("200", "GET", "127.0.0.1:6443", std::chrono::milliseconds(3));
  observer.OnRequest("<error>", "PUT", "127.0.0.1:6443", std::chrono::milliseconds(3));
  const std::string scrape = registry.Scrape();
  for (const char* series : {
           "rest_client_requests_total{code=\"200\",host=\"127.0.0.1:6443\",method=\"GET\"} 2",
           "rest_client_requests_total{code=\"<error>\",host=\"127.0.0.1:6443\",method=\"PUT\"} 1",
       }) {
    EXPECT_NE(scrape.find(series), std::string::npos) << series << "\n" << scrape;
  }
}

}  // namespace
}  // namespace po::app
