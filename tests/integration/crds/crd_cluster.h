// The project's CRDs on the harness's kube-apiserver, and throwaway namespaces to send custom
// resources to, for the CRD tests. Everything goes through the harness's kubectl.
// Not thread-safe: use one TestNamespace per test.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "operator/common/status.h"
#include "tests/support/harness_env.h"

namespace po::testing::crds {

// The CRD object names, one per kind.
inline const std::vector<std::string> kCrdNames = {
    "metricsplatforms.platform.startup-metrics.com",
    "databaseclusters.platform.startup-metrics.com",
    "cacheclusters.platform.startup-metrics.com",
};

// The repository's crds/ folder.
std::string CrdsDir();

// Runs `kubectl apply -f crds/` (retrying briefly if a concurrent create races it) and waits until
// every CRD is Established. Returns the output of the apply.
Result<std::string> InstallCrds();

// Base of a parameterised test suite that needs the CRDs: the suite installs them once, and every
// test fails at once, with the reason, when that failed.
template <typename Param>
class CrdsInstalledTest : public ::testing::TestWithParam<Param> {
 protected:
  static void SetUpTestSuite() {
    auto installed = InstallCrds();
    install_error_ = installed.ok() ? "" : installed.status().ToString();
  }
  void SetUp() override { ASSERT_EQ(install_error_, ""); }

 private:
  static inline std::string install_error_;
};

// A namespace with a unique name, created on construction and deleted (without waiting) on
// destruction. ok() is false, with the reason in error(), when it could not be created.
class TestNamespace {
 public:
  explicit TestNamespace(std::string_view prefix);
  ~TestNamespace();
  TestNamespace(const TestNamespace&) = delete;
  TestNamespace& operator=(const TestNamespace&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }

  // `kubectl apply --validate=strict -n <ns>` of one manifest given as text; with dry_run the
  // apiserver validates and defaults it without storing it (--dry-run=server).
  CommandResult Apply(std::string_view manifest, bool dry_run) const;

  // `kubectl <args> -n <ns>`.
  CommandResult Kubectl(std::string_view args) const;

  // `kubectl get <resource> -n <ns> -o json`, parsed.
  Result<nlohmann::json> GetJson(std::string_view resource) const;

 private:
  std::string name_;
  std::string error_;
};

}  // namespace po::testing::crds
