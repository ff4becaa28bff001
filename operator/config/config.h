// Config: every setting of the operator process, with its default, and the parser that builds it
// from a YAML file, the environment and command-line flags (flag > environment > file > default).
// Plain value type; parse once at start-up, then share read-only.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "operator/common/status.h"

namespace po::config {

struct Config {
  // Path to a kubeconfig; empty means $KUBECONFIG, then in-cluster, then ~/.kube/config.
  std::string kubeconfig;
  // Namespace to watch; empty means all namespaces.
  std::string namespace_;
  // Address for /metrics, "host:port" or ":port"; "0" disables the endpoint.
  std::string metrics_bind_address = ":8080";
  // Address for /healthz and /readyz; "0" disables the endpoint.
  std::string health_probe_bind_address = ":8081";
  // Run only while holding the leader-election Lease (set for more than one replica).
  bool leader_elect = false;
  // Namespace of the Lease; empty means the namespace the operator runs in (or "default").
  std::string leader_election_namespace;
  // Name of the Lease object.
  std::string leader_election_id = "platform-operator.platform.startup-metrics.com";
  // How long a Lease is valid without renewal.
  std::chrono::milliseconds leader_election_lease_duration{15'000};
  // How long the leader keeps trying to renew before giving up leadership.
  std::chrono::milliseconds leader_election_renew_deadline{10'000};
  // How often candidates retry acquiring or renewing.
  std::chrono::milliseconds leader_election_retry_period{2'000};
  // Default AWS region for calls that name none; empty means $AWS_REGION, then us-east-1.
  std::string aws_region;
  // Endpoint for every AWS service (e.g. a local emulator); per-service AWS_ENDPOINT_URL_<SERVICE>
  // environment variables still win for their service.
  std::string aws_endpoint_url;
  // How often every watched object is reconciled even without changes (jittered by 10 %).
  std::chrono::milliseconds resync_period{10LL * 60 * 60 * 1000};
  // Worker threads per controller.
  int max_concurrent_reconciles = 1;
  // "json" or "text".
  std::string log_format = "json";
  // "trace", "debug", "info", "warn" or "error".
  std::string log_level = "info";
  // The YAML file the settings were read from, if any.
  std::string config_file;
};

// What the command line asked for: run with a config, or print help/version and exit.
struct Invocation {
  enum class Action { kRun, kHelp, kVersion };
  Action action = Action::kRun;
  Config config;
};

// Reads environment variables; injectable for tests.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
// Reads a whole file; injectable for tests.
using FileReader = std::function<Result<std::string>(const std::string&)>;

EnvLookup ProcessEnv();
FileReader DiskReader();

// Parses argv (without the program name). Errors are one line, ready to print, e.g.
// "unknown flag --foo (see --help)" or "invalid value \"x\" for --resync-period: ...".
Result<Invocation> ParseCommandLine(const std::vector<std::string>& args, const EnvLookup& env,
                                    const FileReader& read_file);

// The text printed by --help.
std::string HelpText();

// Parses a Go-style duration ("10h", "1m30s", "500ms", "2s"); must be positive.
Result<std::chrono::milliseconds> ParseDuration(const std::string& text);
std::string FormatDuration(std::chrono::milliseconds d);

// Splits "host:port" / ":port" into its parts; "0" is accepted as "disabled" (returns port 0).
struct BindAddress {
  std::string host;  // empty means all interfaces
  int port = 0;      // 0 means disabled
};
Result<BindAddress> ParseBindAddress(const std::string& text);

}  // namespace po::config
