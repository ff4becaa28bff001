// Loads a RestConfig from a kubeconfig file (current or a named context) or from the in-cluster
// service account environment. Pure functions of their inputs (files and env read when called);
// safe to call from any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "operator/common/status.h"
#include "operator/kube/rest_config.h"

namespace po::kube {

// Parses kubeconfig YAML text. `base_dir` resolves relative file paths (certificate-authority,
// client-certificate, client-key, tokenFile, exec command) the way kubectl does. `context` empty =
// current-context. Files named by the kubeconfig are read now, their contents kept as PEM data
// (except tokenFile, which stays a file so that rotation is seen).
Result<RestConfig> ParseKubeconfig(std::string_view yaml_text, const std::string& base_dir,
                                   const std::string& context = "");

// Reads and parses the kubeconfig at `path`.
Result<RestConfig> LoadKubeconfig(const std::string& path, const std::string& context = "");

// Where the in-cluster configuration comes from; the defaults are the real locations.
struct InClusterSource {
  std::string token_file = "/var/run/secrets/kubernetes.io/serviceaccount/token";
  std::string ca_file = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
  std::string namespace_file = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
  // KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT; read from the process env when empty.
  std::map<std::string, std::string> env;
};

// client-go's rest.InClusterConfig: server from KUBERNETES_SERVICE_HOST/PORT, bearer token file
// (re-read when rotated), CA from ca.crt, namespace from the namespace file.
Result<RestConfig> InClusterConfig(const InClusterSource& source = {});

// Reads a whole file; NotFound when it cannot be opened.
Result<std::string> ReadFile(const std::string& path);

}  // namespace po::kube
