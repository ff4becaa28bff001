// Loads the harness env file once and runs commands inside that environment.
#include "tests/support/harness_env.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>

namespace po::testing {
namespace {

std::string EnvFilePath() {
  if (const char* p = std::getenv("PLATFORM_OPERATOR_HARNESS_ENV"); p && *p) return p;
  return RepoRoot() + "/.harness.env";
}

// Parses lines of the form `export KEY=value` or `KEY=value` (values may be single-quoted).
std::map<std::string, std::string> LoadEnvFile(const std::string& path) {
  std::map<std::string, std::string> vars;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("export ", 0) == 0) line = line.substr(7);
    auto eq = line.find('=');
    if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
    std::string value = line.substr(eq + 1);
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
      value = value.substr(1, value.size() - 2);
    }
    vars[line.substr(0, eq)] = value;
  }
  return vars;
}

}  // namespace

std::string RepoRoot() {
  return PLATFORM_OPERATOR_SOURCE_DIR;
}

const std::map<std::string, std::string>& RequireHarness() {
  static std::once_flag once;
  static std::map<std::string, std::string> vars;
  std::call_once(once, [] {
    vars = LoadEnvFile(EnvFilePath());
    for (const auto& [k, v] : vars) setenv(k.c_str(), v.c_str(), 1);
  });
  if (vars.empty()) {
    ADD_FAILURE() << "the local control plane is not running: no harness env at " << EnvFilePath()
                  << " (start it with scripts/harness-up.sh)";
  }
  return vars;
}

std::string HarnessVar(const std::string& name) {
  const auto& vars = RequireHarness();
  auto it = vars.find(name);
  return it == vars.end() ? "" : it->second;
}

CommandResult RunWithHarness(const std::string& command) {
  RequireHarness();  // exports the variables into this process, so children inherit them
  CommandResult result;
  // The newline lets `command` end with a here-document.
  std::string wrapped = "(" + command + "\n) 2>&1";
  FILE* pipe = popen(wrapped.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace po::testing
