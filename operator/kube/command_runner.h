// Runs an external command and captures its standard output — the side effect behind exec
// credential plugins. RealCommandRunner is stateless and thread-safe; FakeCommandRunner records
// every call and is thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "operator/common/status.h"

namespace po::kube {

using EnvVars = std::vector<std::pair<std::string, std::string>>;

struct CommandOutput {
  int exit_code = -1;
  std::string stdout_text;
};

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  // Runs `command` (searched in PATH when it has no '/') with `args`, the inherited environment
  // plus `extra_env`. Standard error passes through to ours. Unavailable when it cannot start.
  virtual Result<CommandOutput> Run(const std::string& command,
                                    const std::vector<std::string>& args,
                                    const EnvVars& extra_env) = 0;
};

class RealCommandRunner final : public CommandRunner {
 public:
  Result<CommandOutput> Run(const std::string& command, const std::vector<std::string>& args,
                            const EnvVars& extra_env) override;
};

// Answers every call with the output of `respond` and records what was run.
class FakeCommandRunner final : public CommandRunner {
 public:
  struct Call {
    std::string command;
    std::vector<std::string> args;
    EnvVars env;
  };
  using Responder = std::function<Result<CommandOutput>(const Call&)>;

  explicit FakeCommandRunner(Responder respond) : respond_(std::move(respond)) {}
  Result<CommandOutput> Run(const std::string& command, const std::vector<std::string>& args,
                            const EnvVars& extra_env) override;
  std::vector<Call> Calls() const;

 private:
  Responder respond_;
  mutable std::mutex mu_;
  std::vector<Call> calls_;
};

}  // namespace po::kube
