// Shared setup for the kube integration tests: a REST client on the harness's admin kubeconfig,
// throwaway namespaces, and small polling helpers. Not thread-safe (one per test).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_kube_client.h"
#include "tests/support/harness_env.h"

namespace po::kube::testing {

// A client for the harness apiserver, or a failed test when the harness is absent.
inline std::unique_ptr<RestKubeClient> HarnessClient(Clock& clock, CommandRunner& runner,
                                                     RequestObserver* observer = nullptr) {
  std::string kubeconfig = po::testing::HarnessVar("KUBECONFIG");
  if (kubeconfig.empty()) return nullptr;
  auto config = LoadKubeconfig(kubeconfig);
  if (!config.ok()) {
    ADD_FAILURE() << config.status().ToString();
    return nullptr;
  }
  return MakeRestKubeClient(*config, clock, runner, observer);
}

// Creates a namespace named after the test (plus the pid) and deletes it on destruction.
class ScopedNamespace {
 public:
  ScopedNamespace(KubeClient& client, const std::string& prefix) : client_(client) {
    name_ = prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(counter_++);
    Json ns = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name_}}}};
    auto created = client_.Create(Namespaces(), "", ns);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
  }
  ~ScopedNamespace() { (void)client_.Delete(Namespaces(), "", name_); }
  const std::string& name() const { return name_; }

 private:
  KubeClient& client_;
  std::string name_;
  static inline int counter_ = 0;
};

// Polls `done` every 50 ms until it is true or `timeout` passes; returns the last answer.
inline bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

inline Json ConfigMap(const std::string& ns, const std::string& name,
                      const std::string& value = "v") {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", ns}}},
          {"data", {{"key", value}}}};
}

// This process's resident set size in MiB (VmRSS from /proc/self/status).
inline double RssMiB() {
  auto status = ReadFile("/proc/self/status");
  if (!status.ok()) return -1;
  auto pos = status->find("VmRSS:");
  if (pos == std::string::npos) return -1;
  return std::stod(status->substr(pos + 6)) / 1024.0;
}

}  // namespace po::kube::testing
