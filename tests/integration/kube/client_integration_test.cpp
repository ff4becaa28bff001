// Exercises the REST client against the harness's real kube-apiserver: CRUD, paging, the three
// patch types, delete preconditions, the status subresource and typed errors.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "tests/integration/kube/kube_test_env.h"

namespace po::kube {
namespace {

using testing::ConfigMap;
using testing::Eventually;
using testing::HarnessClient;
using testing::ScopedNamespace;

class CountingObserver final : public RequestObserver {
 public:
  void OnRequest(std::string_view code, std::string_view method, std::string_view,
                 std::chrono::steady_clock::duration) override {
    std::lock_guard lock(mu);
    ++counts[std::string(method) + " " + std::string(code)];
  }
  int Count(const std::string& key) {
    std::lock_guard lock(mu);
    return counts[key];
  }
  std::mutex mu;
  std::map<std::string, int> counts;
};

class ClientIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client = HarnessClient(clock, runner, &observer);
    ASSERT_NE(client, nullptr);
  }
  RealClock clock;
  RealCommandRunner runner;
  CountingObserver observer;
  std::unique_ptr<RestKubeClient> client;
};

TEST_F(ClientIntegrationTest, CreatesAndListsTwelveHundredConfigMapsInPagesOf500) {
  ScopedNamespace ns(*client, "kube-it-paging");
  auto start = std::chrono::steady_clock::now();
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < 1200; i += 4) {
        if (!client
                 ->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "cm-" + std::to_string(i)))
                 .ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  ASSERT_EQ(failures.load(), 0);
  double create_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  ListOptions first_page;
  first_page.limit = 500;
  auto page = client->ListPage(ConfigMaps(), ns.name(), first_page);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->items.size(), 500u);
  EXPECT_FALSE(page->continue_token.empty());

  int gets_before = observer.Count("GET 200");
  start = std::chrono::steady_clock::now();
  auto all = client->List(ConfigMaps(), ns.name());
  double list_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  // 1,200 objects plus the namespace's kube-root-ca.crt when the controller manager made it.
  EXPECT_GE(all->items.size(), 1200u);
  EXPECT_LE(all->items.size(), 1201u);
  EXPECT_EQ(observer.Count("GET 200") - gets_before, 3);  // 500 + 500 + the rest
  EXPECT_FALSE(all->resource_version.empty());
  std::printf("[figures] created 1200 ConfigMaps in %.2f s (4 writers); paged LIST in %.3f s\n",
              create_s, list_s);
}

TEST_F(ClientIntegrationTest, GetUpdateAndTypedErrors) {
  ScopedNamespace ns(*client, "kube-it-errors");
  auto created = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "a"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();

  auto again = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "a"));
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists) << again.status().ToString();

  auto missing = client->Get(ConfigMaps(), ns.name(), "nope");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("configmaps \"nope\" not found"), std::string::npos);

  Json updated = *created;
  updated["data"]["key"] = "v2";
  auto first = client->Update(ConfigMaps(), updated);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_NE(ResourceVersionOf(*first), ResourceVersionOf(*created));
  auto stale = client->Update(ConfigMaps(), updated);  // still carries the old resourceVersion
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict) << stale.status().ToString();

  auto invalid = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "Bad_Name"));
  ASSERT_EQ(invalid.status().code(), StatusCode::kInvalidArgument) << invalid.status().ToString();
  EXPECT_NE(invalid.status().message().find("causes: metadata.name: Invalid value"),
            std::string::npos)
      << invalid.status().message();
  EXPECT_NE(invalid.status().message().find("reason Invalid, HTTP 422"), std::string::npos);

  auto no_ns = client->Get(ConfigMaps(), "no-such-namespace-xyz", "a");
  EXPECT_EQ(no_ns.status().code(), StatusCode::kNotFound);
}

TEST_F(ClientIntegrationTest, MergeJsonAndApplyPatches) {
  ScopedNamespace ns(*client, "kube-it-patch");
  ASSERT_TRUE(client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "p")).ok());

  auto merged = client->Patch(ConfigMaps(), ns.name(), "p", PatchType::kMerge,
                              R"({"data":{"merged":"yes"},"metadata":{"labels":{"a":"1"}}})");
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ((*merged)["data"]["merged"], "yes");
  EXPECT_EQ((*merged)["data"]["key"], "v");

  auto json_patched = client->Patch(
      ConfigMaps(), ns.name(), "p", PatchType::kJson,
      R"([{"op":"replace","path":"/data/key","value":"replaced"},{"op":"remove","path":"/data/merged"}])");
  ASSERT_TRUE(json_patched.ok()) << json_patched.status().ToString();
  EXPECT_EQ((*json_patched)["data"]["key"], "replaced");
  EXPECT_FALSE((*json_patched)["data"].contains("merged"));

  auto failed_test = client->Patch(ConfigMaps(), ns.name(), "p", PatchType::kJson,
                                   R"([{"op":"test","path":"/data/key","value":"other"}])");
  EXPECT_FALSE(failed_test.ok());

  std::string apply =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\n  namespace: " + ns.name() +
      "\ndata:\n  applied: \"true\"\n";
  auto applied = client->Patch(ConfigMaps(), ns.name(), "p", PatchType::kApply, apply);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ((*applied)["data"]["applied"], "true");
  bool has_manager = false;
  for (const auto& entry : (*applied)["metadata"]["managedFields"]) {
    if (entry["manager"] == "platform-operator" && entry["operation"] == "Apply") {
      has_manager = true;
    }
  }
  EXPECT_TRUE(has_manager) << (*applied)["metadata"]["managedFields"].dump();

  // Apply also creates.
  std::string create =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fresh\n  namespace: " + ns.name() +
      "\ndata:\n  k: v\n";
  EXPECT_TRUE(client->Patch(ConfigMaps(), ns.name(), "fresh", PatchType::kApply, create).ok());
}

TEST_F(ClientIntegrationTest, DeleteWithPreconditionsAndPropagation) {
  ScopedNamespace ns(*client, "kube-it-delete");
  auto created = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "d"));
  ASSERT_TRUE(created.ok());
  Status wrong_uid = client->Delete(ConfigMaps(), ns.name(), "d",
                                    {.precondition_uid = "00000000-0000-0000-0000-000000000000"});
  EXPECT_EQ(wrong_uid.code(), StatusCode::kConflict) << wrong_uid.ToString();
  Status wrong_rv =
      client->Delete(ConfigMaps(), ns.name(), "d", {.precondition_resource_version = "1"});
  EXPECT_EQ(wrong_rv.code(), StatusCode::kConflict) << wrong_rv.ToString();
  Status ok = client->Delete(ConfigMaps(), ns.name(), "d",
                             {.precondition_uid = UidOf(*created),
                              .precondition_resource_version = ResourceVersionOf(*created),
                              .propagation_policy = "Background"});
  EXPECT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(client->Get(ConfigMaps(), ns.name(), "d").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(client->Delete(ConfigMaps(), ns.name(), "d").code(), StatusCode::kNotFound);
}

TEST_F(ClientIntegrationTest, StatusSubresourceOnATestCrd) {
  const std::string group = "kube-it.platform-operator.test";
  Json crd = Json::parse(R"({
    "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
    "metadata": {"name": "widgets.kube-it.platform-operator.test"},
    "spec": {"group": "kube-it.platform-operator.test", "scope": "Namespaced",
      "names": {"plural": "widgets", "singular": "widget", "kind": "Widget"},
      "versions": [{"name": "v1", "served": true, "storage": true,
        "subresources": {"status": {}},
        "schema": {"openAPIV3Schema": {"type": "object", "properties": {
          "spec": {"type": "object", "properties": {"size": {"type": "integer"}}},
          "status": {"type": "object", "properties": {"phase": {"type": "string"}}}}}}}]}})");
  auto created_crd = client->Create(CustomResourceDefinitions(), "", crd);
  ASSERT_TRUE(created_crd.ok() || created_crd.status().code() == StatusCode::kAlreadyExists)
      << created_crd.status().ToString();
  ASSERT_TRUE(Eventually(
      [&] {
        auto served = client->IsServed(group, "v1", "Widget");
        return served.ok() && *served;
      },
      std::chrono::seconds(30)));
  ResourceRef widgets{group, "v1", "widgets", "Widget", true};
  ScopedNamespace ns(*client, "kube-it-status");
  Json widget = {{"apiVersion", group + "/v1"},
                 {"kind", "Widget"},
                 {"metadata", {{"name", "w"}, {"namespace", ns.name()}}},
                 {"spec", {{"size", 1}}}};
  Result<Json> created = Status(StatusCode::kUnavailable, "not tried");
  ASSERT_TRUE(Eventually(  // the new type can take a moment to be writable
      [&] {
        created = client->Create(widgets, ns.name(), widget);
        return created.ok();
      },
      std::chrono::seconds(30)))
      << created.status().ToString();

  Json with_status = *created;
  with_status["status"] = {{"phase", "Ready"}};
  with_status["spec"]["size"] = 99;  // ignored by the /status endpoint
  auto updated = client->Update(widgets, with_status, "status");
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ((*updated)["status"]["phase"], "Ready");
  EXPECT_EQ((*updated)["spec"]["size"], 1);

  auto patched = client->Patch(widgets, ns.name(), "w", PatchType::kMerge,
                               R"({"status":{"phase":"Degraded"},"spec":{"size":5}})", "status");
  ASSERT_TRUE(patched.ok()) << patched.status().ToString();
  EXPECT_EQ((*patched)["status"]["phase"], "Degraded");
  EXPECT_EQ((*patched)["spec"]["size"], 1);

  // A plain update ignores status.
  Json plain = *patched;
  plain["spec"]["size"] = 2;
  plain["status"]["phase"] = "Ignored";
  auto main_update = client->Update(widgets, plain);
  ASSERT_TRUE(main_update.ok()) << main_update.status().ToString();
  EXPECT_EQ((*main_update)["spec"]["size"], 2);
  EXPECT_EQ((*main_update)["status"]["phase"], "Degraded");
  (void)client->Delete(CustomResourceDefinitions(), "", "widgets." + group);
}

TEST_F(ClientIntegrationTest, AClosedPortIsUnavailable) {
  auto config = LoadKubeconfig(po::testing::HarnessVar("KUBECONFIG"));
  ASSERT_TRUE(config.ok());
  // A port nothing listens on: bind an ephemeral one, then close it.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  close(fd);
  config->server = "https://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  auto unreachable = MakeRestKubeClient(*config, clock, runner, &observer);
  auto got = unreachable->Get(ConfigMaps(), "default", "x");
  EXPECT_EQ(got.status().code(), StatusCode::kUnavailable) << got.status().ToString();
  // Refused, or (behind some sandboxes' firewalls) unreachable: either way, no connection.
  EXPECT_TRUE(got.status().message().find("connection refused") != std::string::npos ||
              got.status().message().find("Failed to connect") != std::string::npos)
      << got.status().message();
  EXPECT_GE(observer.Count("GET <error>"), 1);
}

TEST_F(ClientIntegrationTest, Discovery) {
  EXPECT_TRUE(*client->IsServed("coordination.k8s.io", "v1", "Lease"));
  EXPECT_TRUE(*client->IsServed("", "v1", "ConfigMap"));
  EXPECT_FALSE(*client->IsServed("", "v1", "Widget"));
  EXPECT_FALSE(*client->IsServed("no-such-group.example.com", "v1", "Widget"));
}

}  // namespace
}  // namespace po::kube
