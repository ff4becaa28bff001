// Ownership tags, adoption rules, default identifiers and the deletion policy names.
#include "controllers/common/ownership.h"

#include <gtest/gtest.h>

#include "controllers/common/deletion_policy.h"

namespace po::controllers {
namespace {

nlohmann::json Cluster(const std::string& uid = "uid-1") {
  return {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
          {"kind", "DatabaseCluster"},
          {"metadata", {{"namespace", "team-a"}, {"name", "metrics-db"}, {"uid", uid}}}};
}

TEST(OwnershipTest, OwnershipTagsNameTheObject) {
  const TagMap tags = OwnershipTags(Cluster());
  EXPECT_EQ(tags.at("platform.startup-metrics.com/managed-by"), "platform-operator");
  EXPECT_EQ(tags.at("platform.startup-metrics.com/kind"), "DatabaseCluster");
  EXPECT_EQ(tags.at("platform.startup-metrics.com/namespace"), "team-a");
  EXPECT_EQ(tags.at("platform.startup-metrics.com/name"), "metrics-db");
  EXPECT_EQ(tags.at("platform.startup-metrics.com/uid"), "uid-1");
}

TEST(OwnershipTest, UserTagsCannotOverrideOwnershipTags) {
  const nlohmann::json user = {
      {"team", "metrics"}, {"platform.startup-metrics.com/uid", "forged"}, {"ignored-number", 5}};
  const TagMap tags = DesiredTags(user, Cluster());
  EXPECT_EQ(tags.at("team"), "metrics");
  EXPECT_EQ(tags.at("platform.startup-metrics.com/uid"), "uid-1");
  EXPECT_EQ(tags.count("ignored-number"), 0u);
  EXPECT_EQ(tags.size(), 6u);
  EXPECT_EQ(DesiredTags(nullptr, Cluster()).size(), 5u);
}

TEST(OwnershipTest, ClassifiesTags) {
  EXPECT_EQ(ClassifyOwnership(OwnershipTags(Cluster()), Cluster()), Ownership::kOurs);
  EXPECT_EQ(ClassifyOwnership(OwnershipTags(Cluster("other")), Cluster()), Ownership::kOtherOwner);
  EXPECT_EQ(ClassifyOwnership({{"team", "x"}}, Cluster()), Ownership::kUnowned);
  TagMap foreign_manager = OwnershipTags(Cluster());
  foreign_manager["platform.startup-metrics.com/managed-by"] = "someone-else";
  EXPECT_EQ(ClassifyOwnership(foreign_manager, Cluster()), Ownership::kUnowned);
}

TEST(OwnershipTest, AdoptionNeedsTheAnnotationSetToTrue) {
  nlohmann::json object = Cluster();
  EXPECT_FALSE(AdoptionAllowed(object));
  object["metadata"]["annotations"] = {{"platform.startup-metrics.com/adopt", "false"}};
  EXPECT_FALSE(AdoptionAllowed(object));
  object["metadata"]["annotations"]["platform.startup-metrics.com/adopt"] = "true";
  EXPECT_TRUE(AdoptionAllowed(object));
  EXPECT_FALSE(AdoptionAllowed(nlohmann::json::object()));
}

TEST(OwnershipTest, DefaultIdentifier) {
  struct Case {
    std::string ns, name;
    size_t max;
    std::string want;
  };
  const Case cases[] = {
      {"team-a", "metrics-db", 63, "team-a-metrics-db"},
      {"Team", "DB", 63, "team-db"},
      {"abc", "def", 4, "abc"},  // cut at the '-' which is then dropped
      {"abcdef", "x", 3, "abc"},
  };
  for (const auto& c : cases) {
    nlohmann::json object = {{"metadata", {{"namespace", c.ns}, {"name", c.name}}}};
    EXPECT_EQ(DefaultIdentifier(object, c.max), c.want) << c.ns << "/" << c.name;
  }
}

TEST(DeletionPolicyTest, ParsesWithSnapshotAsTheDefault) {
  EXPECT_EQ(ParseDeletionPolicy("Delete"), DeletionPolicy::kDelete);
  EXPECT_EQ(ParseDeletionPolicy("Retain"), DeletionPolicy::kRetain);
  EXPECT_EQ(ParseDeletionPolicy("Snapshot"), DeletionPolicy::kSnapshot);
  EXPECT_EQ(ParseDeletionPolicy(""), DeletionPolicy::kSnapshot);
  EXPECT_EQ(ParseDeletionPolicy("delete"), DeletionPolicy::kSnapshot);
  EXPECT_EQ(DeletionPolicyName(DeletionPolicy::kRetain), "Retain");
  EXPECT_EQ(DeletionPolicyName(DeletionPolicy::kSnapshot), "Snapshot");
}

}  // namespace
}  // namespace po::controllers
