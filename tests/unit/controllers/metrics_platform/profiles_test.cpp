// The profile table and the profile ⊕ spec merge (effective values), as tables.
#include "controllers/metrics_platform/profiles.h"

#include <gtest/gtest.h>

#include "controllers/metrics_platform/effective.h"
#include "tests/unit/controllers/metrics_platform/platform_fixture.h"

namespace po::controllers::metrics_platform {
namespace {

using nlohmann::json;
using testing::PlatformBuilder;
using testing::Sample;

struct ProfileRow {
  std::string environment;
  std::string db_class;
  bool multi_az;
  int read_replicas;
  bool dr;
  int backup_days;
  bool deletion_protection;
  std::string cache_node;
  int shards;
  int replicas_per_shard;
  int tier_min;
  int tier_max;
  int pdb;
  bool zone_required;
  bool replicate_storage;
};

TEST(ProfilesTest, TableHoldsTheIssueNumbers) {
  const std::vector<ProfileRow> rows = {
      {"development", "db.t4g.small", false, 0, false, 1, false, "cache.t4g.micro", 1, 0, 1, 1, 0,
       false, false},
      {"staging", "db.r5.large", true, 1, false, 7, false, "cache.t4g.medium", 1, 1, 2, 5, 1, false,
       false},
      {"production", "db.r5.xlarge", true, 2, true, 7, true, "cache.r5.large", 3, 2, 2, 5, 1, true,
       true},
  };
  ASSERT_EQ(Profiles().size(), rows.size());
  for (const auto& row : rows) {
    SCOPED_TRACE(row.environment);
    const Profile* p = FindProfile(row.environment);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->db_instance_class, row.db_class);
    EXPECT_EQ(p->db_multi_az, row.multi_az);
    EXPECT_EQ(p->db_read_replicas, row.read_replicas);
    EXPECT_EQ(p->db_disaster_recovery, row.dr);
    EXPECT_EQ(p->db_backup_retention_days, row.backup_days);
    EXPECT_EQ(p->db_deletion_protection, row.deletion_protection);
    EXPECT_EQ(p->cache_node_type, row.cache_node);
    EXPECT_EQ(p->cache_shards, row.shards);
    EXPECT_EQ(p->cache_replicas_per_shard, row.replicas_per_shard);
    EXPECT_EQ(p->tier_min_replicas, row.tier_min);
    EXPECT_EQ(p->tier_max_replicas, row.tier_max);
    EXPECT_EQ(p->pdb_max_unavailable, row.pdb);
    EXPECT_EQ(p->zone_spread_required, row.zone_required);
    EXPECT_EQ(p->replicate_storage_to_dr, row.replicate_storage);
  }
  EXPECT_EQ(FindProfile("qa"), nullptr);
}

TEST(MergeOverridesTest, Table) {
  struct Row {
    std::string name;
    json base;
    json overrides;
    json want;
  };
  const std::vector<Row> rows = {
      {"null keeps base", {{"a", 1}}, nullptr, {{"a", 1}}},
      {"scalar replaces", {{"a", 1}}, {{"a", 2}}, {{"a", 2}}},
      {"objects merge",
       {{"o", {{"x", 1}, {"y", 2}}}},
       {{"o", {{"y", 3}}}},
       {{"o", {{"x", 1}, {"y", 3}}}}},
      {"arrays replace", {{"l", {1, 2}}}, {{"l", {3}}}, {{"l", {3}}}},
      {"new key added", {{"a", 1}}, {{"b", 2}}, {{"a", 1}, {"b", 2}}},
      {"null member ignored", {{"a", 1}}, {{"a", nullptr}}, {{"a", 1}}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(MergeOverrides(row.base, row.overrides), row.want) << row.name;
  }
}

// Every sample resolves to its profile with the sample's overrides on top.
TEST(ResolveTest, SamplesTable) {
  struct Row {
    std::string environment;
    std::string db_class;
    int read_replicas;
    bool dr;
    int backup_days;
    std::string cache_node;
    int shards;
    int web_min, web_max, app_min, app_max;
    std::string web_cpu_request;
    int log_days;
    BucketDeletion bucket;
    bool replicate;
    bool isolated;
    bool ingress;
    std::string url;
  };
  const std::vector<Row> rows = {
      {"development", "db.t4g.micro", 0, false, 1, "cache.t4g.micro", 1, 1, 1, 1, 1, "100m", 30,
       BucketDeletion::kDelete, false, false, false, "http://metrics-web.team-a.svc:80"},
      {"staging", "db.r5.large", 1, false, 7, "cache.t4g.medium", 2, 2, 4, 2, 6, "250m", 14,
       BucketDeletion::kDeleteIfEmpty, false, false, true, "https://metrics.staging.example.com"},
      {"production", "db.r5.2xlarge", 2, true, 30, "cache.r5.xlarge", 4, 3, 12, 3, 20, "1", 365,
       BucketDeletion::kRetain, true, true, true, "https://metrics.example.com"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.environment);
    auto resolved = Resolve(Sample(row.environment));
    ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
    const Effective& e = *resolved;
    EXPECT_EQ(e.database["instanceClass"], row.db_class);
    EXPECT_EQ(e.database["readReplicas"]["count"], row.read_replicas);
    EXPECT_EQ(e.database["disasterRecovery"]["enabled"], row.dr);
    EXPECT_EQ(e.database["backup"]["retentionDays"], row.backup_days);
    EXPECT_EQ(e.database["region"], "us-east-1");
    EXPECT_EQ(e.cache["nodeType"], row.cache_node);
    EXPECT_EQ(e.cache["clusterMode"]["shards"], row.shards);
    EXPECT_EQ(e.web.min_replicas, row.web_min);
    EXPECT_EQ(e.web.max_replicas, row.web_max);
    EXPECT_EQ(e.app.min_replicas, row.app_min);
    EXPECT_EQ(e.app.max_replicas, row.app_max);
    EXPECT_EQ(e.web.resources.cpu_request, row.web_cpu_request);
    EXPECT_EQ(e.log_retention_days, row.log_days);
    EXPECT_EQ(e.storage.deletion, row.bucket);
    EXPECT_EQ(e.storage.replicate_to_dr, row.replicate);
    EXPECT_EQ(e.isolated, row.isolated);
    EXPECT_EQ(e.ingress.has_value(), row.ingress);
    // status.effective carries what was resolved.
    const json shown = EffectiveToJson(e);
    EXPECT_EQ(shown["environment"], row.environment);
    EXPECT_EQ(shown["database"]["instanceClass"], row.db_class);
    EXPECT_EQ(shown["web"]["replicas"]["min"], row.web_min);
    EXPECT_EQ(shown["logging"]["retentionDays"], row.log_days);
  }
}

TEST(ResolveTest, ProductionSampleKeepsProfileValuesItDoesNotOverride) {
  auto e = Resolve(Sample("production"));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->database["multiAZ"], true);
  EXPECT_EQ(e->database["deletionProtection"], true);
  EXPECT_EQ(e->database["disasterRecovery"]["region"], "us-west-2");
  EXPECT_EQ(e->database["disasterRecovery"]["promotion"], "Manual");
  EXPECT_EQ(e->database["tags"]["data-classification"], "internal");
  EXPECT_EQ(e->cache["clusterMode"]["enabled"], true);
  EXPECT_EQ(e->cache["clusterMode"]["replicasPerShard"], 2);
  EXPECT_EQ(e->cache["automaticFailover"], true);
  EXPECT_EQ(e->storage.bucket_name, "example-metrics-archive-prod");
  EXPECT_EQ(e->storage.lifecycle.infrequent_access, 30);
  EXPECT_EQ(e->storage.lifecycle.glacier, 90);
  EXPECT_EQ(e->storage.lifecycle.expire, 730);
  EXPECT_EQ(e->web.pdb_max_unavailable, 1);
  EXPECT_TRUE(e->web.zone_spread_required);
}

TEST(ResolveTest, OverridesTable) {
  struct Row {
    std::string name;
    std::string environment;
    json spec;
    std::function<void(const Effective&)> check;
  };
  const std::vector<Row> rows = {
      {"min only raises max",
       "development",
       {{"web", {{"replicas", {{"min", 3}}}}}},
       [](const Effective& e) {
         EXPECT_EQ(e.web.min_replicas, 3);
         EXPECT_EQ(e.web.max_replicas, 3);
         EXPECT_FALSE(e.web.Autoscaled());
       }},
      {"max only lowers min",
       "production",
       {{"app", {{"replicas", {{"max", 1}}}}}},
       [](const Effective& e) {
         EXPECT_EQ(e.app.min_replicas, 1);
         EXPECT_EQ(e.app.max_replicas, 1);
         EXPECT_FALSE(e.app.HasDisruptionBudget());
       }},
      {"min equals max: fixed count",
       "staging",
       {{"web", {{"replicas", {{"min", 4}, {"max", 4}}}}}},
       [](const Effective& e) { EXPECT_FALSE(e.web.Autoscaled()); }},
      {"no backups drops read replicas",
       "staging",
       {{"database", {{"backup", {{"retentionDays", 0}}}}}},
       [](const Effective& e) { EXPECT_EQ(e.database["readReplicas"]["count"], 0); }},
      {"integer quantity",
       "development",
       {{"app", {{"resources", {{"limits", {{"cpu", 3}}}}}}}},
       [](const Effective& e) { EXPECT_EQ(e.app.resources.cpu_limit, "3"); }},
      {"database deletion policy overrides the platform's",
       "production",
       {{"deletionPolicy", "Delete"}, {"database", {{"deletionPolicy", "Retain"}}}},
       [](const Effective& e) {
         EXPECT_EQ(e.database["deletionPolicy"], "Retain");
         EXPECT_EQ(e.cache["deletionPolicy"], "Delete");
         EXPECT_EQ(e.storage.deletion, BucketDeletion::kDelete);
       }},
      {"platform Retain keeps the bucket",
       "development",
       {{"deletionPolicy", "Retain"}},
       [](const Effective& e) { EXPECT_EQ(e.storage.deletion, BucketDeletion::kRetain); }},
      {"derived bucket name", "development", json::object(),
       [](const Effective& e) { EXPECT_EQ(e.storage.bucket_name, "team-a-metrics-archive"); }},
      {"spec lifecycle replaces the profile's",
       "production",
       {{"storage", {{"lifecycle", {{"expireDays", 10}}}}}},
       [](const Effective& e) {
         EXPECT_EQ(e.storage.lifecycle.infrequent_access, 0);
         EXPECT_EQ(e.storage.lifecycle.glacier, 0);
         EXPECT_EQ(e.storage.lifecycle.expire, 10);
       }},
      {"log groups per tier", "development", json::object(),
       [](const Effective& e) {
         EXPECT_EQ(e.log_groups, (std::vector<std::string>{"/platform/team-a/metrics/web",
                                                           "/platform/team-a/metrics/app"}));
       }},
      {"development cache has no failover", "development", json::object(),
       [](const Effective& e) {
         EXPECT_EQ(e.cache["automaticFailover"], false);
         EXPECT_EQ(e.cache["multiAZ"], false);
         EXPECT_EQ(e.cache["clusterMode"]["enabled"], false);
       }},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    auto e = Resolve(PlatformBuilder(row.environment).WithSpec(row.spec).Build());
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    row.check(*e);
  }
}

TEST(ResolveTest, RejectsUnknownEnvironmentAndMissingImages) {
  auto unknown = Resolve(PlatformBuilder("qa").Build());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("qa"), std::string::npos);

  auto no_image =
      Resolve(PlatformBuilder("development").WithSpec({{"web", {{"image", ""}}}}).Build());
  ASSERT_FALSE(no_image.ok());
  EXPECT_EQ(no_image.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace po::controllers::metrics_platform
