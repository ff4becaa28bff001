// Measures informer sync time and memory against the harness apiserver: creates N ConfigMaps
// (default 10,000; first argument overrides) in a fresh namespace, then times an informer from
// Start() to HasSynced() and reports VmRSS. Prints figures; not a test. Needs the harness env
// (PLATFORM_OPERATOR_HARNESS_ENV or <repo>/.harness.env) exported, e.g. via `source`.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/informer.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_kube_client.h"

namespace {

using namespace po::kube;

double RssMiB() {
  auto status = ReadFile("/proc/self/status");
  if (!status.ok()) return -1;
  auto pos = status->find("VmRSS:");
  return pos == std::string::npos ? -1 : std::stod(status->substr(pos + 6)) / 1024.0;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  const char* kubeconfig = std::getenv("KUBECONFIG");
  if (!kubeconfig || !*kubeconfig) {
    std::fprintf(stderr, "KUBECONFIG is not set: source the harness env file first\n");
    return 2;
  }
  auto config = LoadKubeconfig(kubeconfig);
  if (!config.ok()) {
    std::fprintf(stderr, "%s\n", config.status().ToString().c_str());
    return 2;
  }
  po::RealClock clock;
  RealRandom random;
  RealCommandRunner runner;
  auto client = MakeRestKubeClient(*config, clock, runner);
  std::string ns = "kube-bench-" + std::to_string(getpid());
  if (auto made = client->Create(
          Namespaces(), "",
          {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}});
      !made.ok()) {
    std::fprintf(stderr, "%s\n", made.status().ToString().c_str());
    return 1;
  }

  auto start = std::chrono::steady_clock::now();
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      for (int i = w; i < count; i += 8) {
        Json cm = {{"apiVersion", "v1"},
                   {"kind", "ConfigMap"},
                   {"metadata", {{"name", "cm-" + std::to_string(i)}, {"namespace", ns}}},
                   {"data", {{"key", std::string(200, 'x')}}}};
        if (!client->Create(ConfigMaps(), ns, cm).ok()) ++failures;
      }
    });
  }
  for (auto& t : writers) t.join();
  std::printf("created %d ConfigMaps (%d failed) in %.1f s\n", count, failures.load(),
              Seconds(start));

  double rss_before = RssMiB();
  std::atomic<int> adds{0};
  Informer informer(std::make_unique<ClientListerWatcher>(*client, ConfigMaps(), ns), clock,
                    random);
  informer.AddEventHandlers({[&](const ObjectPtr&) { ++adds; }, nullptr, nullptr});
  start = std::chrono::steady_clock::now();
  informer.Start();
  bool synced = informer.WaitForSync(std::chrono::minutes(5));
  double sync_s = Seconds(start);
  std::printf("informer sync of %zu objects: %s in %.3f s (%d adds delivered)\n",
              informer.GetStore().Size(), synced ? "synced" : "NOT synced", sync_s, adds.load());
  std::printf("VmRSS: %.1f MiB after sync (%.1f MiB before the informer)\n", RssMiB(), rss_before);
  informer.Stop();

  (void)client->Delete(Namespaces(), "", ns);
  return synced && failures.load() == 0 ? 0 : 1;
}
