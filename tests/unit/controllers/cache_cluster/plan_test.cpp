// Plan and Diff: observed group vs spec → the ordered single changes, and the field differences.
#include "controllers/cache_cluster/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "cache_cluster_builder.h"
#include "controllers/cache_cluster/diff.h"
#include "observed_group_builder.h"

namespace po::controllers::cache_cluster {
namespace {

using testing::CacheClusterBuilder;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using testing::ObservedFor;
namespace ec = aws::elasticache;

struct PlanCase {
  std::string name;
  CacheClusterBuilder spec;
  ObservedGroup observed;
  std::string applied_version;
  std::vector<std::string> steps;  // "Kind: description", in order
};

std::vector<std::string> Describe(const std::vector<Step>& steps) {
  std::vector<std::string> out;
  for (const Step& step : steps) {
    out.push_back(std::string(StepKindName(step.kind)) + ": " + step.description);
  }
  return out;
}

ObservedGroup With(ObservedGroup o, const std::function<void(ObservedGroup&)>& change) {
  change(o);
  return o;
}

class CacheClusterPlanTest : public ::testing::TestWithParam<PlanCase> {};

TEST_P(CacheClusterPlanTest, OrderedSingleChanges) {
  const PlanCase& c = GetParam();
  ParsedSpec parsed = ParseSpec(c.spec.Build());
  ASSERT_THAT(parsed.errors, IsEmpty());
  const std::vector<Step> steps = Plan(parsed.spec, c.observed, c.applied_version);
  EXPECT_THAT(Describe(steps), ElementsAreArray(c.steps));
  // The plan is empty exactly when the diff has nothing to converge.
  EXPECT_EQ(steps.empty(), Diff(parsed.spec, c.observed, c.applied_version).InSync());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CacheClusterPlanTest,
    ::testing::Values(
        PlanCase{"InSync", CacheClusterBuilder(), ObservedFor(3, 1), "6.2", {}},
        PlanCase{"ThreeToFiveShardsOneToTwoReplicas",
                 CacheClusterBuilder().Shards(5).Replicas(2),
                 ObservedFor(3, 1),
                 "6.2",
                 {"ChangeShards: shards 3 → 5", "IncreaseReplicas: replicasPerShard 1 → 2"}},
        PlanCase{"ShrinkShardsAndReplicas",
                 CacheClusterBuilder().Shards(2).Replicas(1),
                 ObservedFor(4, 3),
                 "6.2",
                 {"DecreaseReplicas: replicasPerShard 3 → 1", "ChangeShards: shards 4 → 2"}},
        PlanCase{"ToNoReplicasTurnsFailoverOffFirst",
                 CacheClusterBuilder()
                     .Replicas(0)
                     .Spec("automaticFailover", false)
                     .Spec("multiAZ", false)
                     .ClusterMode(false),
                 With(ObservedFor(1, 1), [](ObservedGroup& o) { o.cluster_mode = false; }),
                 "6.2",
                 {"DisableFailover: multiAZ off, automaticFailover off",
                  "DecreaseReplicas: replicasPerShard 1 → 0"}},
        PlanCase{"FromNoReplicasTurnsFailoverOnAfter",
                 CacheClusterBuilder().ClusterMode(false).Replicas(1),
                 With(ObservedFor(1, 0),
                      [](ObservedGroup& o) {
                        o.cluster_mode = false;
                        o.automatic_failover = o.multi_az = false;
                      }),
                 "6.2",
                 {"IncreaseReplicas: replicasPerShard 0 → 1",
                  "ModifySettings: automaticFailover on, multiAZ on"}},
        PlanCase{"UnevenReplicasAreLevelled",
                 CacheClusterBuilder().Replicas(2),
                 With(ObservedFor(3, 2), [](ObservedGroup& o) { o.min_replicas = 1; }),
                 "6.2",
                 {"IncreaseReplicas: replicasPerShard 1 → 2"}},
        PlanCase{"NodeTypeThenVersionThenSettings",
                 CacheClusterBuilder()
                     .Spec("nodeType", "cache.r6g.large")
                     .Spec("engineVersion", "7.1")
                     .Spec("snapshot", {{"retentionDays", 1}, {"window", "3:00-4:00"}}),
                 ObservedFor(3, 1),
                 "6.2",
                 {"ChangeNodeType: nodeType cache.r5.large → cache.r6g.large",
                  "ChangeEngineVersion: engineVersion 6.2 → 7.1",
                  "ModifySettings: snapshot.retentionDays 7 → 1, snapshot.window 05:00-06:00 → "
                  "03:00-04:00"}},
        PlanCase{
            "NodeTypeCaseAndWindowPaddingAreNotChanges",
            CacheClusterBuilder()
                .Spec("nodeType", "cache.R5.large")
                .Spec("snapshot", {{"window", "05:00-06:00"}}),
            With(ObservedFor(3, 1), [](ObservedGroup& o) { o.snapshot_window = "05:00-06:00"; }),
            "6.2",
            {}},
        PlanCase{"UnknownAppliedVersionComparesNothing",
                 CacheClusterBuilder().Spec("engineVersion", "7.1"),
                 ObservedFor(3, 1),
                 "",
                 {}},
        PlanCase{"TransitOnGoesThroughPreferred",
                 CacheClusterBuilder(),
                 With(ObservedFor(3, 1), [](ObservedGroup& o) { o.in_transit_encryption = false; }),
                 "6.2",
                 {"ModifySettings: inTransit preferred"}},
        PlanCase{"TransitPreferredBecomesRequired",
                 CacheClusterBuilder(),
                 With(ObservedFor(3, 1),
                      [](ObservedGroup& o) { o.transit_encryption_mode = "preferred"; }),
                 "6.2",
                 {"ModifySettings: inTransit required"}},
        PlanCase{"TransitOffGoesThroughPreferred",
                 CacheClusterBuilder().Spec("encryption", {{"inTransit", false}}),
                 ObservedFor(3, 1),
                 "6.2",
                 {"ModifySettings: inTransit preferred"}},
        PlanCase{"TransitOffFromPreferred",
                 CacheClusterBuilder().Spec("encryption", {{"inTransit", false}}),
                 With(ObservedFor(3, 1),
                      [](ObservedGroup& o) { o.transit_encryption_mode = "preferred"; }),
                 "6.2",
                 {"ModifySettings: inTransit off"}}),
    [](const auto& info) { return info.param.name; });

TEST(CacheClusterPlanRequestTest, StepsCarryTheirRequests) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().Shards(2).Replicas(2).Build());
  const std::vector<Step> steps = Plan(parsed.spec, ObservedFor(4, 1), "6.2");
  ASSERT_EQ(steps.size(), 2u);
  const auto& shards =
      std::get<ec::ModifyReplicationGroupShardConfigurationMessage>(steps[0].request);
  EXPECT_EQ(shards.ReplicationGroupId, "team-cache");
  EXPECT_EQ(shards.NodeGroupCount, 2);
  EXPECT_TRUE(shards.ApplyImmediately);
  EXPECT_THAT(shards.NodeGroupsToRemove, ElementsAreArray({"0003", "0004"}));
  const auto& replicas = std::get<ec::IncreaseReplicaCountMessage>(steps[1].request);
  EXPECT_EQ(replicas.NewReplicaCount, 2);
  EXPECT_TRUE(replicas.ApplyImmediately);
}

TEST(CacheClusterPlanRequestTest, NewMajorVersionBringsItsParameterGroup) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().Spec("engineVersion", "7.1").Build());
  const std::vector<Step> steps = Plan(parsed.spec, ObservedFor(3, 1), "6.2");
  ASSERT_EQ(steps.size(), 1u);
  const auto& modify = std::get<ec::ModifyReplicationGroupMessage>(steps[0].request);
  EXPECT_EQ(modify.EngineVersion, "7.1");
  EXPECT_EQ(modify.CacheParameterGroupName, "default.redis7.cluster.on");
  EXPECT_EQ(modify.ApplyImmediately, true);
}

TEST(CacheClusterDiffTest, ImmutableFieldsAreReportedApart) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().Build());
  ObservedGroup o = ObservedFor(3, 1);
  o.at_rest_encryption = false;
  const GroupDiff diff = Diff(parsed.spec, o, "6.2");
  EXPECT_TRUE(diff.InSync());
  EXPECT_THAT(diff.immutable, ElementsAreArray({Difference{"encryption.atRest", "false", "true"}}));
}

TEST(CacheClusterDiffTest, DescribesChanges) {
  ParsedSpec parsed = ParseSpec(CacheClusterBuilder().Shards(5).Replicas(2).Build());
  const GroupDiff diff = Diff(parsed.spec, ObservedFor(3, 1), "6.2");
  EXPECT_EQ(DescribeDifferences(diff.changes),
            "clusterMode.shards 3 → 5, clusterMode.replicasPerShard 1 → 2");
}

}  // namespace
}  // namespace po::controllers::cache_cluster
