// How to reach and authenticate to one apiserver: the resolved form of a kubeconfig context or of
// the in-cluster service account. Plain value; safe to copy and share between threads.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace po::kube {

// A client-go `exec` credential plugin (client.authentication.k8s.io/v1 or v1beta1).
struct ExecConfig {
  std::string api_version;  // e.g. "client.authentication.k8s.io/v1"
  std::string command;      // resolved against the kubeconfig's folder when relative with a '/'
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;  // added to the inherited environment
  std::string interactive_mode;  // "Never" | "IfAvailable" | "Always" (only informational here)
  bool provide_cluster_info = false;
};

struct RestConfig {
  // "https://host:port" (no trailing slash).
  std::string server;
  // TLS: PEM data (files are read when the config is loaded). Empty CA = the system trust store.
  std::string ca_pem;
  std::string client_cert_pem;
  std::string client_key_pem;
  // Never verify the server's certificate (kubeconfig `insecure-skip-tls-verify: true`). Default
  // off.
  bool insecure_skip_tls_verify = false;
  // A static bearer token, or a file re-read when it changes (at most every token_file_refresh).
  std::string bearer_token;
  std::string bearer_token_file;
  std::chrono::seconds token_file_refresh{60};
  // An exec credential plugin; used when set.
  bool has_exec = false;
  ExecConfig exec;
  // The namespace of the context (or of the service account in-cluster); "default" when unset.
  std::string default_namespace = "default";
  // Per-request timeout for non-watch calls. Default 30 s.
  std::chrono::seconds request_timeout{30};
  // The User-Agent header. Default "platform-operator".
  std::string user_agent = "platform-operator";
};

}  // namespace po::kube
