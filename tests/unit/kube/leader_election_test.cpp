// Tests Lease-based leader election against the fake client with a FakeClock.
#include "operator/kube/leader_election.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "operator/kube/fake_kube_client.h"

namespace po::kube {
namespace {

class LeaderElectionTest : public ::testing::Test {
 protected:
  LeaderElectionConfig Config(const std::string& identity) {
    LeaderElectionConfig config;
    config.lease_namespace = "ops";
    config.lease_name = "platform-operator";
    config.identity = identity;
    config.on_new_leader = [this, identity](const std::string& leader) {
      new_leaders.push_back(identity + " sees " + (leader.empty() ? "<none>" : leader));
    };
    return config;
  }
  Json Lease() { return *client.Get(Leases(), "ops", "platform-operator"); }

  FakeKubeClient client;
  FakeClock clock;
  SequenceRandom random{{0.0}};
  std::vector<std::string> new_leaders;
};

TEST_F(LeaderElectionTest, AcquiresAMissingLeaseAndRenewsIt) {
  LeaderElector a(client, clock, random, Config("a"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  Json lease = Lease();
  EXPECT_EQ(lease["spec"]["holderIdentity"], "a");
  EXPECT_EQ(lease["spec"]["leaseDurationSeconds"], 15);
  EXPECT_EQ(lease["spec"]["leaseTransitions"], 0);
  EXPECT_EQ(lease["spec"]["acquireTime"], "2026-01-01T00:00:00.000000Z");
  EXPECT_EQ(client.CallsOf("create").size(), 1u);

  clock.Advance(std::chrono::seconds(2));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  lease = Lease();
  EXPECT_EQ(lease["spec"]["acquireTime"], "2026-01-01T00:00:00.000000Z");
  EXPECT_EQ(lease["spec"]["renewTime"], "2026-01-01T00:00:02.000000Z");
  EXPECT_EQ(lease["spec"]["leaseTransitions"], 0);
  // The renewal is an update at the resourceVersion just read (optimistic concurrency).
  auto updates = client.CallsOf("update");
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_FALSE(ResourceVersionOf(Json::parse(updates[0].body)).empty());
  EXPECT_EQ(new_leaders, std::vector<std::string>{"a sees a"});
}

TEST_F(LeaderElectionTest, ExpiryIsJudgedByLocalObservationTime) {
  // The holder's own renewTime is a day old, but we have only just seen the record: wait.
  Json stale = {{"apiVersion", "coordination.k8s.io/v1"},
                {"kind", "Lease"},
                {"metadata", {{"name", "platform-operator"}, {"namespace", "ops"}}},
                {"spec",
                 {{"holderIdentity", "old"},
                  {"leaseDurationSeconds", 15},
                  {"renewTime", "2025-12-31T00:00:00.000000Z"},
                  {"leaseTransitions", 4}}}};
  ASSERT_TRUE(client.Create(Leases(), "ops", stale).ok());
  LeaderElector b(client, clock, random, Config("b"));
  EXPECT_FALSE(b.TryAcquireOrRenew());
  EXPECT_EQ(b.ObservedLeader(), "old");
  clock.Advance(std::chrono::seconds(14));
  EXPECT_FALSE(b.TryAcquireOrRenew());
  clock.Advance(std::chrono::seconds(2));
  EXPECT_TRUE(b.TryAcquireOrRenew());
  EXPECT_EQ(Lease()["spec"]["holderIdentity"], "b");
  EXPECT_EQ(Lease()["spec"]["leaseTransitions"], 5);  // holder changed
  EXPECT_EQ(new_leaders, (std::vector<std::string>{"b sees old", "b sees b"}));
}

TEST_F(LeaderElectionTest, ARenewedLeaseRestartsTheObservationClock) {
  LeaderElector a(client, clock, random, Config("a"));
  LeaderElector b(client, clock, random, Config("b"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  EXPECT_FALSE(b.TryAcquireOrRenew());
  for (int i = 0; i < 10; ++i) {  // a keeps renewing; b keeps seeing changes
    clock.Advance(std::chrono::seconds(10));
    ASSERT_TRUE(a.TryAcquireOrRenew());
    EXPECT_FALSE(b.TryAcquireOrRenew());
  }
  clock.Advance(std::chrono::milliseconds(14'999));  // a stopped renewing
  EXPECT_FALSE(b.TryAcquireOrRenew());
  clock.Advance(std::chrono::milliseconds(1));  // 15 s since b saw the last change
  EXPECT_TRUE(b.TryAcquireOrRenew());
  EXPECT_EQ(Lease()["spec"]["leaseTransitions"], 1);
  EXPECT_FALSE(a.TryAcquireOrRenew());  // a is now the one waiting
}

TEST_F(LeaderElectionTest, AConflictingWriteLosesTheRound) {
  LeaderElector a(client, clock, random, Config("a"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  client.FailNext("update", Status(StatusCode::kConflict, "the object has been modified"));
  EXPECT_FALSE(a.TryAcquireOrRenew());
  EXPECT_TRUE(a.TryAcquireOrRenew());
}

TEST_F(LeaderElectionTest, ReleaseHandsTheLeaseOverAtOnce) {
  LeaderElector b(client, clock, random, Config("b"));
  std::stop_source stop;
  LeaderElectionConfig config = Config("a");
  config.on_started_leading = [&] { stop.request_stop(); };
  LeaderElector runner(client, clock, random, config);
  EXPECT_TRUE(runner.Run(stop.get_token()).ok());  // leads, is stopped, releases
  Json lease = Lease();
  EXPECT_EQ(lease["spec"]["holderIdentity"], "");
  EXPECT_EQ(lease["spec"]["leaseDurationSeconds"], 1);
  EXPECT_FALSE(runner.IsLeader());
  EXPECT_TRUE(b.TryAcquireOrRenew());  // no waiting for the old lease to expire
  EXPECT_EQ(Lease()["spec"]["leaseTransitions"], 1);
}

TEST_F(LeaderElectionTest, RunStopsLeadingWhenRenewalMissesTheDeadline) {
  bool started = false, stopped = false;
  LeaderElectionConfig config = Config("a");
  config.on_started_leading = [&] {
    started = true;
    for (int i = 0; i < 100; ++i) client.FailNext("get", Unavailable("connection refused"));
  };
  config.on_stopped_leading = [&] { stopped = true; };
  LeaderElector a(client, clock, random, config);
  auto begin = clock.Now();
  Status status = a.Run({});
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("not renewed within the renew deadline"), std::string::npos);
  EXPECT_TRUE(started);
  EXPECT_TRUE(stopped);
  EXPECT_FALSE(a.IsLeader());
  // One retry period, then attempts every 2 s until the 10 s deadline.
  auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(clock.Now() - begin);
  EXPECT_EQ(elapsed.count(), 12);
  // Not released: it was lost, not given up. (Read the store directly: gets still fail.)
  EXPECT_EQ(client.Objects(Leases()).at(0)["spec"]["holderIdentity"], "a");
}

TEST_F(LeaderElectionTest, AcquireRetriesWithJitteredPeriodAndWakesAtExpiry) {
  LeaderElector a(client, clock, random, Config("a"));
  ASSERT_TRUE(a.TryAcquireOrRenew());
  SequenceRandom half({0.5});
  std::stop_source stop;
  LeaderElectionConfig config = Config("b");
  config.on_started_leading = [&] { stop.request_stop(); };
  LeaderElector b(client, clock, half, config);
  auto begin = clock.Now();
  EXPECT_TRUE(b.Run(stop.get_token()).ok());
  // b waited for a's lease (15 s from b's first look) in steps of 2 × (1 + 0.5 × 1.2) = 3.2 s,
  // the last one shortened to end when the lease expired: 4 × 3.2 s + 2.2 s.
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now() - begin);
  EXPECT_EQ(elapsed.count(), 15000);
}

// With watch_for_release, a standby does not wait for its next retry (30 s here): the Lease watch
// wakes it the moment the holder releases. Real clock, as the wake-up is what is measured.
TEST(LeaderElectionWatchTest, AStandbyAcquiresAsSoonAsTheLeaseIsReleased) {
  using namespace std::chrono_literals;
  FakeKubeClient client;
  RealClock clock;
  SequenceRandom random{{0.0}};
  LeaderElectionConfig base;
  base.lease_namespace = "ops";
  base.lease_name = "platform-operator";
  base.lease_duration = 120s;
  base.renew_deadline = 60s;
  base.retry_period = 30s;
  LeaderElectionConfig a_config = base;
  a_config.identity = "a";
  std::atomic<bool> a_leads{false};
  a_config.on_started_leading = [&] { a_leads = true; };
  LeaderElector a(client, clock, random, a_config);
  std::jthread a_runner([&](std::stop_token stop) { (void)a.Run(stop); });
  while (!a_leads.load()) std::this_thread::sleep_for(10ms);

  LeaderElectionConfig b_config = base;
  b_config.identity = "b";
  b_config.watch_for_release = true;
  std::atomic<bool> b_leads{false};
  b_config.on_started_leading = [&] { b_leads = true; };
  LeaderElector b(client, clock, random, b_config);
  std::jthread runner([&](std::stop_token stop) { (void)b.Run(stop); });
  std::this_thread::sleep_for(300ms);  // b has tried once and now waits
  ASSERT_FALSE(b_leads.load());

  const auto released_at = std::chrono::steady_clock::now();
  a_runner.request_stop();  // a stops and releases the lease on its way out
  a_runner.join();
  while (!b_leads.load() && std::chrono::steady_clock::now() - released_at < 5s) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(b_leads.load());
  EXPECT_LT(std::chrono::steady_clock::now() - released_at, 2s);
  EXPECT_EQ(b.ObservedLeader(), "b");
}

TEST(DefaultIdentityTest, HostnameUnderscoreUuid) {
  SequenceRandom random({0.1, 0.7, 0.3});
  std::string id = DefaultIdentity(random);
  auto underscore = id.rfind('_');
  ASSERT_NE(underscore, std::string::npos);
  std::string uuid = id.substr(underscore + 1);
  EXPECT_EQ(uuid.size(), 36u);
  EXPECT_EQ(uuid[14], '4');
}

}  // namespace
}  // namespace po::kube
