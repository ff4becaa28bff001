// Installs the CRDs on the harness's apiserver and manages throwaway namespaces through kubectl.
#include "tests/integration/crds/crd_cluster.h"

#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

namespace po::testing::crds {
namespace {

// Wraps a manifest as a here-document for a shell command's stdin.
std::string HereDocument(std::string_view text) {
  return " <<'PO_MANIFEST_END'\n" + std::string(text) + "\nPO_MANIFEST_END\n";
}

std::string UniqueSuffix() {
  std::random_device random;
  std::uniform_int_distribution<int> digit(0, 35);
  std::string suffix = std::to_string(::getpid()) + "-";
  for (int i = 0; i < 5; ++i) {
    int d = digit(random);
    suffix += static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
  }
  return suffix;
}

}  // namespace

std::string CrdsDir() {
  return RepoRoot() + "/crds";
}

Result<std::string> InstallCrds() {
  CommandResult apply;
  for (int attempt = 0; attempt < 3; ++attempt) {
    // Server-side, as the harness installs them, so re-applying never conflicts or warns.
    apply = RunWithHarness("kubectl apply --server-side --field-manager=harness -f '" + CrdsDir() +
                           "/'");
    if (apply.exit_code == 0) break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  if (apply.exit_code != 0) {
    return FailedPrecondition("kubectl apply -f crds/ failed: " + apply.output);
  }
  std::string names;
  for (const auto& crd : kCrdNames) names += " crd/" + crd;
  auto wait = RunWithHarness("kubectl wait --for=condition=Established --timeout=60s" + names);
  if (wait.exit_code != 0) {
    return FailedPrecondition("the CRDs did not become Established: " + wait.output);
  }
  return apply.output;
}

TestNamespace::TestNamespace(std::string_view prefix)
    : name_(std::string(prefix) + "-" + UniqueSuffix()) {
  auto create = RunWithHarness("kubectl create namespace " + name_);
  if (create.exit_code != 0) error_ = "cannot create namespace " + name_ + ": " + create.output;
}

TestNamespace::~TestNamespace() {
  if (ok()) RunWithHarness("kubectl delete namespace " + name_ + " --wait=false");
}

CommandResult TestNamespace::Apply(std::string_view manifest, bool dry_run) const {
  std::string command = "kubectl apply --validate=strict -n " + name_;
  if (dry_run) command += " --dry-run=server";
  return RunWithHarness(command + " -f -" + HereDocument(manifest));
}

CommandResult TestNamespace::Kubectl(std::string_view args) const {
  return RunWithHarness("kubectl " + std::string(args) + " -n " + name_);
}

Result<nlohmann::json> TestNamespace::GetJson(std::string_view resource) const {
  auto get = Kubectl("get " + std::string(resource) + " -o json");
  if (get.exit_code != 0)
    return NotFound("kubectl get " + std::string(resource) + ": " + get.output);
  try {
    return nlohmann::json::parse(get.output);
  } catch (const nlohmann::json::exception& e) {
    return Internal("kubectl get " + std::string(resource) + " printed invalid JSON: " + e.what());
  }
}

}  // namespace po::testing::crds
