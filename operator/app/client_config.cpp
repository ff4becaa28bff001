// Resolves the Kubernetes client configuration and the Lease namespace.
#include "operator/app/client_config.h"

#include <sys/stat.h>

#include <sstream>

namespace po::app {
namespace {

Result<kube::RestConfig> LoadFile(const std::string& path, const ClientConfigSources& sources) {
  if (!sources.file_exists(path))
    return NotFound("cannot load kubeconfig " + path + ": no such file");
  auto config = kube::LoadKubeconfig(path);
  if (!config.ok()) {
    return Status(config.status().code(),
                  "cannot load kubeconfig " + path + ": " + config.status().message());
  }
  return config;
}

std::string Trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

ClientConfigSources ProcessClientConfigSources() {
  ClientConfigSources sources;
  sources.env = config::ProcessEnv();
  sources.file_exists = [](const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
  };
  sources.read_file = config::DiskReader();
  return sources;
}

Result<kube::RestConfig> LoadClientConfig(const std::string& kubeconfig_flag,
                                          const ClientConfigSources& sources) {
  if (!kubeconfig_flag.empty()) return LoadFile(kubeconfig_flag, sources);

  // $KUBECONFIG may list several files; the first one that exists is used.
  if (auto list = sources.env("KUBECONFIG"); list && !list->empty()) {
    std::istringstream paths(*list);
    std::string first;
    for (std::string path; std::getline(paths, path, ':');) {
      if (path.empty()) continue;
      if (first.empty()) first = path;
      if (sources.file_exists(path)) return LoadFile(path, sources);
    }
    if (!first.empty()) return LoadFile(first, sources);
  }

  if (auto host = sources.env("KUBERNETES_SERVICE_HOST"); host && !host->empty()) {
    auto config = kube::InClusterConfig(sources.in_cluster);
    if (!config.ok()) {
      return Status(config.status().code(),
                    "cannot load the in-cluster configuration: " + config.status().message());
    }
    return config;
  }

  if (auto home = sources.env("HOME"); home && !home->empty()) {
    const std::string path = *home + "/.kube/config";
    if (sources.file_exists(path)) return LoadFile(path, sources);
  }
  return NotFound(
      "no Kubernetes configuration found: pass --kubeconfig, set $KUBECONFIG, run in a cluster "
      "or create ~/.kube/config");
}

std::string LeaderElectionNamespace(const std::string& flag, const ClientConfigSources& sources) {
  if (!flag.empty()) return flag;
  if (auto text = sources.read_file(sources.in_cluster.namespace_file); text.ok()) {
    if (std::string ns = Trim(*text); !ns.empty()) return ns;
  }
  return "default";
}

}  // namespace po::app
