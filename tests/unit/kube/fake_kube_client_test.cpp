// Tests the in-memory fake client other packages' unit tests rely on.
#include "operator/kube/fake_kube_client.h"

#include <gtest/gtest.h>

#include <thread>

namespace po::kube {
namespace {

Json Cm(const std::string& name, const std::string& ns = "ns") {
  return {{"metadata", {{"name", name}, {"namespace", ns}}}, {"data", {{"k", "v"}}}};
}

TEST(FakeKubeClientTest, CrudWithVersionsUidsAndTypedErrors) {
  FakeKubeClient client;
  auto created = client.Create(ConfigMaps(), "ns", Cm("a"));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ((*created)["kind"], "ConfigMap");
  EXPECT_FALSE(UidOf(*created).empty());
  EXPECT_EQ(client.Create(ConfigMaps(), "ns", Cm("a")).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(client.Get(ConfigMaps(), "ns", "b").status().code(), StatusCode::kNotFound);

  Json changed = *created;
  changed["data"]["k"] = "w";
  auto updated = client.Update(ConfigMaps(), changed);
  ASSERT_TRUE(updated.ok());
  EXPECT_NE(ResourceVersionOf(*updated), ResourceVersionOf(*created));
  EXPECT_EQ(client.Update(ConfigMaps(), changed).status().code(), StatusCode::kConflict);

  auto merged = client.Patch(ConfigMaps(), "ns", "a", PatchType::kMerge, R"({"data":{"x":"y"}})");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ((*merged)["data"]["x"], "y");
  auto patched = client.Patch(ConfigMaps(), "ns", "a", PatchType::kJson,
                              R"([{"op":"remove","path":"/data/x"}])");
  ASSERT_TRUE(patched.ok());
  EXPECT_FALSE((*patched)["data"].contains("x"));

  EXPECT_EQ(client.Delete(ConfigMaps(), "ns", "a", {.precondition_uid = "other"}).code(),
            StatusCode::kConflict);
  EXPECT_TRUE(client.Delete(ConfigMaps(), "ns", "a", {.precondition_uid = UidOf(*created)}).ok());
  EXPECT_EQ(client.Delete(ConfigMaps(), "ns", "a").code(), StatusCode::kNotFound);

  std::vector<std::string> verbs;
  for (const auto& call : client.Calls()) verbs.push_back(call.verb);
  EXPECT_EQ(verbs, (std::vector<std::string>{"create", "create", "get", "update", "update", "patch",
                                             "patch", "delete", "delete", "delete"}));
}

TEST(FakeKubeClientTest, InjectedFailuresAndDiscovery) {
  FakeKubeClient client;
  client.FailNext("create", Status(StatusCode::kForbidden, "no"));
  EXPECT_EQ(client.Create(ConfigMaps(), "ns", Cm("a")).status().code(), StatusCode::kForbidden);
  EXPECT_TRUE(client.Create(ConfigMaps(), "ns", Cm("a")).ok());
  client.Serve("coordination.k8s.io/v1/Lease");
  EXPECT_TRUE(*client.IsServed("coordination.k8s.io", "v1", "Lease"));
  EXPECT_FALSE(*client.IsServed("", "v1", "Lease"));
}

TEST(FakeKubeClientTest, WatchReplaysHistoryThenFollowsUntilStopped) {
  FakeKubeClient client;
  auto first = client.Create(ConfigMaps(), "ns", Cm("a"));
  client.Create(ConfigMaps(), "other", Cm("b", "other"));
  std::vector<std::string> seen;
  std::mutex mu;
  std::stop_source stop;
  std::thread watcher([&] {
    ListOptions options;
    options.resource_version = ResourceVersionOf(*first);
    Status status = client.Watch(
        ConfigMaps(), "ns", options,
        [&](const WatchEvent& e) {
          std::lock_guard lock(mu);
          seen.push_back(std::string(WatchEventTypeName(e.type)) + " " + NameOf(e.object));
          return true;
        },
        stop.get_token());
    EXPECT_EQ(status.code(), StatusCode::kCancelled);
  });
  client.Create(ConfigMaps(), "ns", Cm("c"));
  client.Delete(ConfigMaps(), "ns", "a");
  for (int i = 0; i < 200; ++i) {
    {
      std::lock_guard lock(mu);
      if (seen.size() >= 2) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  stop.request_stop();
  watcher.join();
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED c", "DELETED a"}));
}

}  // namespace
}  // namespace po::kube
