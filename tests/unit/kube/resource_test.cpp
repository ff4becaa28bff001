// Tests path, query and key building for resources.
#include "operator/kube/resource.h"

#include <gtest/gtest.h>

namespace po::kube {
namespace {

TEST(ResourcePathTest, BuildsPathsForEveryShape) {
  ResourceRef widgets{"example.com", "v1alpha1", "widgets", "Widget", true};
  struct Case {
    ResourceRef resource;
    std::string ns, name, sub, want;
  } cases[] = {
      {ConfigMaps(), "ns1", "cm", "", "/api/v1/namespaces/ns1/configmaps/cm"},
      {ConfigMaps(), "ns1", "", "", "/api/v1/namespaces/ns1/configmaps"},
      {ConfigMaps(), "", "", "", "/api/v1/configmaps"},
      {Namespaces(), "ignored", "kube-system", "", "/api/v1/namespaces/kube-system"},
      {Leases(), "kube-system", "op", "",
       "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/op"},
      {widgets, "a", "w", "status", "/apis/example.com/v1alpha1/namespaces/a/widgets/w/status"},
      {CustomResourceDefinitions(), "", "x.example.com", "",
       "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.example.com"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ResourcePath(c.resource, c.ns, c.name, c.sub), c.want);
  }
}

TEST(ListQueryTest, EncodesOptions) {
  struct Case {
    ListOptions options;
    bool watch;
    std::string want;
  } cases[] = {
      {{}, false, ""},
      {{.limit = 500}, false, "?limit=500"},
      {{.resource_version = "0", .limit = 500}, false, "?resourceVersion=0&limit=500"},
      {{.resource_version = "", .limit = 500}, false, "?limit=500"},
      {{.label_selector = "app=x,tier in (a,b)"},
       false,
       "?labelSelector=app%3Dx%2Ctier%20in%20%28a%2Cb%29"},
      {{.limit = 500, .continue_token = "abc=="}, false, "?limit=500&continue=abc%3D%3D"},
      {{.resource_version = "42", .allow_watch_bookmarks = true, .timeout_seconds = 377},
       true,
       "?resourceVersion=42&watch=true&allowWatchBookmarks=true&timeoutSeconds=377"},
      {{.limit = 500}, true, "?watch=true"},
  };
  for (const auto& c : cases) EXPECT_EQ(ListQuery(c.options, c.watch), c.want);
}

TEST(ObjectKeyTest, NamespacedAndClusterScoped) {
  EXPECT_EQ(ObjectKey("ns", "n"), "ns/n");
  EXPECT_EQ(ObjectKey("", "n"), "n");
  nlohmann::json cm = {
      {"metadata", {{"name", "a"}, {"namespace", "b"}, {"resourceVersion", "7"}, {"uid", "u"}}}};
  EXPECT_EQ(ObjectKeyOf(cm), "b/a");
  EXPECT_EQ(ResourceVersionOf(cm), "7");
  EXPECT_EQ(UidOf(cm), "u");
  EXPECT_EQ(NameOf(nlohmann::json::array()), "");
  EXPECT_EQ(ConfigMaps().ApiVersion(), "v1");
  EXPECT_EQ(Leases().ApiVersion(), "coordination.k8s.io/v1");
}

}  // namespace
}  // namespace po::kube
