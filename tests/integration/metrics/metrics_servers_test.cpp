// Starts the real /metrics and probe servers on loopback, scrapes them over HTTP, and checks the
// exposition with real Prometheus text-format parsers (promtool and python's prometheus_client).
// cpprestsdk's U() macro collides with GoogleTest and fmt templates.
#define _TURN_OFF_PLATFORM_STRING
#include <arpa/inet.h>
#include <cpprest/http_client.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "operator/metrics/bind_address.h"
#include "operator/metrics/health_server.h"
#include "operator/metrics/metrics_server.h"
#include "operator/metrics/process_collector.h"
#include "operator/metrics/registry.h"
#include "operator/metrics/rest_client_metrics.h"
#include "operator/runtime/controller.h"
#include "operator/runtime/manager.h"

namespace po {
namespace {

using namespace std::chrono_literals;

struct HttpReply {
  int code = 0;
  std::string body;
  std::string error;
};

HttpReply HttpGet(const std::string& base, const std::string& path) {
  HttpReply reply;
  try {
    web::http::client::http_client_config config;
    config.set_timeout(std::chrono::seconds(10));
    web::http::client::http_client client(base, config);
    auto response = client.request(web::http::methods::GET, path).get();
    reply.code = response.status_code();
    reply.body = response.extract_utf8string(true).get();
  } catch (const std::exception& e) {
    reply.error = e.what();
  }
  return reply;
}

// A port nothing listens on right now (the kernel's pick for a socket bound to port 0).
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    return 0;
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

struct CommandOutput {
  int exit_code = -1;
  std::string output;
};

CommandOutput RunCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class OneShotReconciler final : public runtime::Reconciler {
 public:
  runtime::ReconcileResult Reconcile(const runtime::Request&, runtime::ReconcileContext&) override {
    return runtime::ReconcileResult::RequeueAfter(1h);
  }
};

class IdleElector final : public runtime::LeaderElector {
 public:
  std::string Name() const override { return "platform-operator-lock"; }
  Status Start(runtime::LeaderCallbacks) override { return Status::Ok(); }
  void Stop() override {}
};

TEST(MetricsServerIntegrationTest, ServesParseableMetricsWithTheExpectedNames) {
  RealClock clock;
  metrics::Registry registry;
  registry.AddCollectable(std::make_shared<metrics::ProcessCollector>());
  metrics::RestClientMetrics rest(registry);
  rest.Observe(200, "GET", "127.0.0.1:6443");

  runtime::ControllerOptions options;
  options.name = "databasecluster";
  runtime::Controller controller(options, std::make_shared<OneShotReconciler>(), clock, registry,
                                 runtime::Logger::Discard(clock));
  controller.Enqueue({"prod", "db-1"});
  ASSERT_TRUE(controller.ProcessNextWorkItem());
  controller.queue().UpdateUnfinishedWork();
  runtime::Manager manager({}, clock, registry, runtime::Logger::Discard(clock));
  manager.SetLeaderElector(std::make_shared<IdleElector>());

  auto address = metrics::ParseBindAddress("127.0.0.1:0");
  ASSERT_TRUE(address.ok());
  auto server = metrics::MetricsServer::Start(*address, registry);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  ASSERT_GT((*server)->Port(), 0);

  const std::string base = "http://127.0.0.1:" + std::to_string((*server)->Port());
  HttpReply scrape = HttpGet(base, "/metrics");
  ASSERT_TRUE(scrape.error.empty()) << scrape.error;
  ASSERT_EQ(scrape.code, 200);

  const auto file = std::filesystem::temp_directory_path() /
                    ("po-metrics-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << scrape.body;

  // promtool parses and lints the exposition; it must come back clean.
  CommandOutput promtool = RunCommand("promtool check metrics < " + file.string());
  EXPECT_EQ(promtool.exit_code, 0) << "promtool exit " << promtool.exit_code << ":\n"
                                   << promtool.output;
  EXPECT_EQ(promtool.output.find("error while linting"), std::string::npos) << promtool.output;

  // prometheus_client's parser lists every family; a parse error exits non-zero.
  CommandOutput parsed = RunCommand(
      "python3 -c 'import sys\n"
      "from prometheus_client.parser import text_string_to_metric_families as parse\n"
      "for f in parse(open(sys.argv[1]).read()):\n"
      "    print(f.name, f.type, len(f.samples))' " +
      file.string());
  std::filesystem::remove(file);
  ASSERT_EQ(parsed.exit_code, 0) << parsed.output;

  std::set<std::string> families;
  std::istringstream lines(parsed.output);
  for (std::string name, type, count; lines >> name >> type >> count;) {
    families.insert(name + " " + type);
  }
  // prometheus_client names counter families without their _total suffix.
  const char* want[] = {
      "workqueue_depth gauge",
      "workqueue_adds counter",
      "workqueue_queue_duration_seconds histogram",
      "workqueue_work_duration_seconds histogram",
      "workqueue_unfinished_work_seconds gauge",
      "workqueue_longest_running_processor_seconds gauge",
      "workqueue_retries counter",
      "controller_runtime_reconcile counter",
      "controller_runtime_reconcile_errors counter",
      "controller_runtime_terminal_reconcile_errors counter",
      "controller_runtime_reconcile_panics counter",
      "controller_runtime_reconcile_time_seconds histogram",
      "controller_runtime_max_concurrent_reconciles gauge",
      "controller_runtime_active_workers gauge",
      "leader_election_master_status gauge",
      "rest_client_requests counter",
      "process_resident_memory_bytes gauge",
      "process_virtual_memory_bytes gauge",
      "process_cpu_seconds counter",
      "process_open_fds gauge",
      "process_max_fds gauge",
      "process_start_time_seconds gauge",
  };
  for (const char* family : want)
    EXPECT_TRUE(families.count(family)) << family << "\n" << parsed.output;

  // The exact series controller-runtime users alert on.
  for (const char* series : {
           "controller_runtime_reconcile_total{controller=\"databasecluster\",result="
           "\"requeue_after\"} 1",
           "controller_runtime_reconcile_total{controller=\"databasecluster\",result=\"success\"} "
           "0",
           "workqueue_adds_total{name=\"databasecluster\"} 1",
           "leader_election_master_status{name=\"platform-operator-lock\"} 0",
           "rest_client_requests_total{code=\"200\",host=\"127.0.0.1:6443\",method=\"GET\"} 1",
       }) {
    EXPECT_NE(scrape.body.find(series), std::string::npos) << series;
  }
}

TEST(MetricsServerIntegrationTest, DisabledAddressServesNothing) {
  metrics::Registry registry;
  auto address = metrics::ParseBindAddress("0");
  ASSERT_TRUE(address.ok());
  auto server = metrics::MetricsServer::Start(*address, registry);
  ASSERT_TRUE(server.ok());
  EXPECT_EQ((*server)->Port(), 0);
}

TEST(MetricsServerIntegrationTest, PortInUseIsAnError) {
  metrics::Registry registry;
  auto first = metrics::MetricsServer::Start({false, "127.0.0.1", 0}, registry);
  ASSERT_TRUE(first.ok());
  auto second = metrics::MetricsServer::Start({false, "127.0.0.1", (*first)->Port()}, registry);
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(second.status().message().rfind("while starting the metrics server on 127.0.0.1:", 0),
            0u)
      << second.status().message();
}

TEST(HealthServerIntegrationTest, ReadyzFailsUntilReadyWhileHealthzPasses) {
  metrics::HealthServer server;
  std::atomic<bool> synced{false};
  server.AddHealthzCheck("ping", [] { return Status::Ok(); });
  server.AddReadyzCheck("caches", [&] {
    return synced ? Status::Ok() : Unavailable("caches not synced: CacheCluster");
  });
  const int port = FreePort();
  ASSERT_GT(port, 0);
  ASSERT_TRUE(server.Start({false, "127.0.0.1", port}).ok());
  const std::string base = "http://127.0.0.1:" + std::to_string(port);

  HttpReply healthz = HttpGet(base, "/healthz");
  ASSERT_TRUE(healthz.error.empty()) << healthz.error;
  EXPECT_EQ(healthz.code, 200);
  EXPECT_EQ(healthz.body, "ok");

  HttpReply not_ready = HttpGet(base, "/readyz");
  EXPECT_EQ(not_ready.code, 500);
  EXPECT_EQ(not_ready.body,
            "[-]caches failed: caches not synced: CacheCluster\nreadyz check failed\n");

  synced = true;
  HttpReply ready = HttpGet(base, "/readyz");
  EXPECT_EQ(ready.code, 200);
  EXPECT_EQ(ready.body, "ok");
  EXPECT_EQ(HttpGet(base, "/readyz/caches").code, 200);
  EXPECT_EQ(HttpGet(base, "/nothing").code, 404);

  server.Stop();
  EXPECT_FALSE(HttpGet(base, "/healthz").error.empty()) << "stopped servers refuse connections";
}

TEST(HealthServerIntegrationTest, ManagerReadinessDrivesReadyz) {
  RealClock clock;
  metrics::Registry registry;
  runtime::Manager manager({}, clock, registry, runtime::Logger::Discard(clock));
  metrics::HealthServer server;
  server.AddReadyzCheck("caches-synced", [&] { return manager.CachesSynced(); });
  const int port = FreePort();
  ASSERT_TRUE(server.Start({false, "127.0.0.1", port}).ok());
  HttpReply reply = HttpGet("http://127.0.0.1:" + std::to_string(port), "/readyz");
  EXPECT_EQ(reply.code, 500);
  EXPECT_EQ(reply.body,
            "[-]caches-synced failed: the manager has not started\nreadyz check failed\n");
}

}  // namespace
}  // namespace po
