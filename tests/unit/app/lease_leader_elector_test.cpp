// The lease elector adapter: forwards leadership callbacks, releases the lease on Stop, and
// reports a lost lease. Runs against the fake client with short real-time durations.
#include "operator/app/lease_leader_elector.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <vector>

#include "tests/unit/app/app_test_env.h"

namespace po::app {
namespace {

using namespace std::chrono_literals;
using testing::Eventually;

kube::LeaderElectionConfig FastConfig(const std::string& identity) {
  kube::LeaderElectionConfig config;
  config.lease_namespace = "ops";
  config.lease_name = "op-lock";
  config.identity = identity;
  config.lease_duration = 1s;
  config.renew_deadline = 300ms;
  config.retry_period = 50ms;
  return config;
}

struct Recorder {
  std::mutex mu;
  std::vector<std::string> events;
  std::atomic<bool> leading{false};

  runtime::LeaderCallbacks Callbacks() {
    runtime::LeaderCallbacks callbacks;
    callbacks.on_started_leading = [this] {
      leading = true;
      Add("started");
    };
    callbacks.on_stopped_leading = [this] {
      leading = false;
      Add("stopped");
    };
    callbacks.on_new_leader = [this](const std::string& id) { Add("leader " + id); };
    return callbacks;
  }
  void Add(const std::string& event) {
    std::lock_guard lock(mu);
    events.push_back(event);
  }
  std::vector<std::string> Events() {
    std::lock_guard lock(mu);
    return events;
  }
};

TEST(LeaseLeaderElectorTest, LeadsAndReleasesTheLeaseOnStop) {
  kube::FakeKubeClient client;
  RealClock clock;
  kube::RealRandom random;
  int lost_calls = 0;
  LeaseLeaderElector elector(client, clock, random, FastConfig("me"),
                             [&](const Status&) { ++lost_calls; });
  EXPECT_EQ(elector.Name(), "op-lock");
  Recorder recorder;
  ASSERT_TRUE(elector.Start(recorder.Callbacks()).ok());
  ASSERT_TRUE(Eventually([&] { return recorder.leading.load(); }));
  EXPECT_TRUE(elector.IsLeader());
  auto lease = client.Get(kube::Leases(), "ops", "op-lock");
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ((*lease)["spec"]["holderIdentity"], "me");

  Status again = elector.Start(recorder.Callbacks());
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.message(), "leader election for op-lock was already started");

  elector.Stop();
  EXPECT_FALSE(elector.IsLeader());
  EXPECT_TRUE(elector.Result().ok());
  EXPECT_EQ(lost_calls, 0);
  lease = client.Get(kube::Leases(), "ops", "op-lock");
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ((*lease)["spec"]["holderIdentity"], "");
  // Releasing shows up as a new, empty holder.
  EXPECT_EQ(recorder.Events(),
            (std::vector<std::string>{"leader me", "started", "leader ", "stopped"}));
}

TEST(LeaseLeaderElectorTest, StandbyWaitsForTheHolderAndStopsWithoutWriting) {
  kube::FakeKubeClient client;
  RealClock clock;
  kube::RealRandom random;
  LeaseLeaderElector leader(client, clock, random, FastConfig("a"));
  Recorder leader_events;
  ASSERT_TRUE(leader.Start(leader_events.Callbacks()).ok());
  ASSERT_TRUE(Eventually([&] { return leader_events.leading.load(); }));

  LeaseLeaderElector standby(client, clock, random, FastConfig("b"));
  Recorder standby_events;
  ASSERT_TRUE(standby.Start(standby_events.Callbacks()).ok());
  ASSERT_TRUE(Eventually([&] { return !standby_events.Events().empty(); }));
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(standby_events.leading.load());
  standby.Stop();
  EXPECT_EQ(standby_events.Events(), (std::vector<std::string>{"leader a"}));

  // Once the leader releases, a new standby takes over at its next attempt.
  leader.Stop();
  LeaseLeaderElector next(client, clock, random, FastConfig("c"));
  Recorder next_events;
  ASSERT_TRUE(next.Start(next_events.Callbacks()).ok());
  ASSERT_TRUE(Eventually([&] { return next_events.leading.load(); }, 3s));
  next.Stop();
}

TEST(LeaseLeaderElectorTest, ReportsALostLease) {
  kube::FakeKubeClient client;
  RealClock clock;
  kube::RealRandom random;
  std::mutex mu;
  std::vector<Status> lost;
  LeaseLeaderElector elector(client, clock, random, FastConfig("me"), [&](const Status& error) {
    std::lock_guard lock(mu);
    lost.push_back(error);
  });
  Recorder recorder;
  ASSERT_TRUE(elector.Start(recorder.Callbacks()).ok());
  ASSERT_TRUE(Eventually([&] { return recorder.leading.load(); }));

  // Every renewal now fails until the renew deadline passes.
  for (int i = 0; i < 100; ++i) client.FailNext("get", Unavailable("apiserver down"));
  ASSERT_TRUE(Eventually([&] {
    std::lock_guard lock(mu);
    return !lost.empty();
  }));
  EXPECT_FALSE(recorder.leading.load());
  std::lock_guard lock(mu);
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(lost[0].message(),
            "leader election lost: lease ops/op-lock not renewed within the renew deadline");
  EXPECT_EQ(elector.Result(), lost[0]);
  elector.Stop();
}

}  // namespace
}  // namespace po::app
