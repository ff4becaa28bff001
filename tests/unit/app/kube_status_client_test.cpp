// The StatusClient over a KubeClient: which calls it makes, and that the runtime's status writer
// and finalizer helpers work through it.
#include "operator/app/kube_status_client.h"

#include <gtest/gtest.h>

#include "operator/common/clock.h"
#include "operator/kube/fake_kube_client.h"
#include "operator/runtime/finalizers.h"
#include "operator/runtime/status_writer.h"

namespace po::app {
namespace {

TEST(KubeStatusClientTest, MapsOperationsToClientCalls) {
  kube::FakeKubeClient client;
  nlohmann::json cm = {{"apiVersion", "v1"},
                       {"kind", "ConfigMap"},
                       {"metadata", {{"name", "a"}, {"namespace", "ns"}}}};
  ASSERT_TRUE(client.Create(kube::ConfigMaps(), "ns", cm).ok());
  client.ClearCalls();
  KubeStatusClient status_client(client, kube::ConfigMaps());

  auto got = status_client.Get({"ns", "a"});
  ASSERT_TRUE(got.ok());
  (*got)["status"] = {{"phase", "Ready"}};
  (void)status_client.UpdateStatus(*got);
  auto patched = status_client.JsonPatch(
      {"ns", "a"},
      nlohmann::json::array({{{"op", "add"}, {"path", "/data"}, {"value", {{"k", "v"}}}}}));
  ASSERT_TRUE(patched.ok()) << patched.status().ToString();
  EXPECT_EQ((*patched)["data"]["k"], "v");

  auto calls = client.Calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].verb + " " + calls[0].resource + " " + calls[0].ns + "/" + calls[0].name,
            "get configmaps ns/a");
  EXPECT_EQ(calls[1].verb + " " + calls[1].resource, "update configmaps/status");
  EXPECT_EQ(calls[2].verb + " " + calls[2].resource, "patch configmaps");
}

TEST(KubeStatusClientTest, FinalizerHelpersKeepOtherFinalizers) {
  kube::FakeKubeClient client;
  FakeClock clock;
  nlohmann::json cm = {
      {"apiVersion", "v1"},
      {"kind", "ConfigMap"},
      {"metadata", {{"name", "a"}, {"namespace", "ns"}, {"finalizers", {"other.example/x"}}}}};
  ASSERT_TRUE(client.Create(kube::ConfigMaps(), "ns", cm).ok());
  KubeStatusClient status_client(client, kube::ConfigMaps());
  auto added = runtime::EnsureFinalizer(status_client, clock, {"ns", "a"}, "mine.example/y");
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ((*added)["metadata"]["finalizers"],
            nlohmann::json({"other.example/x", "mine.example/y"}));
  auto removed = runtime::RemoveFinalizer(status_client, clock, {"ns", "a"}, "mine.example/y");
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ((*removed)["metadata"]["finalizers"], nlohmann::json({"other.example/x"}));
}

}  // namespace
}  // namespace po::app
