// The operator's least-privilege identity on the harness apiserver: a ServiceAccount bound to a
// ClusterRole built from charts/platform-operator/files/rbac-rules.yaml (the Helm chart's rules),
// plus optional test-only rules bound through a second ClusterRole, and a kubeconfig carrying the
// account's token. Created with admin credentials; deleted on destruction. Not thread-safe.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "operator/common/status.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/rest_config.h"

namespace po::testing {

// The chart's rules file as a JSON array of PolicyRules.
Result<nlohmann::json> ChartRbacRules();

class RestrictedIdentity {
 public:
  // `admin` must outlive the identity. `ns` must exist; the ServiceAccount is created there.
  // `extra_rules` (a JSON array, may be empty) is bound through a separate test-only ClusterRole.
  static Result<std::unique_ptr<RestrictedIdentity>> Create(
      kube::KubeClient& admin, const std::string& ns, const std::string& name,
      const nlohmann::json& extra_rules = nlohmann::json::array());
  ~RestrictedIdentity();

  const std::string& KubeconfigPath() const { return kubeconfig_path_; }
  const kube::RestConfig& Config() const { return config_; }
  const std::string& Namespace() const { return ns_; }
  // Deletes the ClusterRoleBindings: the account loses every permission.
  Status Revoke();

 private:
  RestrictedIdentity(kube::KubeClient& admin, std::string ns, std::string name)
      : admin_(admin), ns_(std::move(ns)), name_(std::move(name)) {}
  Status Bind(const std::string& role_name, const nlohmann::json& rules);

  kube::KubeClient& admin_;
  std::string ns_;
  std::string name_;
  std::vector<std::string> cluster_objects_;  // ClusterRoles and ClusterRoleBindings created
  std::string kubeconfig_path_;
  kube::RestConfig config_;
};

}  // namespace po::testing
