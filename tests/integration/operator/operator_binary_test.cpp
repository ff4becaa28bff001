// The real platform-operator binary against the harness apiserver under the chart's restricted
// identity: two replicas with --leader-elect fail over on SIGKILL and hand over on SIGTERM, the
// running binary's /metrics and probes, and one-line errors for unusable settings.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_kube_client.h"
#include "tests/integration/operator/operator_process.h"
#include "tests/integration/operator/restricted_identity.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using namespace std::chrono_literals;
using Seconds = std::chrono::duration<double>;

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll = 50ms) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(poll);
  }
  return done();
}

class OperatorBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RequireHarness();
    auto config = kube::LoadKubeconfig(HarnessVar("KUBECONFIG"));
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    admin_ = kube::MakeRestKubeClient(*config, clock_, runner_);
    ns_ = "po-it-bin-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++);
    nlohmann::json ns = {
        {"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns_}}}};
    ASSERT_TRUE(admin_->Create(kube::Namespaces(), "", ns).ok());
    auto identity = RestrictedIdentity::Create(*admin_, ns_, "platform-operator");
    ASSERT_TRUE(identity.ok()) << identity.status().ToString();
    identity_ = std::move(*identity);
  }
  void TearDown() override {
    identity_.reset();
    if (admin_) (void)admin_->Delete(kube::Namespaces(), "", ns_);
  }

  std::vector<std::string> ElectionArgs(const std::string& lease) const {
    return {"--kubeconfig=" + identity_->KubeconfigPath(), "--leader-elect",
            "--leader-election-id=" + lease, "--leader-election-namespace=" + ns_};
  }
  std::string Holder(const std::string& lease) {
    auto got = admin_->Get(kube::Leases(), ns_, lease);
    if (!got.ok()) return "";
    return (*got)["spec"].value("holderIdentity", "");
  }
  static bool Ready(const OperatorProcess& p) {
    return HttpGet(p.health_port(), "/readyz").code == 200 &&
           HttpGet(p.health_port(), "/healthz").code == 200;
  }

  RealClock clock_;
  kube::RealCommandRunner runner_;
  std::unique_ptr<kube::RestKubeClient> admin_;
  std::string ns_;
  std::unique_ptr<RestrictedIdentity> identity_;
  static inline int counter_ = 0;
};

TEST_F(OperatorBinaryTest, ReplicasFailOverOnKillAndHandOverOnTerm) {
  const std::string lease = "po-it-lock-" + std::to_string(::getpid());
  OperatorProcess a(PLATFORM_OPERATOR_BINARY, "a", ElectionArgs(lease));
  ASSERT_TRUE(Eventually([&] { return !a.Identity().empty(); }, 10s)) << a.Log();
  ASSERT_TRUE(Eventually([&] { return Holder(lease) == a.Identity(); }, 20s)) << a.Log();
  OperatorProcess b(PLATFORM_OPERATOR_BINARY, "b", ElectionArgs(lease));
  ASSERT_TRUE(Eventually([&] { return !b.Identity().empty(); }, 10s)) << b.Log();
  ASSERT_NE(a.Identity(), b.Identity());

  // Both serve probes; the standby is ready too (its caches are warm) but reports backup.
  ASSERT_TRUE(Eventually([&] { return Ready(a) && Ready(b); }, 10s)) << a.Log() << b.Log();
  ASSERT_TRUE(Eventually([&] { return a.MasterStatus() == 1.0 && b.MasterStatus() == 0.0; }, 10s));
  std::this_thread::sleep_for(3s);  // b has observed a's renewals
  EXPECT_EQ(Holder(lease), a.Identity());
  EXPECT_EQ(b.MasterStatus(), 0.0);

  // SIGKILL the leader: the standby takes over once the lease expires by its own observation.
  const auto killed_at = std::chrono::steady_clock::now();
  a.Signal(SIGKILL);
  ASSERT_EQ(a.WaitExit(5s), 128 + SIGKILL);
  ASSERT_TRUE(Eventually([&] { return Holder(lease) == b.Identity(); }, 30s)) << b.Log();
  const double takeover_s = Seconds(std::chrono::steady_clock::now() - killed_at).count();
  std::printf(
      "[figures] SIGKILL of the leader: standby holds the lease after %.2f s (lease 15 s, renew "
      "deadline 10 s, retry 2 s)\n",
      takeover_s);
  // The standby sees each renewal on its watch of the Lease, so the lease expires 15 s after the
  // leader's last renewal (which was at most one retry period before the kill).
  EXPECT_LE(takeover_s, 17.0);
  EXPECT_TRUE(Eventually([&] { return b.MasterStatus() == 1.0; }, 5s));

  // A fresh standby with the default timings, then SIGTERM the leader: it releases the lease and
  // exits 0; the standby, watching the Lease, acquires it as soon as it is released.
  OperatorProcess c(PLATFORM_OPERATOR_BINARY, "c", ElectionArgs(lease));
  ASSERT_TRUE(Eventually([&] { return Ready(c) && c.MasterStatus() == 0.0; }, 15s)) << c.Log();
  ASSERT_TRUE(Eventually(
      [&] {
        for (const auto& line : c.LogLines()) {
          if (line.value("msg", "") == "New leader elected") return true;
        }
        return false;
      },
      10s))
      << c.Log();
  const auto termed_at = std::chrono::steady_clock::now();
  b.Signal(SIGTERM);
  ASSERT_TRUE(Eventually([&] { return Holder(lease) == c.Identity(); }, 10s, 20ms)) << c.Log();
  const double handover_s = Seconds(std::chrono::steady_clock::now() - termed_at).count();
  auto b_exit = b.WaitExit(10s);
  const double exit_s = Seconds(std::chrono::steady_clock::now() - termed_at).count();
  ASSERT_TRUE(b_exit.has_value()) << b.Log();
  EXPECT_EQ(*b_exit, 0) << b.Log();
  std::printf(
      "[figures] SIGTERM of the leader: it exited 0 within %.2f s; the standby held the lease "
      "after %.2f s (default timings; the standby watches the Lease)\n",
      exit_s, handover_s);
  EXPECT_LE(handover_s, 3.0);
  EXPECT_LE(exit_s, 5.0);
  EXPECT_TRUE(Eventually([&] { return c.MasterStatus() == 1.0; }, 5s));

  c.Signal(SIGTERM);
  EXPECT_EQ(c.WaitExit(10s), 0) << c.Log();
  EXPECT_EQ(Holder(lease), "");  // released on the way out
}

TEST_F(OperatorBinaryTest, LosingTheLeaseExitsNonZeroAtOnce) {
  const std::string lease = "po-it-lost-" + std::to_string(::getpid());
  std::vector<std::string> args = ElectionArgs(lease);
  args.insert(args.end(),
              {"--leader-election-lease-duration=4s", "--leader-election-renew-deadline=2s",
               "--leader-election-retry-period=500ms"});
  OperatorProcess p(PLATFORM_OPERATOR_BINARY, "lost", args);
  ASSERT_TRUE(Eventually([&] { return p.MasterStatus() == 1.0; }, 20s)) << p.Log();

  // Without its permissions the leader cannot renew; past the renew deadline it must exit at
  // once (not after the 30 s graceful shutdown) with a non-zero status.
  const auto revoked_at = std::chrono::steady_clock::now();
  ASSERT_TRUE(identity_->Revoke().ok());
  auto code = p.WaitExit(20s);
  const double exit_s = Seconds(std::chrono::steady_clock::now() - revoked_at).count();
  ASSERT_TRUE(code.has_value()) << p.Log();
  EXPECT_EQ(*code, 1) << p.Log();
  std::printf("[figures] lease lost (renew deadline 2 s): exited %d after %.2f s\n", *code, exit_s);
  EXPECT_LE(exit_s, 10.0);
  EXPECT_NE(p.Log().find("\"msg\":\"leader election lost\""), std::string::npos) << p.Log();
}

TEST_F(OperatorBinaryTest, RunningBinaryServesMetricsAndProbes) {
  const std::string lease = "po-it-metrics-" + std::to_string(::getpid());
  OperatorProcess p(PLATFORM_OPERATOR_BINARY, "metrics", ElectionArgs(lease));
  ASSERT_TRUE(Eventually([&] { return Ready(p) && p.MasterStatus() == 1.0; }, 20s)) << p.Log();

  HttpReply scrape = HttpGet(p.metrics_port(), "/metrics");
  ASSERT_EQ(scrape.code, 200) << scrape.error;
  const std::string file = "/tmp/po-it-binary-metrics-" + std::to_string(::getpid()) + ".txt";
  std::ofstream(file) << scrape.body;
  CommandResult promtool = RunWithHarness("promtool check metrics < " + file);
  EXPECT_EQ(promtool.exit_code, 0) << promtool.output;
  CommandResult parsed = RunWithHarness(
      "python3 -c 'import sys\n"
      "from prometheus_client.parser import text_string_to_metric_families as parse\n"
      "for f in parse(open(sys.argv[1]).read()):\n"
      "    print(f.name, f.type)' " +
      file);
  std::remove(file.c_str());
  ASSERT_EQ(parsed.exit_code, 0) << parsed.output;
  for (const char* family : {"leader_election_master_status gauge", "rest_client_requests counter",
                             "process_cpu_seconds counter", "process_resident_memory_bytes gauge",
                             "process_open_fds gauge", "process_start_time_seconds gauge"}) {
    EXPECT_NE(parsed.output.find(family), std::string::npos) << family << "\n" << parsed.output;
  }
  // The lease traffic of this process, counted per code, method and apiserver host: the Lease
  // was created (GET 404, POST 201) and, one retry period later, renewed (GET 200, PUT 200).
  const std::string url = HarnessVar("KUBE_APISERVER_URL");
  const std::string host = url.substr(url.find("://") + 3);
  EXPECT_NE(scrape.body.find("leader_election_master_status{name=\"" + lease + "\"} 1"),
            std::string::npos)
      << scrape.body;
  auto series = [&](const std::string& code, const std::string& method) {
    return "rest_client_requests_total{code=\"" + code + "\",host=\"" + host + "\",method=\"" +
           method + "\"}";
  };
  EXPECT_NE(scrape.body.find(series("201", "POST") + " 1"), std::string::npos) << scrape.body;
  EXPECT_TRUE(Eventually(
      [&] {
        const std::string body = HttpGet(p.metrics_port(), "/metrics").body;
        return body.find(series("200", "GET")) != std::string::npos &&
               body.find(series("200", "PUT")) != std::string::npos;
      },
      10s));
  // The binary runs the three controllers (names as controller-runtime derives them).
  for (const std::string controller : {"databasecluster", "cachecluster", "metricsplatform"}) {
    EXPECT_NE(scrape.body.find("controller_runtime_reconcile_total{controller=\"" + controller +
                               "\",result=\"success\"}"),
              std::string::npos)
        << controller << "\n"
        << scrape.body;
  }

  EXPECT_EQ(HttpGet(p.health_port(), "/healthz").body, "ok");
  EXPECT_EQ(HttpGet(p.health_port(), "/readyz").body, "ok");
  p.Signal(SIGINT);
  EXPECT_EQ(p.WaitExit(10s), 0) << p.Log();
}

TEST_F(OperatorBinaryTest, MissingKubeconfigExitsOneWithAOneLineError) {
  const std::string missing = "/tmp/po-it-no-such-dir/kubeconfig";
  OperatorProcess p(PLATFORM_OPERATOR_BINARY, "bad-kubeconfig", {"--kubeconfig=" + missing});
  EXPECT_EQ(p.WaitExit(10s), 1);
  EXPECT_EQ(p.Log(), "platform-operator: cannot load kubeconfig " + missing + ": no such file\n");
}

TEST_F(OperatorBinaryTest, MetricsPortInUseExitsOneWithAOneLineError) {
  OperatorProcess first(PLATFORM_OPERATOR_BINARY, "first",
                        {"--kubeconfig=" + identity_->KubeconfigPath()});
  ASSERT_TRUE(Eventually([&] { return Ready(first); }, 15s)) << first.Log();
  const std::string taken = "127.0.0.1:" + std::to_string(first.metrics_port());
  OperatorProcess second(
      PLATFORM_OPERATOR_BINARY, "second",
      {"--kubeconfig=" + identity_->KubeconfigPath(), "--metrics-bind-address=" + taken});
  EXPECT_EQ(second.WaitExit(10s), 1);
  const std::string log = second.Log();
  EXPECT_NE(log.find("platform-operator: cannot serve metrics on " + taken + ": "),
            std::string::npos)
      << log;
  first.Signal(SIGTERM);
  EXPECT_EQ(first.WaitExit(10s), 0) << first.Log();
}

}  // namespace
}  // namespace po::testing
