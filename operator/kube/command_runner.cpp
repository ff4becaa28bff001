// Process spawning with a captured stdout (posix_spawnp), and its recording fake.
#include "operator/kube/command_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

extern char** environ;

namespace po::kube {

Result<CommandOutput> RealCommandRunner::Run(const std::string& command,
                                             const std::vector<std::string>& args,
                                             const EnvVars& extra_env) {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : extra_env) env[key] = value;
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : env) env_strings.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings{command};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return Unavailable(std::string("pipe failed: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, command.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (rc != 0) {
    close(pipe_fds[0]);
    return Unavailable("cannot run " + command + ": " + std::strerror(rc));
  }
  CommandOutput output;
  char buf[4096];
  for (;;) {
    ssize_t n = read(pipe_fds[0], buf, sizeof(buf));
    if (n > 0) {
      output.stdout_text.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(pipe_fds[0]);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  output.exit_code = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  return output;
}

Result<CommandOutput> FakeCommandRunner::Run(const std::string& command,
                                             const std::vector<std::string>& args,
                                             const EnvVars& extra_env) {
  Call call{command, args, extra_env};
  {
    std::lock_guard lock(mu_);
    calls_.push_back(call);
  }
  return respond_(call);
}

std::vector<FakeCommandRunner::Call> FakeCommandRunner::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

}  // namespace po::kube
