// Builds the restricted ServiceAccount identity from the chart's RBAC rules.
#include "tests/integration/operator/restricted_identity.h"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "operator/kube/kubeconfig.h"
#include "operator/kube/resource.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

const kube::ResourceRef kClusterRoles{"rbac.authorization.k8s.io", "v1", "clusterroles",
                                      "ClusterRole", false};
const kube::ResourceRef kClusterRoleBindings{"rbac.authorization.k8s.io", "v1",
                                             "clusterrolebindings", "ClusterRoleBinding", false};

nlohmann::json ToJson(const YAML::Node& node) {
  if (node.IsSequence()) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : node) array.push_back(ToJson(item));
    return array;
  }
  if (node.IsMap()) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& item : node) object[item.first.as<std::string>()] = ToJson(item.second);
    return object;
  }
  if (node.IsNull()) return nullptr;
  return node.as<std::string>();
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

Result<nlohmann::json> ChartRbacRules() {
  const std::string path = RepoRoot() + "/charts/platform-operator/files/rbac-rules.yaml";
  try {
    nlohmann::json rules = ToJson(YAML::LoadFile(path));
    if (!rules.is_array() || rules.empty()) return InvalidArgument(path + " holds no rule list");
    return rules;
  } catch (const YAML::Exception& e) {
    return InvalidArgument("cannot read " + path + ": " + e.what());
  }
}

Status RestrictedIdentity::Bind(const std::string& role_name, const nlohmann::json& rules) {
  nlohmann::json role = {{"apiVersion", "rbac.authorization.k8s.io/v1"},
                         {"kind", "ClusterRole"},
                         {"metadata", {{"name", role_name}}},
                         {"rules", rules}};
  PO_RETURN_IF_ERROR(admin_.Create(kClusterRoles, "", role).status());
  cluster_objects_.push_back("clusterroles/" + role_name);
  nlohmann::json binding = {
      {"apiVersion", "rbac.authorization.k8s.io/v1"},
      {"kind", "ClusterRoleBinding"},
      {"metadata", {{"name", role_name}}},
      {"roleRef",
       {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"}, {"name", role_name}}},
      {"subjects", {{{"kind", "ServiceAccount"}, {"name", name_}, {"namespace", ns_}}}}};
  PO_RETURN_IF_ERROR(admin_.Create(kClusterRoleBindings, "", binding).status());
  cluster_objects_.push_back("clusterrolebindings/" + role_name);
  return Status::Ok();
}

Result<std::unique_ptr<RestrictedIdentity>> RestrictedIdentity::Create(
    kube::KubeClient& admin, const std::string& ns, const std::string& name,
    const nlohmann::json& extra_rules) {
  std::unique_ptr<RestrictedIdentity> identity(new RestrictedIdentity(admin, ns, name));
  PO_ASSIGN_OR_RETURN(nlohmann::json rules, ChartRbacRules());
  nlohmann::json account = {{"apiVersion", "v1"},
                            {"kind", "ServiceAccount"},
                            {"metadata", {{"name", name}, {"namespace", ns}}}};
  PO_RETURN_IF_ERROR(admin.Create(kube::ServiceAccounts(), ns, account).status());
  PO_RETURN_IF_ERROR(identity->Bind(ns + "-" + name, rules));
  if (!extra_rules.empty()) {
    PO_RETURN_IF_ERROR(identity->Bind(ns + "-" + name + "-test-only", extra_rules));
  }

  CommandResult token =
      RunWithHarness("kubectl create token " + name + " -n " + ns + " --duration=2h 2>/dev/null");
  if (token.exit_code != 0 || Trim(token.output).empty()) {
    return Internal("kubectl create token failed (exit " + std::to_string(token.exit_code) + ")");
  }
  identity->kubeconfig_path_ = "/tmp/po-it-" + ns + "-" + name + ".kubeconfig";
  {
    std::ofstream out(identity->kubeconfig_path_);
    out << "apiVersion: v1\nkind: Config\n"
        << "clusters:\n- name: harness\n  cluster:\n    server: "
        << HarnessVar("KUBE_APISERVER_URL")
        << "\n    certificate-authority: " << HarnessVar("KUBE_CA_FILE") << "\n"
        << "users:\n- name: " << name << "\n  user:\n    token: " << Trim(token.output) << "\n"
        << "contexts:\n- name: " << name << "\n  context:\n    cluster: harness\n    user: " << name
        << "\n    namespace: " << ns << "\n"
        << "current-context: " << name << "\n";
  }
  PO_ASSIGN_OR_RETURN(identity->config_, kube::LoadKubeconfig(identity->kubeconfig_path_));

  // RBAC reaches the authorizer through its informers: wait until the account may list.
  const std::string can_i =
      "kubectl --kubeconfig " + identity->kubeconfig_path_ + " auth can-i list configmaps -n " + ns;
  for (int i = 0; i < 100; ++i) {
    if (RunWithHarness(can_i).exit_code == 0) return identity;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return Unavailable("the ServiceAccount's permissions did not take effect within 10 s");
}

Status RestrictedIdentity::Revoke() {
  for (const auto& object : cluster_objects_) {
    const auto slash = object.find('/');
    if (object.substr(0, slash) != "clusterrolebindings") continue;
    PO_RETURN_IF_ERROR(admin_.Delete(kClusterRoleBindings, "", object.substr(slash + 1)));
  }
  return Status::Ok();
}

RestrictedIdentity::~RestrictedIdentity() {
  for (const auto& object : cluster_objects_) {
    const auto slash = object.find('/');
    const auto& resource =
        object.substr(0, slash) == "clusterroles" ? kClusterRoles : kClusterRoleBindings;
    (void)admin_.Delete(resource, "", object.substr(slash + 1));
  }
  if (!kubeconfig_path_.empty()) std::remove(kubeconfig_path_.c_str());
}

}  // namespace po::testing
