// The per-kind gauges as a scrape shows them.
#include "controllers/common/resource_metrics.h"

#include <gtest/gtest.h>

namespace po::controllers {
namespace {

bool Has(const std::string& scrape, const std::string& line) {
  return scrape.find(line) != std::string::npos;
}

TEST(ResourceMetricsTest, TracksStatusReadinessAndManagedCount) {
  metrics::Registry registry;
  ResourceMetrics metrics(registry, "database", "DBInstance");
  metrics.Observe("ns", "a", "creating", false, 1);
  metrics.Observe("ns", "b", "available", true, 3);
  std::string scrape = registry.Scrape();
  EXPECT_TRUE(
      Has(scrape, R"(platform_database_status{name="a",namespace="ns",status="creating"} 1)"))
      << scrape;
  EXPECT_TRUE(Has(scrape, R"(platform_database_ready{name="b",namespace="ns"} 1)"));
  EXPECT_TRUE(Has(scrape, R"(platform_aws_resources_managed{kind="DBInstance"} 4)"));

  metrics.Observe("ns", "a", "available", true, 2);
  scrape = registry.Scrape();
  EXPECT_FALSE(Has(scrape, R"(status="creating")"));
  EXPECT_TRUE(
      Has(scrape, R"(platform_database_status{name="a",namespace="ns",status="available"} 1)"));
  EXPECT_TRUE(Has(scrape, R"(platform_aws_resources_managed{kind="DBInstance"} 5)"));

  metrics.Forget("ns", "b");
  metrics.Forget("ns", "never-seen");
  scrape = registry.Scrape();
  EXPECT_FALSE(Has(scrape, R"(name="b")"));
  EXPECT_TRUE(Has(scrape, R"(platform_aws_resources_managed{kind="DBInstance"} 2)"));
}

TEST(ResourceMetricsTest, TwoKindsShareTheManagedFamily) {
  metrics::Registry registry;
  ResourceMetrics databases(registry, "database", "DBInstance");
  ResourceMetrics caches(registry, "cache", "ReplicationGroup");
  databases.Observe("ns", "a", "available", true, 1);
  caches.Observe("ns", "c", "available", true, 1);
  const std::string scrape = registry.Scrape();
  EXPECT_TRUE(Has(scrape, R"(platform_aws_resources_managed{kind="DBInstance"} 1)"));
  EXPECT_TRUE(Has(scrape, R"(platform_aws_resources_managed{kind="ReplicationGroup"} 1)"));
}

}  // namespace
}  // namespace po::controllers
