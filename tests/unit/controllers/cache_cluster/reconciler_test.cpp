// CacheClusterReconciler against FakeElastiCache and FakeKubeClient: create, the states moto cannot
// show (creating, modifying, snapshotting, create-failed), one planned change per round, AUTH
// token rotation (ROTATE then SET), ownership, deletion under each policy, one shared Describe.
#include "controllers/cache_cluster/reconciler.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cache_cluster_builder.h"
#include "controllers/common/ownership.h"
#include "controllers/common/secrets.h"
#include "fake_elasticache.h"
#include "operator/app/kube_status_client.h"
#include "operator/kube/base64.h"
#include "operator/kube/fake_kube_client.h"
#include "operator/metrics/registry.h"

namespace po::controllers::cache_cluster {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using runtime::ReconcileResult;
using testing::CacheClusterBuilder;
using ::testing::Contains;
using ::testing::ElementsAre;
using testing::FakeElastiCache;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
namespace ec = aws::elasticache;

constexpr char kRegion[] = "us-east-1";
constexpr char kGroup[] = "team-cache";
constexpr char kGenerated[] = "generatedToken0123456789abcdefAB";

std::vector<ec::Tag> OurTags(const json& object) {
  std::vector<ec::Tag> tags;
  for (const auto& [k, v] : OwnershipTags(object)) tags.push_back({k, v});
  return tags;
}

class CacheClusterReconcilerTest : public ::testing::Test {
 protected:
  CacheClusterReconcilerTest()
      : reconciler_({client_, status_, aws_, groups_, events_, clock_, metrics_, backoff_},
                    Options()) {}

  static ReconcilerOptions Options() {
    ReconcilerOptions options;
    options.generate_token = [] { return Result<std::string>(std::string(kGenerated)); };
    return options;
  }

  void Apply(const json& object) {
    ASSERT_TRUE(client_.Create(CacheClusters(), "team", object).ok());
  }
  void PutSecret(const std::string& name, const std::string& key, const std::string& value) {
    json secret = {{"apiVersion", "v1"},
                   {"kind", "Secret"},
                   {"metadata", {{"name", name}, {"namespace", "team"}}},
                   {"stringData", json::object()}};
    auto current = client_.Get(kube::Secrets(), "team", name);
    std::map<std::string, std::string> data = {{key, value}};
    json encoded = json::object();
    for (const auto& [k, v] : data) encoded[k] = kube::Base64Encode(v);
    if (current.ok()) {
      json updated = *current;
      updated["data"] = encoded;
      ASSERT_TRUE(client_.Update(kube::Secrets(), updated).ok());
    } else {
      secret["data"] = encoded;
      secret.erase("stringData");
      ASSERT_TRUE(client_.Create(kube::Secrets(), "team", secret).ok());
    }
  }
  json Object(const std::string& name = "cache") {
    auto got = client_.Get(CacheClusters(), "team", name);
    EXPECT_TRUE(got.ok());
    return got.ok() ? *got : json();
  }
  void Edit(const std::function<void(json&)>& change) {
    json object = Object();
    change(object);
    ASSERT_TRUE(client_.Update(CacheClusters(), object).ok());
  }
  // One reconcile once the region's snapshot may be fetched again (as a requeue would find it).
  ReconcileResult Run(const std::string& name = "cache") {
    clock_.Advance(6s);
    return RunNow(name);
  }
  // One reconcile at once, as the watch event of our own status write triggers it.
  ReconcileResult RunNow(const std::string& name = "cache") {
    std::atomic<bool> stopping{false};
    runtime::ReconcileContext context(runtime::Logger::Discard(clock_), "test", stopping);
    return reconciler_.Reconcile({"team", name}, context);
  }
  std::string Phase() { return Object()["status"].value("phase", ""); }
  json Condition(const std::string& type) {
    const json object = Object();
    if (!object.contains("status")) return json();
    for (const auto& c : object["status"].value("conditions", json::array())) {
      if (c["type"] == type) return c;
    }
    return json();
  }
  std::optional<std::string> SecretValue(const std::string& secret, const std::string& key) {
    auto value = ReadSecretValue(client_, "team", secret, key);
    if (!value.ok()) return std::nullopt;
    return *value;
  }
  // Creates the CacheCluster and its group in moto-like "available" state, as ours.
  void AvailableGroup(const json& object, int shards, int replicas) {
    Apply(object);
    aws_.AddGroup(kRegion, kGroup, shards, replicas, "available", OurTags(Object()));
  }

  FakeClock clock_;
  kube::FakeKubeClient client_;
  FakeElastiCache aws_;
  app::KubeStatusClient status_{client_, CacheClusters()};
  ReplicationGroupCache groups_{aws_, clock_};
  kube::EventRecorder events_{client_, clock_};
  metrics::Registry registry_;
  ResourceMetrics metrics_{registry_, "cache", "ReplicationGroup"};
  WaitBackoff backoff_;
  CacheClusterReconciler reconciler_;
};

TEST_F(CacheClusterReconcilerTest, CreatesTheGroupWithAGeneratedToken) {
  Apply(CacheClusterBuilder().Auth("cache-auth").Build());
  const ReconcileResult result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kRequeueAfter);

  EXPECT_THAT(Object()["metadata"]["finalizers"], ::testing::Contains(std::string(kFinalizer)));
  EXPECT_EQ(SecretValue("cache-auth", "token"), kGenerated);
  auto create = aws_.LastCreate();
  ASSERT_TRUE(create.has_value());
  EXPECT_EQ(create->ReplicationGroupId, kGroup);
  EXPECT_EQ(create->ClusterMode, "enabled");
  EXPECT_EQ(create->NumNodeGroups, 3);
  EXPECT_EQ(create->ReplicasPerNodeGroup, 1);
  EXPECT_EQ(create->AuthToken, kGenerated);
  EXPECT_EQ(Phase(), "Creating");
  EXPECT_EQ(Object()["status"]["engineVersion"], "6.2");
  EXPECT_EQ(Condition("Ready")["status"], "False");
  // The token appears nowhere in the status.
  EXPECT_THAT(Object()["status"].dump(), Not(HasSubstr(kGenerated)));
}

TEST_F(CacheClusterReconcilerTest, WaitsWhileCreatingThenPublishesTheConnectionSecret) {
  Apply(CacheClusterBuilder().Auth("cache-auth").Build());
  Run();
  // Our own status write triggers a reconcile at once: the snapshot predates the create.
  EXPECT_EQ(RunNow().requeue_after(), 1s);
  EXPECT_THAT(aws_.CallsOf("CreateReplicationGroup"), ::testing::SizeIs(1));

  const ReconcileResult creating = Run();
  EXPECT_EQ(creating.requeue_after(), 15s);
  EXPECT_EQ(Phase(), "Creating");
  EXPECT_EQ(Run().requeue_after(), 30s);  // WaitBackoff doubles while it stays busy
  EXPECT_FALSE(SecretValue("cache-connection", "uri").has_value());

  aws_.SetStatus(kRegion, kGroup, "available");
  const ReconcileResult ready = Run();
  EXPECT_EQ(ready.requeue_after(), 5min);
  EXPECT_EQ(Phase(), "Available");
  EXPECT_EQ(Condition("Ready")["status"], "True");
  EXPECT_EQ(Condition("Synced")["status"], "True");
  EXPECT_EQ(Condition("Degraded")["status"], "False");
  EXPECT_EQ(Object()["status"]["configurationEndpoint"]["host"],
            "clustercfg.team-cache.cache.example");
  EXPECT_EQ(Object()["status"]["shards"].size(), 3u);
  EXPECT_EQ(SecretValue("cache-connection", "configurationEndpoint"),
            "clustercfg.team-cache.cache.example");
  EXPECT_EQ(SecretValue("cache-connection", "configuration_endpoint_address"),
            "clustercfg.team-cache.cache.example");
  EXPECT_EQ(SecretValue("cache-connection", "port"), "6379");
  EXPECT_EQ(Object()["status"]["connectionSecret"], "cache-connection");
  EXPECT_EQ(SecretValue("cache-connection", "authToken"), kGenerated);
  EXPECT_EQ(SecretValue("cache-connection", "uri"),
            std::string("rediss://:") + kGenerated + "@clustercfg.team-cache.cache.example:6379");
  EXPECT_THAT(aws_.Changes(), ElementsAre("CreateReplicationGroup"));
  // The AWS status change is announced as an Event on the CacheCluster.
  ASSERT_TRUE(events_.Flush(5s));
  std::vector<std::string> reasons;
  for (const auto& event : client_.Objects(kube::Events())) reasons.push_back(event["reason"]);
  EXPECT_THAT(reasons, ::testing::Contains("BecameAvailable"));
}

TEST_F(CacheClusterReconcilerTest, ScalesOneStepAtATimeWaitingForAvailable) {
  AvailableGroup(CacheClusterBuilder().Shards(5).Replicas(2).Build(), 3, 1);
  Edit([](json& o) { o["status"]["engineVersion"] = "6.2"; });

  Run();
  EXPECT_THAT(aws_.Changes(),
              ElementsAre("ModifyReplicationGroupShardConfiguration NodeGroupCount=5"));
  EXPECT_EQ(Phase(), "Modifying");
  EXPECT_EQ(Condition("Synced")["reason"], "Converging");
  // The status write's own event: the observation predates the change, nothing is repeated.
  RunNow();
  EXPECT_THAT(aws_.Changes(), ::testing::SizeIs(1));

  aws_.SetStatus(kRegion, kGroup, "modifying");
  Run();
  Run();
  EXPECT_THAT(aws_.Changes(), ::testing::SizeIs(1));
  EXPECT_EQ(Phase(), "Modifying");

  aws_.SetStatus(kRegion, kGroup, "available");
  Run();
  EXPECT_THAT(aws_.Changes(),
              ElementsAre("ModifyReplicationGroupShardConfiguration NodeGroupCount=5",
                          "IncreaseReplicaCount NewReplicaCount=2"));
  Run();
  Run();
  EXPECT_THAT(aws_.Changes(), ::testing::SizeIs(2));
  EXPECT_EQ(Phase(), "Available");
  EXPECT_EQ(Condition("Synced")["status"], "True");
  EXPECT_EQ(Object()["status"]["shards"].size(), 5u);
  EXPECT_EQ(Object()["status"]["shards"][4]["replicas"].size(), 2u);
}

TEST_F(CacheClusterReconcilerTest, SnapshottingGroupIsLeftAlone) {
  AvailableGroup(CacheClusterBuilder().Spec("nodeType", "cache.r6g.large").Build(), 3, 1);
  aws_.SetStatus(kRegion, kGroup, "snapshotting");
  const ReconcileResult result = Run();
  EXPECT_EQ(result.requeue_after(), 15s);
  EXPECT_THAT(aws_.Changes(), IsEmpty());
  EXPECT_EQ(Phase(), "Modifying");
  EXPECT_EQ(Condition("Synced")["reason"], "WaitingForAvailable");
  EXPECT_THAT(Condition("Synced")["message"].get<std::string>(),
              HasSubstr("nodeType cache.r5.large → cache.r6g.large"));

  aws_.SetStatus(kRegion, kGroup, "available");
  Run();
  EXPECT_THAT(aws_.Changes(), ElementsAre("ModifyReplicationGroup CacheNodeType=cache.r6g.large"));
}

TEST_F(CacheClusterReconcilerTest, CreateFailedIsFailedAndDegraded) {
  AvailableGroup(CacheClusterBuilder().Build(), 3, 1);
  aws_.SetStatus(kRegion, kGroup, "create-failed");
  const ReconcileResult result = Run();
  EXPECT_EQ(result.requeue_after(), 5min);
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Degraded")["status"], "True");
  EXPECT_EQ(Condition("Ready")["reason"], "CreateFailed");
  EXPECT_THAT(aws_.Changes(), IsEmpty());
}

TEST_F(CacheClusterReconcilerTest, RejectedCreateIsReportedNotRetriedAtOnce) {
  Apply(CacheClusterBuilder().Spec("network", {{"subnetGroupName", "missing"}}).Build());
  aws_.FailNext("CreateReplicationGroup", "CacheSubnetGroupNotFoundFault");
  const ReconcileResult result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kRequeueAfter);
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Synced")["reason"], "CreateRejected");
}

TEST_F(CacheClusterReconcilerTest, RotatesTheTokenThenSetsIt) {
  PutSecret("cache-auth", "token", "firstToken0123456789");
  Apply(CacheClusterBuilder().Auth("cache-auth").Build());
  Run();
  aws_.SetStatus(kRegion, kGroup, "available");
  Run();
  ASSERT_EQ(SecretValue("cache-connection", "authToken"), "firstToken0123456789");

  PutSecret("cache-auth", "token", "secondToken0123456789");
  Run();
  EXPECT_THAT(aws_.CallsOf("ModifyReplicationGroup"), ::testing::SizeIs(1));
  EXPECT_EQ(aws_.CallsOf("ModifyReplicationGroup")[0].detail, "AuthToken ROTATE");
  EXPECT_THAT(aws_.AuthTokens(kRegion, kGroup),
              ElementsAre("firstToken0123456789", "secondToken0123456789"));
  EXPECT_EQ(SecretValue("cache-connection", "authToken"), "secondToken0123456789");
  EXPECT_EQ(Condition("AuthTokenRotation")["status"], "True");

  Run();
  ASSERT_THAT(aws_.CallsOf("ModifyReplicationGroup"), ::testing::SizeIs(2));
  EXPECT_EQ(aws_.CallsOf("ModifyReplicationGroup")[1].detail, "AuthToken SET");
  EXPECT_THAT(aws_.AuthTokens(kRegion, kGroup), ElementsAre("secondToken0123456789"));
  EXPECT_TRUE(Condition("AuthTokenRotation").is_null());

  Run();
  EXPECT_THAT(aws_.CallsOf("ModifyReplicationGroup"), ::testing::SizeIs(2));
  EXPECT_EQ(Phase(), "Available");
  EXPECT_THAT(Object()["status"].dump(), Not(HasSubstr("Token0123456789")));
}

TEST_F(CacheClusterReconcilerTest, ForeignGroupIsNeitherChangedNorDeleted) {
  Apply(CacheClusterBuilder().Shards(4).Build());
  json other = CacheClusterBuilder().Uid("99999999-0000-4000-8000-000000000009").Build();
  aws_.AddGroup(kRegion, kGroup, 3, 1, "available", OurTags(other));
  Run();
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Synced")["reason"], "NotOwned");
  EXPECT_THAT(aws_.Changes(), IsEmpty());

  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kDone);
  EXPECT_THAT(aws_.Changes(), IsEmpty());
  EXPECT_EQ(aws_.Group(kRegion, kGroup)->Status, "available");
  EXPECT_THAT(Object()["metadata"].value("finalizers", json::array()), IsEmpty());
}

TEST_F(CacheClusterReconcilerTest, UnownedGroupIsAdoptedOnlyWithTheAnnotation) {
  Apply(CacheClusterBuilder().Build());
  aws_.AddGroup(kRegion, kGroup, 3, 1, "available", {{"team", "x"}});
  Run();
  EXPECT_EQ(Condition("Synced")["reason"], "NotOwned");
  EXPECT_THAT(Condition("Synced")["message"].get<std::string>(), HasSubstr(kAdoptAnnotation));

  Edit([](json& o) { o["metadata"]["annotations"][std::string(kAdoptAnnotation)] = "true"; });
  Run();
  EXPECT_THAT(aws_.Changes(), ElementsAre(::testing::StartsWith("AddTagsToResource")));
  EXPECT_EQ(Phase(), "Available");
  EXPECT_EQ(ClassifyOwnership(
                [&] {
                  TagMap m;
                  for (const auto& t : aws_.Tags(kRegion, kGroup)) m[t.Key] = t.Value;
                  return m;
                }(),
                Object()),
            Ownership::kOurs);
}

TEST_F(CacheClusterReconcilerTest, ImmutableDifferenceIsReportedWhileTheRestConverges) {
  AvailableGroup(CacheClusterBuilder().Spec("nodeType", "cache.r6g.large").Build(), 3, 1);
  Edit([](json& o) { o["status"]["engineVersion"] = "6.2"; });
  // Created without encryption at rest, which ElastiCache cannot turn on in place.
  aws_.SetAtRest(kRegion, kGroup, false);
  Run();
  EXPECT_THAT(aws_.Changes(), ElementsAre("ModifyReplicationGroup CacheNodeType=cache.r6g.large"));
  Run();
  EXPECT_EQ(Condition("Synced")["reason"], "ImmutableFieldChanged");
  EXPECT_THAT(Condition("Synced")["message"].get<std::string>(),
              HasSubstr("encryption.atRest false → true"));
}

TEST_F(CacheClusterReconcilerTest, ChangedSpecTagsReachTheGroupOncePerGeneration) {
  AvailableGroup(CacheClusterBuilder().Spec("tags", {{"team", "metrics"}}).Build(), 3, 1);
  Run();
  EXPECT_THAT(aws_.Changes(),
              ElementsAre("AddTagsToResource " + aws_.Group(kRegion, kGroup)->ARN.value()));
  Run();
  EXPECT_THAT(aws_.Changes(), ::testing::SizeIs(1));
  // One read to check ownership on first sight, one to compare the tags.
  EXPECT_THAT(aws_.CallsOf("ListTagsForResource"), ::testing::SizeIs(2));

  Edit([](json& o) {
    o["spec"]["tags"]["team"] = "platform";
    o["metadata"]["generation"] = 2;
  });
  Run();
  Run();
  EXPECT_THAT(aws_.Changes(), ::testing::SizeIs(2));
  EXPECT_THAT(aws_.Tags(kRegion, kGroup), Contains(ec::Tag{"team", "platform"}));
}

TEST_F(CacheClusterReconcilerTest, InvalidSpecTouchesNothing) {
  Apply(CacheClusterBuilder().Replicas(0).Build());
  EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kDone);
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Synced")["reason"], "InvalidSpec");
  EXPECT_THAT(aws_.Calls(), IsEmpty());
}

TEST_F(CacheClusterReconcilerTest, OneDescribeServesEveryCacheClusterOfARegion) {
  for (const char* name : {"a", "b", "c"}) {
    Apply(CacheClusterBuilder("team", name).Build());
    aws_.AddGroup(kRegion, std::string("team-") + name, 1, 1, "available", OurTags(Object(name)));
  }
  clock_.Advance(10s);
  for (const char* name : {"a", "b", "c"}) RunNow(name);
  // Three groups at one per page: one walk of three pages for all three objects.
  EXPECT_EQ(groups_.Fetches(), 1u);
  EXPECT_THAT(aws_.CallsOf("DescribeReplicationGroups"), ::testing::SizeIs(3));
}

struct DeleteCase {
  std::string name;
  std::string policy;
  std::vector<std::string> changes;
};

class CacheClusterDeleteTest : public CacheClusterReconcilerTest,
                               public ::testing::WithParamInterface<DeleteCase> {};

TEST_P(CacheClusterDeleteTest, AppliesTheDeletionPolicy) {
  AvailableGroup(CacheClusterBuilder().Policy(GetParam().policy).Build(), 3, 1);
  Run();
  ASSERT_EQ(Phase(), "Available");
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });

  Run();
  if (GetParam().policy != "Retain") {
    EXPECT_EQ(Phase(), "Deleting");
    EXPECT_THAT(Object()["metadata"]["finalizers"], ::testing::Contains(std::string(kFinalizer)));
    RunNow();  // the snapshot predates the delete: nothing is repeated
    EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kDone);
  }
  EXPECT_THAT(aws_.Changes(), ::testing::ElementsAreArray(GetParam().changes));
  EXPECT_THAT(Object()["metadata"].value("finalizers", json::array()), IsEmpty());
  Run();  // idempotent once released
  EXPECT_THAT(aws_.Changes(), ::testing::ElementsAreArray(GetParam().changes));
}

INSTANTIATE_TEST_SUITE_P(
    Policies, CacheClusterDeleteTest,
    ::testing::Values(
        DeleteCase{"Snapshot",
                   "Snapshot",
                   {"DeleteReplicationGroup FinalSnapshotIdentifier=team-cache-final-uid-1"}},
        DeleteCase{"Delete", "Delete", {"DeleteReplicationGroup"}},
        DeleteCase{"Retain", "Retain", {}}),
    [](const auto& info) { return info.param.name; });

TEST_F(CacheClusterReconcilerTest, OwnSubnetGroupIsCreatedFirstAndDeletedLast) {
  Apply(CacheClusterBuilder()
            .Policy("Delete")
            .Spec("network", {{"subnetIds", {"subnet-0a1b2c3d"}}})
            .Build());
  Run();
  EXPECT_THAT(aws_.Changes(),
              ElementsAre("CreateCacheSubnetGroup team-cache", "CreateReplicationGroup"));
  EXPECT_EQ(aws_.LastCreate()->CacheSubnetGroupName, kGroup);
  EXPECT_EQ(aws_.SubnetGroups().at("us-east-1/team-cache"),
            std::vector<std::string>{"subnet-0a1b2c3d"});
  aws_.SetStatus(kRegion, kGroup, "available");
  Run();
  ASSERT_EQ(Phase(), "Available");

  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  Run();
  EXPECT_EQ(aws_.Group(kRegion, kGroup)->Status, "deleting");
  // While the group is deleting, the subnet group is in use: wait.
  EXPECT_EQ(Run().requeue_after(), 15s);
  EXPECT_THAT(Object()["metadata"]["finalizers"], ::testing::Contains(std::string(kFinalizer)));
  aws_.RemoveGroup(kRegion, kGroup);
  EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kDone);
  EXPECT_THAT(aws_.Changes(),
              ElementsAre("CreateCacheSubnetGroup team-cache", "CreateReplicationGroup",
                          "DeleteReplicationGroup", "DeleteCacheSubnetGroup team-cache"));
  EXPECT_TRUE(aws_.SubnetGroups().empty());
  EXPECT_THAT(Object()["metadata"].value("finalizers", json::array()), IsEmpty());
}

TEST_F(CacheClusterReconcilerTest, DeleteWaitsForABusyGroup) {
  AvailableGroup(CacheClusterBuilder().Policy("Delete").Build(), 3, 1);
  Run();
  aws_.SetStatus(kRegion, kGroup, "modifying");
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  Run();
  EXPECT_THAT(aws_.Changes(), IsEmpty());
  EXPECT_EQ(Phase(), "Deleting");
  aws_.SetStatus(kRegion, kGroup, "available");
  Run();
  EXPECT_THAT(aws_.Changes(), ElementsAre("DeleteReplicationGroup"));
}

}  // namespace
}  // namespace po::controllers::cache_cluster
