// The apiserver fills in the documented defaults of a minimal object, and leaves the
// MetricsPlatform's database and cache overrides exactly as given (their unset fields come from
// the environment profile, so the schema must not default them).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/integration/crds/crd_cluster.h"

namespace po::testing::crds {
namespace {

using nlohmann::json;

struct Expected {
  std::string pointer;  // JSON pointer into the stored object
  json value;           // expected value; null means "absent"
};

struct DefaultsCase {
  std::string name;
  std::string manifest;
  std::string resource;  // for kubectl get
  std::vector<Expected> expected;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const DefaultsCase& c, std::ostream* os) {
  *os << c.name;
}

const std::vector<DefaultsCase>& Cases() {
  static const std::vector<DefaultsCase> cases = {
      {"DatabaseClusterMinimal",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: DatabaseCluster\n"
       "metadata: {name: minimal}\nspec: {}\n",
       "databasecluster/minimal",
       {{"/spec/region", "us-east-1"},
        {"/spec/engine", "postgres"},
        {"/spec/engineVersion", "14"},
        {"/spec/instanceClass", "db.r5.xlarge"},
        {"/spec/storage", {{"allocatedGiB", 100}, {"type", "gp3"}}},
        {"/spec/multiAZ", true},
        {"/spec/readReplicas/count", 0},
        {"/spec/network/publiclyAccessible", false},
        {"/spec/credentials/username", "postgres"},
        {"/spec/backup",
         {{"retentionDays", 7}, {"snapshotRetention", 7}, {"copyToDisasterRecoveryRegion", false}}},
        {"/spec/failover",
         {{"enabled", true},
          {"probe", {{"intervalSeconds", 10}, {"timeoutSeconds", 5}, {"failureThreshold", 3}}},
          {"failoverDelaySeconds", 30},
          {"cooldownSeconds", 600}}},
        {"/spec/maintenance/applyImmediately", false},
        {"/spec/deletionPolicy", "Snapshot"},
        {"/spec/deletionProtection", false},
        {"/spec/identifier", nullptr},
        {"/spec/disasterRecovery", nullptr},
        {"/spec/restore", nullptr}}},
      {"DatabaseClusterDisasterRecovery",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: DatabaseCluster\n"
       "metadata: {name: with-dr}\nspec:\n  disasterRecovery: {enabled: true}\n",
       "databasecluster/with-dr",
       {{"/spec/disasterRecovery",
         {{"enabled", true}, {"region", "us-west-2"}, {"promotion", "Manual"}}}}},
      {"CacheClusterMinimal",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: CacheCluster\n"
       "metadata: {name: minimal}\nspec: {}\n",
       "cachecluster/minimal",
       {{"/spec/region", "us-east-1"},
        {"/spec/engine", "redis"},
        {"/spec/engineVersion", "6.2"},
        {"/spec/nodeType", "cache.r5.large"},
        {"/spec/clusterMode", {{"enabled", true}, {"shards", 3}, {"replicasPerShard", 1}}},
        {"/spec/automaticFailover", true},
        {"/spec/multiAZ", true},
        {"/spec/encryption", {{"atRest", true}, {"inTransit", true}}},
        {"/spec/snapshot/retentionDays", 7},
        {"/spec/failover/probe/intervalSeconds", 10},
        {"/spec/failover/cooldownSeconds", 600},
        {"/spec/deletionPolicy", "Snapshot"},
        {"/spec/auth", nullptr},
        {"/spec/network", nullptr}}},
      {"MetricsPlatformMinimal",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: MetricsPlatform\n"
       "metadata: {name: minimal}\nspec:\n  environment: development\n"
       "  web: {image: registry.example.com/web:1}\n  app: {image: registry.example.com/app:1}\n"
       "  ingress: {host: metrics.example.com}\n  database: {instanceClass: db.t4g.micro}\n",
       "metricsplatform/minimal",
       {{"/spec/region", "us-east-1"},
        {"/spec/disasterRecoveryRegion", "us-west-2"},
        {"/spec/web",
         {{"image", "registry.example.com/web:1"}, {"port", 8080}, {"healthPath", "/healthz"}}},
        {"/spec/app",
         {{"image", "registry.example.com/app:1"}, {"port", 9090}, {"healthPath", "/healthz"}}},
        {"/spec/ingress/sslRedirect", true},
        {"/spec/monitoring",
         {{"enabled", true},
          {"scrapeInterval", "15s"},
          {"retention", "15d"},
          {"alerts", true},
          {"dashboards", true}}},
        {"/spec/logging/retentionDays", 30},
        {"/spec/network/isolated", false},
        {"/spec/deletionPolicy", "Snapshot"},
        {"/spec/database", {{"instanceClass", "db.t4g.micro"}}},
        {"/spec/cache", nullptr},
        {"/spec/storage", nullptr}}},
  };
  return cases;
}

class DefaultsTest : public CrdsInstalledTest<DefaultsCase> {};

TEST_P(DefaultsTest, StoredObjectHasTheDefaults) {
  const DefaultsCase& c = GetParam();
  TestNamespace ns("crds-defaults");
  ASSERT_TRUE(ns.ok()) << ns.error();
  auto created = ns.Apply(c.manifest, /*dry_run=*/false);
  ASSERT_EQ(created.exit_code, 0) << created.output;

  auto stored = ns.GetJson(c.resource);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  for (const auto& expected : c.expected) {
    json::json_pointer pointer(expected.pointer);
    if (expected.value.is_null()) {
      EXPECT_FALSE(stored->contains(pointer)) << expected.pointer << " = " << stored->at(pointer);
    } else {
      ASSERT_TRUE(stored->contains(pointer))
          << expected.pointer << " missing in " << (*stored)["spec"];
      EXPECT_EQ(stored->at(pointer), expected.value) << expected.pointer;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Objects, DefaultsTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace po::testing::crds
