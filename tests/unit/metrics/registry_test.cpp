// Tests the registry wrapper's exposition and the REST client request counter.
#include "operator/metrics/registry.h"

#include <gtest/gtest.h>

#include "operator/metrics/process_collector.h"
#include "operator/metrics/rest_client_metrics.h"

namespace po::metrics {
namespace {

TEST(RegistryTest, ScrapeIncludesRegisteredFamiliesAndCollectables) {
  Registry registry;
  registry.AddCollectable(std::make_shared<ProcessCollector>());
  RestClientMetrics rest(registry);
  rest.Observe(200, "GET", "10.0.0.1:6443");
  rest.Observe(200, "GET", "10.0.0.1:6443");
  rest.Observe("409", "PUT", "10.0.0.1:6443");
  rest.Observe(0, "GET", "10.0.0.1:6443");
  const std::string text = registry.Scrape();
  EXPECT_NE(text.find("# TYPE rest_client_requests_total counter"), std::string::npos) << text;
  EXPECT_NE(
      text.find("rest_client_requests_total{code=\"200\",host=\"10.0.0.1:6443\",method=\"GET\"} 2"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find("rest_client_requests_total{code=\"409\",host=\"10.0.0.1:6443\",method=\"PUT\"} 1"),
      std::string::npos);
  EXPECT_NE(text.find("rest_client_requests_total{code=\"<error>\""), std::string::npos);
  EXPECT_NE(text.find("process_resident_memory_bytes "), std::string::npos);
}

TEST(RegistryTest, SameFamilyFromTwoPlacesIsShared) {
  Registry registry;
  RestClientMetrics a(registry);
  RestClientMetrics b(registry);
  a.Observe(200, "GET", "h");
  b.Observe(200, "GET", "h");
  EXPECT_NE(registry.Scrape().find(
                "rest_client_requests_total{code=\"200\",host=\"h\",method=\"GET\"} 2"),
            std::string::npos);
}

}  // namespace
}  // namespace po::metrics
