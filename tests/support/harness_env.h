// Access to the local control plane and AWS emulator that scripts/harness-up.sh started, for
// integration tests. Reads the env file it wrote ($PLATFORM_OPERATOR_HARNESS_ENV, else
// <repo>/.harness.env). Tests call RequireHarness() and fail — never skip — when it is missing.
// Thread-safe after the first call.
#pragma once

#include <map>
#include <string>

namespace po::testing {

// The harness's variables (KUBECONFIG, AWS_ENDPOINT_URL, AWS_REGION, HARNESS_DIR, ...).
// Fails the current test with a clear message (and returns an empty map) when unavailable.
const std::map<std::string, std::string>& RequireHarness();

// One variable from the harness env, or "" when absent.
std::string HarnessVar(const std::string& name);

// The repository's root folder (compiled in).
std::string RepoRoot();

// Runs a shell command with the harness env exported; returns its exit code and captures stdout.
struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr combined
};
CommandResult RunWithHarness(const std::string& command);

}  // namespace po::testing
