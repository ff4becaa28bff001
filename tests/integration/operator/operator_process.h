// A platform-operator process started by a test: fork/exec of the real binary with its output in a
// log file, free loopback ports for /metrics and the probes, plain HTTP GETs against them, signals
// and a bounded wait for its exit. One object per process; not thread-safe.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace po::testing {

// A loopback port nothing listens on right now.
int FreePort();

struct HttpReply {
  int code = 0;  // 0 when no response arrived
  std::string body;
  std::string error;  // why no response arrived
};
// GET http://127.0.0.1:<port><path> with a 5 s timeout.
HttpReply HttpGet(int port, const std::string& path);

class OperatorProcess {
 public:
  // Starts the binary with --metrics-bind-address/--health-probe-bind-address on free loopback
  // ports, --log-format=json, and `args`. `label` names its log file.
  OperatorProcess(const std::string& binary, const std::string& label,
                  const std::vector<std::string>& args);
  ~OperatorProcess();  // SIGKILLs a process still running

  pid_t pid() const { return pid_; }
  int metrics_port() const { return metrics_port_; }
  int health_port() const { return health_port_; }

  void Signal(int signal);
  // Waits up to `timeout` for the process to exit; its exit code (128+signal when killed).
  std::optional<int> WaitExit(std::chrono::milliseconds timeout);
  bool Running();

  // The log written so far, and its JSON lines.
  std::string Log() const;
  std::vector<nlohmann::json> LogLines() const;
  // The "identity" field of the "Leader election enabled" line, "" before it is written.
  std::string Identity() const;
  // The value of leader_election_master_status from /metrics, or nullopt when unreachable.
  std::optional<double> MasterStatus() const;

 private:
  pid_t pid_ = -1;
  int metrics_port_ = 0;
  int health_port_ = 0;
  std::string log_path_;
  std::optional<int> exit_code_;
};

}  // namespace po::testing
