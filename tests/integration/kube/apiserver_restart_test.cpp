// kube-apiserver killed and restarted under a running informer: the watch breaks, the informer
// backs off and resumes, and after the changes made around the outage its store equals a fresh
// LIST — no final state is missed.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "operator/kube/informer.h"
#include "tests/integration/kube/kube_test_env.h"
#include "tests/support/harness_env.h"

namespace po::kube {
namespace {

using testing::ConfigMap;
using testing::Eventually;
using testing::HarnessClient;
using testing::ScopedNamespace;

std::map<std::string, std::string> Contents(const std::vector<ObjectPtr>& objects) {
  std::map<std::string, std::string> out;
  for (const auto& object : objects) out[ObjectKeyOf(*object)] = ResourceVersionOf(*object);
  return out;
}

TEST(ApiserverRestartTest, InformerRecoversAndMissesNoFinalState) {
  RealClock clock;
  RealRandom random;
  RealCommandRunner runner;
  auto client = HarnessClient(clock, runner);
  ASSERT_NE(client, nullptr);
  ScopedNamespace ns(*client, "kube-it-restart");
  for (int i = 0; i < 60; ++i) {
    ASSERT_TRUE(
        client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "cm-" + std::to_string(i)))
            .ok());
  }
  std::set<WatcherState> states_seen;
  Informer informer(std::make_unique<ClientListerWatcher>(*client, ConfigMaps(), ns.name()), clock,
                    random);
  std::atomic<int> deletes{0};
  informer.AddEventHandlers({nullptr, nullptr, [&](const ObjectPtr&) { ++deletes; }});
  informer.Start();
  ASSERT_TRUE(informer.WaitForSync(std::chrono::seconds(60)));

  // Changes right before the outage: their events may or may not reach the informer before the
  // watch breaks.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(client
                    ->Patch(ConfigMaps(), ns.name(), "cm-" + std::to_string(i), PatchType::kMerge,
                            R"({"data":{"phase":"before-outage"}})")
                    .ok());
    ASSERT_TRUE(client->Delete(ConfigMaps(), ns.name(), "cm-" + std::to_string(50 + i)).ok());
  }

  // Kill the apiserver (SIGKILL), keep it down for 3 s, start it again and wait until it is ready.
  std::atomic<bool> watching_states{true};
  std::jthread sampler([&] {
    while (watching_states) {
      states_seen.insert(informer.State());
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  struct StopSampler {
    std::atomic<bool>& flag;
    ~StopSampler() { flag = false; }
  } stop_sampler{watching_states};
  auto started = std::chrono::steady_clock::now();
  auto restart = po::testing::RunWithHarness(po::testing::RepoRoot() +
                                             "/scripts/harness-restart.sh kube-apiserver "
                                             "--dir \"$HARNESS_DIR\" --down-seconds 3");
  ASSERT_EQ(restart.exit_code, 0) << restart.output;

  // Changes after the restart.
  for (int i = 10; i < 20; ++i) {
    auto patched = client->Patch(ConfigMaps(), ns.name(), "cm-" + std::to_string(i),
                                 PatchType::kMerge, R"({"data":{"phase":"after-restart"}})");
    ASSERT_TRUE(patched.ok()) << patched.status().ToString();
    ASSERT_TRUE(client->Delete(ConfigMaps(), ns.name(), "cm-" + std::to_string(40 + i - 10)).ok());
    ASSERT_TRUE(
        client->Create(ConfigMaps(), ns.name(), ConfigMap(ns.name(), "new-" + std::to_string(i)))
            .ok());
  }

  std::map<std::string, std::string> want;
  bool converged = Eventually(
      [&] {
        auto list = client->List(ConfigMaps(), ns.name());
        if (!list.ok()) return false;
        std::vector<ObjectPtr> items;
        for (const auto& item : list->items) items.push_back(std::make_shared<const Json>(item));
        want = Contents(items);
        return Contents(informer.GetStore().List()) == want;
      },
      std::chrono::seconds(90));
  double recovered_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  watching_states = false;
  sampler.join();

  EXPECT_TRUE(converged) << "store has " << informer.GetStore().Size() << " objects, LIST has "
                         << want.size();
  size_t cms = 0;
  for (const auto& [key, rv] : want) cms += key.find("/cm-") != std::string::npos;
  EXPECT_EQ(cms, 40u);                       // 60 created, 10 deleted before and 10 after
  EXPECT_EQ(want.size() - cms >= 10, true);  // the 10 created after the restart (plus kube-root-ca)
  EXPECT_GE(deletes.load(), 20);
  EXPECT_TRUE(states_seen.contains(WatcherState::kBackoff))
      << "the broken watch should have been retried with backoff";
  std::printf("[figures] apiserver down 3 s: informer store == LIST %.1f s after the kill\n",
              recovered_s);
  informer.Stop();
}

}  // namespace
}  // namespace po::kube
