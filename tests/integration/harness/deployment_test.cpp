// The local control plane schedules real workloads: a Deployment reaches Available on the kwok
// nodes, its pods spread over the three zones, and a PodDisruptionBudget is evaluated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using ::testing::HasSubstr;

class DeploymentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(RequireHarness().empty());
    ns_ = "harness-deploy-" + std::to_string(::getpid());
    auto r = RunWithHarness("kubectl create namespace " + ns_);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  void TearDown() override { RunWithHarness("kubectl delete namespace " + ns_ + " --wait=false"); }

  std::string ns_;
};

TEST_F(DeploymentTest, ReachesAvailableSpreadOverZones) {
  const std::string manifest = R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector: {matchLabels: {app: web}}
      containers:
      - name: web
        image: registry.example/web:1.0
        resources: {requests: {cpu: 100m, memory: 64Mi}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
)";
  auto apply = RunWithHarness("kubectl apply -n " + ns_ + " -f - <<'EOF'\n" + manifest + "\nEOF");
  ASSERT_EQ(apply.exit_code, 0) << apply.output;

  auto wait = RunWithHarness("kubectl wait -n " + ns_ +
                             " --for=condition=Available --timeout=120s deployment/web");
  ASSERT_EQ(wait.exit_code, 0) << wait.output;

  auto pods = RunWithHarness("kubectl get pods -n " + ns_ + " -l app=web -o json");
  ASSERT_EQ(pods.exit_code, 0) << pods.output;
  auto items = nlohmann::json::parse(pods.output)["items"];
  ASSERT_EQ(items.size(), 3u);
  std::set<std::string> nodes;
  for (const auto& pod : items) {
    EXPECT_EQ(pod["status"]["phase"], "Running");
    nodes.insert(pod["spec"]["nodeName"].get<std::string>());
  }
  // One pod per zone: the three kwok nodes are in us-east-1a, b and c.
  EXPECT_EQ(nodes,
            (std::set<std::string>{"kwok-us-east-1a", "kwok-us-east-1b", "kwok-us-east-1c"}));

  auto pdb = RunWithHarness("for i in $(seq 1 60); do kubectl get pdb web -n " + ns_ +
                            " -o jsonpath='{.status.currentHealthy}/{.status.disruptionsAllowed}'"
                            " | grep -qx '3/1' && echo evaluated && exit 0; sleep 1; done; "
                            "kubectl get pdb web -n " +
                            ns_ + " -o yaml");
  EXPECT_THAT(pdb.output, HasSubstr("evaluated"));
}

}  // namespace
}  // namespace po::testing
