// Runs informers against the harness apiserver: sync time and memory for 1,000 ConfigMaps, a store
// that converges to a fresh LIST after 1,000 objects churn concurrently, and recovery from a
// forced 410 after etcd compaction.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "operator/kube/informer.h"
#include "tests/integration/kube/kube_test_env.h"

namespace po::kube {
namespace {

using testing::ConfigMap;
using testing::Eventually;
using testing::HarnessClient;
using testing::RssMiB;
using testing::ScopedNamespace;

// Creates `count` ConfigMaps named cm-<i> with `writers` threads; returns failures.
int CreateConfigMaps(KubeClient& client, const std::string& ns, int count, int writers) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int i = w; i < count; i += writers) {
        if (!client.Create(ConfigMaps(), ns, ConfigMap(ns, "cm-" + std::to_string(i))).ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  return failures.load();
}

// key → resourceVersion of a fresh LIST.
std::map<std::string, std::string> FreshList(KubeClient& client, const std::string& ns) {
  std::map<std::string, std::string> out;
  auto list = client.List(ConfigMaps(), ns);
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  if (!list.ok()) return out;
  for (const auto& item : list->items) out[ObjectKeyOf(item)] = ResourceVersionOf(item);
  return out;
}

std::map<std::string, std::string> StoreContents(const Informer& informer) {
  std::map<std::string, std::string> out;
  for (const auto& object : informer.GetStore().List()) {
    out[ObjectKeyOf(*object)] = ResourceVersionOf(*object);
  }
  return out;
}

class InformerIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client = HarnessClient(clock, runner);
    ASSERT_NE(client, nullptr);
  }
  std::unique_ptr<Informer> MakeInformer(const std::string& ns) {
    return std::make_unique<Informer>(
        std::make_unique<ClientListerWatcher>(*client, ConfigMaps(), ns), clock, random);
  }
  RealClock clock;
  RealRandom random;
  RealCommandRunner runner;
  std::unique_ptr<RestKubeClient> client;
};

TEST_F(InformerIntegrationTest, SyncsAThousandConfigMaps) {
  ScopedNamespace ns(*client, "kube-it-sync");
  ASSERT_EQ(CreateConfigMaps(*client, ns.name(), 1000, 4), 0);
  double rss_before = RssMiB();
  std::atomic<int> adds{0};
  auto informer = MakeInformer(ns.name());
  informer->AddEventHandlers({[&](const ObjectPtr&) { ++adds; }, nullptr, nullptr});
  auto start = std::chrono::steady_clock::now();
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(std::chrono::seconds(60)));
  double sync_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(adds.load(), 1000);
  EXPECT_GE(informer->GetStore().Size(), 1000u);
  std::printf("[figures] informer sync of 1000 ConfigMaps: %.3f s; VmRSS %.1f MiB (%.1f before)\n",
              sync_s, RssMiB(), rss_before);
  // Stopping cancels the open watch stream instead of waiting for the server to end it.
  auto stop_start = std::chrono::steady_clock::now();
  informer->Stop();
  double stop_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - stop_start).count();
  EXPECT_LT(stop_s, 3.0);
  EXPECT_EQ(informer->State(), WatcherState::kStopped);
}

TEST_F(InformerIntegrationTest, StoreMatchesAFreshListAfterConcurrentChurn) {
  ScopedNamespace ns(*client, "kube-it-churn");
  std::atomic<int> adds{0}, updates{0}, deletes{0};
  auto informer = MakeInformer(ns.name());
  informer->AddEventHandlers({[&](const ObjectPtr&) { ++adds; },
                              [&](const ObjectPtr&, const ObjectPtr&) { ++updates; },
                              [&](const ObjectPtr&) { ++deletes; }});
  informer->Start();
  ASSERT_TRUE(informer->WaitForSync(std::chrono::seconds(30)));

  // 4 writers, each owning a quarter of 1,000 names: create, update twice, delete every third.
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < 1000; i += 4) {
        std::string name = "cm-" + std::to_string(i);
        auto created = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), name));
        if (!created.ok()) {
          ++failures;
          continue;
        }
        Json object = *created;
        object["data"]["key"] = "updated";
        auto updated = client->Update(ConfigMaps(), object);
        if (!updated.ok()) ++failures;
        if (!client
                 ->Patch(ConfigMaps(), ns.name(), name, PatchType::kMerge,
                         R"({"data":{"patched":"yes"}})")
                 .ok()) {
          ++failures;
        }
        if (i % 3 == 0 && !client->Delete(ConfigMaps(), ns.name(), name).ok()) ++failures;
      }
    });
  }
  for (auto& t : writers) t.join();
  ASSERT_EQ(failures.load(), 0);

  std::map<std::string, std::string> want;
  bool converged = Eventually(
      [&] {
        want = FreshList(*client, ns.name());
        return StoreContents(*informer) == want;
      },
      std::chrono::seconds(60));
  EXPECT_TRUE(converged) << "store has " << informer->GetStore().Size() << " objects, LIST has "
                         << want.size();
  size_t cms = 0;
  for (const auto& [key, rv] : want) cms += key.find("/cm-") != std::string::npos;
  EXPECT_EQ(cms, 1000u - 334u);
  EXPECT_GE(adds.load(), 1000);
  EXPECT_GE(deletes.load(), 334);
  EXPECT_GE(updates.load(), 2000);
  std::printf("[figures] churn: %d adds, %d updates, %d deletes delivered; store == LIST (%zu)\n",
              adds.load(), updates.load(), deletes.load(), want.size());
  informer->Stop();
}

// Reports an old resourceVersion for its first LIST, as if the informer had last synced long ago.
class OldVersionListerWatcher final : public ListerWatcher {
 public:
  OldVersionListerWatcher(std::unique_ptr<ListerWatcher> inner, std::string old_version)
      : inner_(std::move(inner)), old_version_(std::move(old_version)) {}
  Result<ObjectList> List(const ListOptions& options) override {
    auto list = inner_->List(options);
    if (list.ok() && !used_) {
      used_ = true;
      list->resource_version = old_version_;
    }
    return list;
  }
  Status Watch(const ListOptions& options, const KubeClient::WatchHandler& handler,
               std::stop_token stop) override {
    {
      std::lock_guard lock(mu_);
      watch_versions_.push_back(options.resource_version.value_or(""));
    }
    return inner_->Watch(options, handler, stop);
  }
  std::vector<std::string> WatchVersions() {
    std::lock_guard lock(mu_);
    return watch_versions_;
  }

 private:
  std::unique_ptr<ListerWatcher> inner_;
  const std::string old_version_;
  bool used_ = false;
  std::mutex mu_;
  std::vector<std::string> watch_versions_;
};

// The current etcd revision, compacted away: reads and watches of older versions now need a relist.
std::string CompactEtcd() {
  auto status = po::testing::RunWithHarness(
      "ETCDCTL_API=3 etcdctl --endpoints=$ETCD_ENDPOINTS endpoint status -w json");
  std::string revision;
  if (status.exit_code == 0) {
    auto doc = Json::parse(status.output, nullptr, false);
    if (doc.is_array() && !doc.empty()) {
      revision = std::to_string(doc[0]["Status"]["header"]["revision"].get<long long>());
    }
    auto compacted = po::testing::RunWithHarness(
        "ETCDCTL_API=3 etcdctl --endpoints=$ETCD_ENDPOINTS compaction " + revision);
    EXPECT_EQ(compacted.exit_code, 0) << compacted.output;
    return revision;
  }
  // No etcdctl: the etcd v3 HTTP gateway.
  auto range = po::testing::RunWithHarness(
      "curl -sf -X POST $ETCD_ENDPOINTS/v3/kv/range -d '{\"key\":\"AA==\"}'");
  auto doc = Json::parse(range.output, nullptr, false);
  EXPECT_TRUE(doc.is_object()) << range.output;
  if (!doc.is_object()) return "";
  revision = doc["header"]["revision"].get<std::string>();
  auto compacted = po::testing::RunWithHarness(
      "curl -sf -X POST $ETCD_ENDPOINTS/v3/kv/compaction -d '{\"revision\":\"" + revision + "\"}'");
  EXPECT_EQ(compacted.exit_code, 0) << compacted.output;
  return revision;
}

TEST_F(InformerIntegrationTest, RecoversFromAForced410WithACountedRelist) {
  ScopedNamespace ns(*client, "kube-it-gone");
  auto marker = client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "marker"));
  ASSERT_TRUE(marker.ok()) << marker.status().ToString();
  const std::string old_version = ResourceVersionOf(*marker);
  std::string revision = CompactEtcd();
  ASSERT_FALSE(revision.empty());
  std::printf("[figures] compacted etcd at revision %s; resuming from resourceVersion %s\n",
              revision.c_str(), old_version.c_str());

  // A resource type created after the old version: its watch cache starts later, so the apiserver
  // answers a watch from the old version with 410 Expired (the etcd history is compacted too).
  const std::string group = "p" + std::to_string(getpid()) + ".kube-it.platform-operator.test";
  Json crd = {{"apiVersion", "apiextensions.k8s.io/v1"},
              {"kind", "CustomResourceDefinition"},
              {"metadata", {{"name", "tickets." + group}}},
              {"spec",
               {{"group", group},
                {"scope", "Namespaced"},
                {"names", {{"plural", "tickets"}, {"singular", "ticket"}, {"kind", "Ticket"}}},
                {"versions",
                 {{{"name", "v1"},
                   {"served", true},
                   {"storage", true},
                   {"schema",
                    {{"openAPIV3Schema",
                      {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}}}}}}};
  ASSERT_TRUE(client->Create(CustomResourceDefinitions(), "", crd).ok());
  ResourceRef tickets{group, "v1", "tickets", "Ticket", true};
  auto ticket = [&](const std::string& name) {
    return Json{{"apiVersion", group + "/v1"},
                {"kind", "Ticket"},
                {"metadata", {{"name", name}, {"namespace", ns.name()}}}};
  };
  ASSERT_TRUE(Eventually([&] { return client->Create(tickets, ns.name(), ticket("t0")).ok(); },
                         std::chrono::seconds(30)));
  for (int i = 1; i < 5; ++i)
    ASSERT_TRUE(client->Create(tickets, ns.name(), ticket("t" + std::to_string(i))).ok());

  auto source = std::make_unique<OldVersionListerWatcher>(
      std::make_unique<ClientListerWatcher>(*client, tickets, ns.name()), old_version);
  auto* probe = source.get();
  std::atomic<int> relists{0};
  Informer informer(std::move(source), clock, random);
  informer.SetRelistObserver([&] { ++relists; });
  auto start = std::chrono::steady_clock::now();
  informer.Start();
  ASSERT_TRUE(informer.WaitForSync(std::chrono::seconds(30)));
  ASSERT_TRUE(Eventually([&] { return informer.RelistCount() >= 1; }, std::chrono::seconds(30)));
  ASSERT_TRUE(Eventually(
      [&] {
        return informer.State() == WatcherState::kWatching && probe->WatchVersions().size() >= 2;
      },
      std::chrono::seconds(30)));
  double recovered_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(informer.RelistCount(), 1);
  EXPECT_EQ(relists.load(), 1);
  auto versions = probe->WatchVersions();
  EXPECT_EQ(versions[0], old_version);
  EXPECT_NE(versions[1], old_version);

  // After recovery the informer keeps following changes.
  ASSERT_TRUE(client->Create(tickets, ns.name(), ticket("after")).ok());
  ASSERT_TRUE(client->Delete(tickets, ns.name(), "t0").ok());
  std::map<std::string, std::string> want;
  EXPECT_TRUE(Eventually(
      [&] {
        want.clear();
        auto list = client->List(tickets, ns.name());
        if (!list.ok()) return false;
        for (const auto& item : list->items) want[ObjectKeyOf(item)] = ResourceVersionOf(item);
        return StoreContents(informer) == want;
      },
      std::chrono::seconds(30)));
  EXPECT_EQ(want.size(), 5u);
  std::printf("[figures] 410 after compaction: relists=%d, recovered and watching in %.3f s\n",
              informer.RelistCount(), recovered_s);
  informer.Stop();
  (void)client->Delete(CustomResourceDefinitions(), "", "tickets." + group);
}

}  // namespace
}  // namespace po::kube
