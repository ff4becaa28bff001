// Two in-process electors contend for a Lease on the harness apiserver: when the leader stops
// renewing, the standby takes over after the lease expires; when the leader releases, at once.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "operator/kube/leader_election.h"
#include "tests/integration/kube/kube_test_env.h"

namespace po::kube {
namespace {

using testing::Eventually;
using testing::HarnessClient;
using testing::ScopedNamespace;

// An elector running on its own thread.
class RunningElector {
 public:
  RunningElector(KubeClient& client, Clock& clock, RandomSource& random, const std::string& ns,
                 const std::string& identity, bool release_on_cancel) {
    LeaderElectionConfig config;
    config.lease_namespace = ns;
    config.lease_name = "kube-it-leader";
    config.identity = identity;
    config.release_on_cancel = release_on_cancel;
    config.on_started_leading = [this] {
      became_leader_at = std::chrono::steady_clock::now();
      leading = true;
    };
    config.on_stopped_leading = [this] { leading = false; };
    elector = std::make_unique<LeaderElector>(client, clock, random, config);
    thread = std::jthread([this](std::stop_token stop) { result = elector->Run(stop); });
  }
  ~RunningElector() { Stop(); }
  void Stop() {
    if (thread.joinable()) {
      thread.request_stop();
      thread.join();
    }
  }

  std::unique_ptr<LeaderElector> elector;
  std::atomic<bool> leading{false};
  std::chrono::steady_clock::time_point became_leader_at;
  Status result;
  std::jthread thread;
};

class LeaderElectionIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client = HarnessClient(clock, runner);
    ASSERT_NE(client, nullptr);
  }
  Json Lease(const std::string& ns) { return *client->Get(Leases(), ns, "kube-it-leader"); }

  RealClock clock;
  RealRandom random;
  RealCommandRunner runner;
  std::unique_ptr<RestKubeClient> client;
};

TEST_F(LeaderElectionIntegrationTest, StandbyTakesOverWhenTheLeaderStopsRenewing) {
  ScopedNamespace ns(*client, "kube-it-lease");
  RunningElector a(*client, clock, random, ns.name(), "elector-a", /*release_on_cancel=*/false);
  ASSERT_TRUE(Eventually([&] { return a.leading.load(); }, std::chrono::seconds(10)));
  RunningElector b(*client, clock, random, ns.name(), "elector-b", false);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_FALSE(b.leading.load());
  EXPECT_EQ(b.elector->ObservedLeader(), "elector-a");

  // "Kill" a: it stops renewing without releasing.
  std::string last_renew = Lease(ns.name())["spec"]["renewTime"];
  auto killed_at = std::chrono::steady_clock::now();
  a.Stop();
  EXPECT_TRUE(a.result.ok());
  EXPECT_EQ(Lease(ns.name())["spec"]["holderIdentity"], "elector-a");
  ASSERT_TRUE(Eventually([&] { return b.leading.load(); }, std::chrono::seconds(30)));
  double takeover_s = std::chrono::duration<double>(b.became_leader_at - killed_at).count();
  Json lease = Lease(ns.name());
  EXPECT_EQ(lease["spec"]["holderIdentity"], "elector-b");
  EXPECT_EQ(lease["spec"]["leaseTransitions"], 1);
  std::printf(
      "[figures] leader stopped renewing (last renew %s): standby acquired after %.2f s "
      "(lease 15 s, retry 2 s, jitter 1.2)\n",
      last_renew.c_str(), takeover_s);
  // Expiry counts from when b last saw the record change — up to one jittered retry (4.4 s) after
  // a's last renewal — and b attempts right at that expiry: at most 15 + 4.4 s after the kill.
  EXPECT_GE(takeover_s, 10.0);
  EXPECT_LE(takeover_s, 15.0 + 4.4 + 1.0);
}

TEST_F(LeaderElectionIntegrationTest, ReleaseHandsOverWithinARetryPeriod) {
  ScopedNamespace ns(*client, "kube-it-release");
  RunningElector a(*client, clock, random, ns.name(), "elector-a", /*release_on_cancel=*/true);
  ASSERT_TRUE(Eventually([&] { return a.leading.load(); }, std::chrono::seconds(10)));
  RunningElector b(*client, clock, random, ns.name(), "elector-b", true);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  ASSERT_FALSE(b.leading.load());

  auto released_at = std::chrono::steady_clock::now();
  a.Stop();  // releases: holderIdentity "" and leaseDurationSeconds 1
  EXPECT_TRUE(a.result.ok()) << a.result.ToString();
  ASSERT_TRUE(Eventually([&] { return b.leading.load(); }, std::chrono::seconds(10)));
  double handover_s = std::chrono::duration<double>(b.became_leader_at - released_at).count();
  Json lease = Lease(ns.name());
  EXPECT_EQ(lease["spec"]["holderIdentity"], "elector-b");
  EXPECT_EQ(lease["spec"]["leaseDurationSeconds"], 15);
  EXPECT_EQ(lease["spec"]["leaseTransitions"], 1);
  std::printf("[figures] leader released: standby acquired after %.2f s\n", handover_s);
  EXPECT_LE(handover_s, 2.0 * (1 + 1.2) + 1.0);  // one jittered retry period
  b.Stop();
  EXPECT_EQ(Lease(ns.name())["spec"]["holderIdentity"], "");
}

}  // namespace
}  // namespace po::kube
