// Observe (ElastiCache's normalisations), the status report, the connection Secret and the AUTH
// token decision.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "controllers/cache_cluster/auth_token.h"
#include "controllers/cache_cluster/connection_secret.h"
#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/status.h"
#include "observed_group_builder.h"

namespace po::controllers::cache_cluster {
namespace {

using ::testing::ElementsAre;
using testing::ObservedFor;
namespace ec = aws::elasticache;

ec::ReplicationGroup ClusterDisabledGroup() {
  ec::ReplicationGroup g;
  g.ReplicationGroupId = "team-cache";
  g.Status = "Available";
  g.ClusterEnabled = false;
  g.CacheNodeType = "cache.R5.large";
  g.AutomaticFailover = "enabling";
  g.MultiAZ = "enabled";
  g.SnapshotWindow = "5:00-6:00";
  g.SnapshotRetentionLimit = 3;
  g.TransitEncryptionEnabled = true;
  g.TransitEncryptionMode = "preferred";
  ec::NodeGroup ng;
  ng.NodeGroupId = "0001";
  ng.Status = "available";
  ng.PrimaryEndpoint = ec::Endpoint{"master.team-cache.example", 6379};
  ng.ReaderEndpoint = ec::Endpoint{"replica.team-cache.example", 6379};
  ec::NodeGroupMember replica;
  replica.CacheClusterId = "team-cache-001";
  replica.CurrentRole = "replica";
  ec::NodeGroupMember primary;
  primary.CacheClusterId = "team-cache-002";
  primary.CurrentRole = "primary";
  ng.NodeGroupMembers = {replica, primary};
  g.NodeGroups = {ng};
  g.PendingModifiedValues = ec::ReplicationGroupPendingModifiedValues{};
  g.PendingModifiedValues->AuthTokenStatus = "ROTATING";
  return g;
}

TEST(CacheClusterObserveTest, NormalisesElastiCacheSpellings) {
  const ObservedGroup o = Observe(ClusterDisabledGroup());
  EXPECT_EQ(o.status, "available");
  EXPECT_FALSE(o.cluster_mode);
  EXPECT_EQ(o.node_type, "cache.r5.large");
  EXPECT_TRUE(o.automatic_failover);
  EXPECT_TRUE(o.multi_az);
  EXPECT_EQ(o.snapshot_window, "05:00-06:00");
  EXPECT_EQ(o.transit_encryption_mode, "preferred");
  ASSERT_EQ(o.shards.size(), 1u);
  EXPECT_EQ(o.shards[0].primary, "team-cache-002");
  EXPECT_THAT(o.shards[0].replicas, ElementsAre("team-cache-001"));
  EXPECT_EQ(o.min_replicas, 1);
  EXPECT_TRUE(o.pending_changes);
  EXPECT_EQ(o.pending_auth_token_status, "ROTATING");
  EXPECT_EQ(o.primary_endpoint->Address, "master.team-cache.example");
}

TEST(CacheClusterObserveTest, WindowNormalisation) {
  EXPECT_EQ(NormalizeWindow("5:00-6:00"), "05:00-06:00");
  EXPECT_EQ(NormalizeWindow("23:30-00:30"), "23:30-00:30");
  EXPECT_EQ(NormalizeWindow("garbage"), "garbage");
}

TEST(CacheClusterStatusTest, PhasesForElastiCacheStatuses) {
  EXPECT_EQ(PhaseFor("creating"), "Creating");
  EXPECT_EQ(PhaseFor("available"), "Available");
  EXPECT_EQ(PhaseFor("modifying"), "Modifying");
  EXPECT_EQ(PhaseFor("snapshotting"), "Modifying");
  EXPECT_EQ(PhaseFor("deleting"), "Deleting");
  EXPECT_EQ(PhaseFor("create-failed"), "Failed");
  EXPECT_EQ(PhaseFor("incompatible-network"), "Degraded");
}

const runtime::Condition* Find(const StatusReport& report, const std::string& type) {
  for (const auto& c : report.conditions) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

TEST(CacheClusterStatusTest, AvailableInSyncReportsShardsAndEndpoint) {
  ObservedGroup o = ObservedFor(2, 1);
  o.configuration_endpoint = ec::Endpoint{"clustercfg.team-cache.example", 6379};
  const StatusReport report = GroupReport(o, GroupDiff{}, "");
  EXPECT_EQ(report.phase, "Available");
  EXPECT_EQ(report.fields["configurationEndpoint"]["host"], "clustercfg.team-cache.example");
  EXPECT_EQ(report.fields["endpoint"]["port"], 6379);
  ASSERT_EQ(report.fields["shards"].size(), 2u);
  EXPECT_EQ(report.fields["shards"][1]["id"], "0002");
  EXPECT_EQ(report.fields["shards"][1]["primary"], "team-cache-0002-001");
  EXPECT_EQ(report.fields["shards"][1]["replicas"][0], "team-cache-0002-002");
  EXPECT_EQ(report.fields["shards"][1]["status"], "available");
  EXPECT_EQ(Find(report, "Ready")->status, "True");
  EXPECT_EQ(Find(report, "Synced")->status, "True");
  EXPECT_EQ(Find(report, "Degraded")->status, "False");
}

TEST(CacheClusterStatusTest, ActingAndDegradedShards) {
  ObservedGroup o = ObservedFor(2, 1);
  o.shards[1].status = "modifying";
  StatusReport report = GroupReport(o, GroupDiff{}, "");
  EXPECT_EQ(report.phase, "Degraded");
  EXPECT_EQ(Find(report, "Degraded")->status, "True");
  EXPECT_EQ(Find(report, "Degraded")->message, "shard 0002 is modifying; ");

  report = GroupReport(ObservedFor(2, 1), GroupDiff{}, "shards 2 → 3");
  EXPECT_EQ(report.phase, "Modifying");
  EXPECT_EQ(Find(report, "Synced")->reason, "Converging");

  ObservedGroup failed = ObservedFor(2, 1);
  failed.status = "create-failed";
  report = GroupReport(failed, GroupDiff{}, "");
  EXPECT_EQ(report.phase, "Failed");
  EXPECT_EQ(Find(report, "Ready")->reason, "CreateFailed");
  EXPECT_EQ(Find(report, "Degraded")->reason, "CreateFailed");
}

TEST(CacheClusterConnectionSecretTest, ClusterModeWithTlsAndToken) {
  ObservedGroup o = ObservedFor(3, 1);
  EXPECT_FALSE(ConnectionSecretData(o, true, std::nullopt).has_value());
  o.configuration_endpoint = ec::Endpoint{"clustercfg.team-cache.example", 6380};
  const SecretData data = *ConnectionSecretData(o, true, std::string("s3cretToken0123456"));
  EXPECT_EQ(data.at("configurationEndpoint"), "clustercfg.team-cache.example");
  EXPECT_EQ(data.at("configuration_endpoint_address"), "clustercfg.team-cache.example");
  EXPECT_EQ(data.at("port"), "6380");
  EXPECT_EQ(data.at("tls"), "true");
  EXPECT_EQ(data.at("authToken"), "s3cretToken0123456");
  EXPECT_EQ(data.at("uri"), "rediss://:s3cretToken0123456@clustercfg.team-cache.example:6380");
  EXPECT_EQ(ConnectionSecretName("cache"), "cache-connection");
}

TEST(CacheClusterConnectionSecretTest, PrimaryEndpointWithoutTls) {
  const ObservedGroup o = Observe(ClusterDisabledGroup());
  const SecretData data = *ConnectionSecretData(o, false, std::nullopt);
  EXPECT_EQ(data.at("host"), "master.team-cache.example");
  EXPECT_EQ(data.at("primary_endpoint_address"), "master.team-cache.example");
  EXPECT_EQ(data.at("uri"), "redis://master.team-cache.example:6379");
  EXPECT_EQ(data.count("authToken"), 0u);
  EXPECT_EQ(data.count("configurationEndpoint"), 0u);
}

struct AuthCase {
  std::string name;
  AuthTokenState state;
  AuthTokenAction action;
};

class CacheClusterAuthTokenTest : public ::testing::TestWithParam<AuthCase> {};

TEST_P(CacheClusterAuthTokenTest, Decides) {
  EXPECT_EQ(DecideAuthToken(GetParam().state), GetParam().action);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CacheClusterAuthTokenTest,
    ::testing::Values(
        AuthCase{"NoAuth", {std::nullopt, std::nullopt, false, false}, AuthTokenAction::kNone},
        AuthCase{"GroupWithoutToken", {"new", std::nullopt, false, false}, AuthTokenAction::kSet},
        AuthCase{"Unchanged", {"same", "same", true, false}, AuthTokenAction::kNone},
        AuthCase{"UnknownAppliedTokenIsTrusted",
                 {"tok", std::nullopt, true, false},
                 AuthTokenAction::kNone},
        AuthCase{"ChangedRotates", {"new", "old", true, false}, AuthTokenAction::kRotate},
        AuthCase{"RotatedThenSet", {"new", "new", true, true}, AuthTokenAction::kSet},
        AuthCase{
            "ChangedAgainMidRotation", {"newer", "new", true, true}, AuthTokenAction::kRotate}),
    [](const auto& info) { return info.param.name; });

TEST(CacheClusterAuthTokenRequestTest, Strategies) {
  auto rotate = AuthTokenRequest("g", AuthTokenAction::kRotate, "tok");
  EXPECT_EQ(rotate.ReplicationGroupId, "g");
  EXPECT_EQ(rotate.AuthToken, "tok");
  EXPECT_EQ(rotate.AuthTokenUpdateStrategy, "ROTATE");
  EXPECT_EQ(rotate.ApplyImmediately, true);
  EXPECT_EQ(AuthTokenRequest("g", AuthTokenAction::kSet, "tok").AuthTokenUpdateStrategy, "SET");
}

}  // namespace
}  // namespace po::controllers::cache_cluster
