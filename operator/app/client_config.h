// Where the operator's Kubernetes connection and its Lease namespace come from, in
// controller-runtime's order: --kubeconfig, else $KUBECONFIG, else the in-cluster service account,
// else ~/.kube/config; the Lease namespace from --leader-election-namespace, else the in-cluster
// namespace file, else "default". Pure functions of the injected sources; thread-safe.
#pragma once

#include <functional>
#include <string>

#include "operator/common/status.h"
#include "operator/config/config.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_config.h"

namespace po::app {

struct ClientConfigSources {
  // Reads KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST.
  config::EnvLookup env;
  // Whether a path names an existing file.
  std::function<bool(const std::string&)> file_exists;
  // Reads a whole file (the in-cluster namespace file).
  config::FileReader read_file;
  // The service-account file locations.
  kube::InClusterSource in_cluster;
};

// The real environment and file system.
ClientConfigSources ProcessClientConfigSources();

// The RestConfig to use. Errors are one line, e.g. "cannot load kubeconfig /x: no such file".
Result<kube::RestConfig> LoadClientConfig(const std::string& kubeconfig_flag,
                                          const ClientConfigSources& sources);

// The namespace of the leader-election Lease.
std::string LeaderElectionNamespace(const std::string& flag, const ClientConfigSources& sources);

}  // namespace po::app
