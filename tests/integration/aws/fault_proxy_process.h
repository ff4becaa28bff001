// Starts tests/integration/aws/fault_proxy.py in front of an upstream URL and stops it when the
// object goes away. Used by fault_*_test.cpp. Not thread-safe; one per test.
#pragma once

#include <signal.h>
#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "tests/support/harness_env.h"

namespace po::aws::testing {

class FaultProxyProcess {
 public:
  FaultProxyProcess(const std::string& upstream, double fault_rate) {
    std::ostringstream command;
    command << "exec python3 " << po::testing::RepoRoot()
            << "/tests/integration/aws/fault_proxy.py --upstream '" << upstream << "' --fault-rate "
            << fault_rate;
    pipe_ = popen(command.str().c_str(), "r");
    if (pipe_ == nullptr) return;
    int port = 0;
    if (std::fscanf(pipe_, "%d %d", &port, &pid_) == 2) {
      url_ = "http://127.0.0.1:" + std::to_string(port);
    }
  }
  ~FaultProxyProcess() {
    if (pid_ > 0) kill(pid_, SIGTERM);
    if (pipe_ != nullptr) pclose(pipe_);
  }
  FaultProxyProcess(const FaultProxyProcess&) = delete;
  FaultProxyProcess& operator=(const FaultProxyProcess&) = delete;

  // "http://127.0.0.1:<port>", or "" when the proxy did not start.
  const std::string& url() const { return url_; }

 private:
  FILE* pipe_ = nullptr;
  int pid_ = 0;
  std::string url_;
};

}  // namespace po::aws::testing
