// Kubeconfig and in-cluster configuration loading.
#include "operator/kube/kubeconfig.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "operator/kube/base64.h"

namespace po::kube {
namespace {

std::string Scalar(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  if (!value || !value.IsScalar()) return "";
  return value.as<std::string>();
}

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || path[0] == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

// Finds the entry `name` in a named list (clusters, users, contexts) and returns its `field` map.
Result<YAML::Node> FindNamed(const YAML::Node& root, const char* list, const char* field,
                             const std::string& name) {
  const YAML::Node items = root[list];
  if (items && items.IsSequence()) {
    for (const auto& item : items) {
      if (Scalar(item, "name") == name) {
        YAML::Node value = item[field];
        if (!value) return YAML::Node(YAML::NodeType::Map);
        return value;
      }
    }
  }
  return NotFound(std::string("kubeconfig has no ") + field + " named \"" + name + "\"");
}

// PEM from `<key>-data` (base64) or from the file `<key>`.
Result<std::string> DataOrFile(const YAML::Node& node, const std::string& key,
                               const std::string& base_dir) {
  std::string data = Scalar(node, (key + "-data").c_str());
  if (!data.empty()) {
    auto decoded = Base64Decode(data);
    if (!decoded.ok()) return decoded.status().WithContext("decoding " + key + "-data");
    return decoded;
  }
  std::string file = Scalar(node, key.c_str());
  if (file.empty()) return std::string();
  auto contents = ReadFile(Resolve(base_dir, file));
  if (!contents.ok()) return contents.status().WithContext("reading " + key);
  return contents;
}

Status ParseExec(const YAML::Node& exec, const std::string& base_dir, ExecConfig& out) {
  out.api_version = Scalar(exec, "apiVersion");
  if (out.api_version != "client.authentication.k8s.io/v1" &&
      out.api_version != "client.authentication.k8s.io/v1beta1") {
    return InvalidArgument("exec plugin apiVersion \"" + out.api_version +
                           "\" is not client.authentication.k8s.io/v1 or v1beta1");
  }
  out.command = Scalar(exec, "command");
  if (out.command.empty()) return InvalidArgument("exec plugin has no command");
  // kubectl resolves a command containing a path separator relative to the kubeconfig's folder.
  if (out.command.find('/') != std::string::npos) out.command = Resolve(base_dir, out.command);
  if (const YAML::Node args = exec["args"]; args && args.IsSequence()) {
    for (const auto& arg : args) out.args.push_back(arg.as<std::string>());
  }
  if (const YAML::Node env = exec["env"]; env && env.IsSequence()) {
    for (const auto& var : env) out.env.emplace_back(Scalar(var, "name"), Scalar(var, "value"));
  }
  out.interactive_mode = Scalar(exec, "interactiveMode");
  if (const YAML::Node p = exec["provideClusterInfo"]; p && p.IsScalar()) {
    out.provide_cluster_info = p.as<bool>();
  }
  return Status::Ok();
}

Result<RestConfig> ParseKubeconfigNode(const YAML::Node& root, const std::string& base_dir,
                                       const std::string& context_name) {
  std::string name = context_name.empty() ? Scalar(root, "current-context") : context_name;
  if (name.empty()) return InvalidArgument("kubeconfig has no current-context");
  PO_ASSIGN_OR_RETURN(YAML::Node context, FindNamed(root, "contexts", "context", name));
  RestConfig config;
  if (std::string ns = Scalar(context, "namespace"); !ns.empty()) config.default_namespace = ns;

  PO_ASSIGN_OR_RETURN(YAML::Node cluster,
                      FindNamed(root, "clusters", "cluster", Scalar(context, "cluster")));
  config.server = Scalar(cluster, "server");
  while (!config.server.empty() && config.server.back() == '/') config.server.pop_back();
  if (config.server.empty()) return InvalidArgument("cluster \"" + name + "\" has no server");
  if (const YAML::Node insecure = cluster["insecure-skip-tls-verify"]; insecure) {
    config.insecure_skip_tls_verify = insecure.as<bool>();
  }
  PO_ASSIGN_OR_RETURN(config.ca_pem, DataOrFile(cluster, "certificate-authority", base_dir));

  std::string user_name = Scalar(context, "user");
  if (!user_name.empty()) {
    PO_ASSIGN_OR_RETURN(YAML::Node user, FindNamed(root, "users", "user", user_name));
    PO_ASSIGN_OR_RETURN(config.client_cert_pem, DataOrFile(user, "client-certificate", base_dir));
    PO_ASSIGN_OR_RETURN(config.client_key_pem, DataOrFile(user, "client-key", base_dir));
    if (config.client_cert_pem.empty() != config.client_key_pem.empty()) {
      return InvalidArgument("user \"" + user_name +
                             "\" has a client certificate without a key, or a key without one");
    }
    config.bearer_token = Scalar(user, "token");
    if (std::string file = Scalar(user, "tokenFile"); !file.empty()) {
      config.bearer_token_file = Resolve(base_dir, file);
    }
    if (const YAML::Node exec = user["exec"]; exec && exec.IsMap()) {
      PO_RETURN_IF_ERROR(
          ParseExec(exec, base_dir, config.exec).WithContext("reading user " + user_name));
      config.has_exec = true;
    }
  }
  return config;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

Result<RestConfig> ParseKubeconfig(std::string_view yaml_text, const std::string& base_dir,
                                   const std::string& context) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    if (!root.IsMap()) return InvalidArgument("kubeconfig is not a YAML mapping");
    return ParseKubeconfigNode(root, base_dir, context);
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("malformed kubeconfig: ") + e.what());
  }
}

Result<RestConfig> LoadKubeconfig(const std::string& path, const std::string& context) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status().WithContext("loading kubeconfig");
  auto slash = path.find_last_of('/');
  std::string base_dir = slash == std::string::npos ? "." : path.substr(0, slash);
  auto config = ParseKubeconfig(*text, base_dir, context);
  if (!config.ok()) return config.status().WithContext("loading kubeconfig " + path);
  return config;
}

Result<RestConfig> InClusterConfig(const InClusterSource& source) {
  auto env = [&source](const char* name) -> std::string {
    if (auto it = source.env.find(name); it != source.env.end()) return it->second;
    if (!source.env.empty()) return "";
    const char* value = std::getenv(name);
    return value ? value : "";
  };
  std::string host = env("KUBERNETES_SERVICE_HOST");
  std::string port = env("KUBERNETES_SERVICE_PORT");
  if (host.empty() || port.empty()) {
    return FailedPrecondition(
        "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be "
        "set");
  }
  RestConfig config;
  // An IPv6 host is bracketed, as net.JoinHostPort does.
  std::string authority = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  config.server = "https://" + authority + ":" + port;
  if (!ReadFile(source.token_file).ok()) {
    return NotFound("in-cluster token file " + source.token_file + " is not readable");
  }
  config.bearer_token_file = source.token_file;
  auto ca = ReadFile(source.ca_file);
  if (!ca.ok()) return ca.status().WithContext("reading the in-cluster CA");
  config.ca_pem = *ca;
  if (auto ns = ReadFile(source.namespace_file); ns.ok()) {
    std::string value = *ns;
    while (!value.empty() && (value.back() == '\n' || value.back() == ' ')) value.pop_back();
    if (!value.empty()) config.default_namespace = value;
  }
  return config;
}

}  // namespace po::kube
