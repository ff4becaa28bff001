// Tests mapping children to their controller owner's key.
#include "operator/kube/owner_refs.h"

#include <gtest/gtest.h>

namespace po::kube {
namespace {

nlohmann::json Child(nlohmann::json owners) {
  return {{"metadata", {{"name", "c"}, {"namespace", "ns"}, {"ownerReferences", owners}}}};
}

TEST(OwnerRefsTest, ControllerOwnerKey) {
  nlohmann::json controller = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
                               {"kind", "DatabaseCluster"},
                               {"name", "db"},
                               {"uid", "u1"},
                               {"controller", true}};
  nlohmann::json other = {
      {"apiVersion", "v1"}, {"kind", "ConfigMap"}, {"name", "cm"}, {"uid", "u2"}};
  struct Case {
    nlohmann::json child;
    std::string kind;
    std::optional<std::string_view> group;
    std::optional<std::string> want;
  } cases[] = {
      {Child({other, controller}), "DatabaseCluster", std::nullopt, "ns/db"},
      {Child({other, controller}), "DatabaseCluster", "platform.startup-metrics.com", "ns/db"},
      {Child({other, controller}), "DatabaseCluster", "apps", std::nullopt},
      {Child({other, controller}), "CacheCluster", std::nullopt, std::nullopt},
      {Child({other}), "ConfigMap", std::nullopt, std::nullopt},  // not a controller reference
      {Child(nlohmann::json::array()), "DatabaseCluster", std::nullopt, std::nullopt},
      {nlohmann::json::object(), "DatabaseCluster", std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ControllerOwnerKey(c.child, c.kind, c.group), c.want) << c.child.dump();
  }
  EXPECT_EQ(ControllerOwnerKey(Child({controller}), "DatabaseCluster", std::nullopt, true), "db");
  EXPECT_EQ(ControllerOf(Child({controller}))->uid, "u1");
}

TEST(OwnerRefsTest, ControllerReferenceTo) {
  nlohmann::json owner = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
                          {"kind", "MetricsPlatform"},
                          {"metadata", {{"name", "mp"}, {"uid", "u9"}}}};
  auto ref = ControllerReferenceTo(owner);
  EXPECT_EQ(ref["uid"], "u9");
  EXPECT_EQ(ref["controller"], true);
  EXPECT_EQ(ref["blockOwnerDeletion"], true);
  EXPECT_EQ(ControllerOwnerKey(Child({ref}), "MetricsPlatform"), "ns/mp");
}

}  // namespace
}  // namespace po::kube
