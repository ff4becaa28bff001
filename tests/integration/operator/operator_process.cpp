// Starting, probing and stopping a platform-operator process for the tests.
#define _TURN_OFF_PLATFORM_STRING  // cpprestsdk's U() macro collides with GoogleTest
#include "tests/integration/operator/operator_process.h"

#include <arpa/inet.h>
#include <cpprest/http_client.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace po::testing {

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

HttpReply HttpGet(int port, const std::string& path) {
  HttpReply reply;
  try {
    web::http::client::http_client_config config;
    config.set_timeout(std::chrono::seconds(5));
    web::http::client::http_client client("http://127.0.0.1:" + std::to_string(port), config);
    auto response = client.request(web::http::methods::GET, path).get();
    reply.code = response.status_code();
    reply.body = response.extract_utf8string(true).get();
  } catch (const std::exception& e) {
    reply.error = e.what();
  }
  return reply;
}

OperatorProcess::OperatorProcess(const std::string& binary, const std::string& label,
                                 const std::vector<std::string>& args) {
  metrics_port_ = FreePort();
  health_port_ = FreePort();
  while (health_port_ == metrics_port_) health_port_ = FreePort();
  log_path_ = "/tmp/po-it-" + std::to_string(::getpid()) + "-" + label + ".log";
  std::vector<std::string> argv = {
      binary, "--metrics-bind-address=127.0.0.1:" + std::to_string(metrics_port_),
      "--health-probe-bind-address=127.0.0.1:" + std::to_string(health_port_), "--log-format=json"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& arg : argv) raw.push_back(arg.data());
  raw.push_back(nullptr);

  pid_ = ::fork();
  if (pid_ == 0) {
    int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    // The test process may block signals on its threads; the child starts with none blocked.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execv(raw[0], raw.data());
    ::_exit(127);
  }
}

OperatorProcess::~OperatorProcess() {
  if (Running()) {
    Signal(SIGKILL);
    WaitExit(std::chrono::seconds(10));
  }
  std::remove(log_path_.c_str());
}

void OperatorProcess::Signal(int signal) {
  if (pid_ > 0 && !exit_code_) ::kill(pid_, signal);
}

std::optional<int> OperatorProcess::WaitExit(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return exit_code_;
}

bool OperatorProcess::Running() {
  return pid_ > 0 && !WaitExit(std::chrono::milliseconds(0)).has_value();
}

std::string OperatorProcess::Log() const {
  std::ifstream in(log_path_);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<nlohmann::json> OperatorProcess::LogLines() const {
  std::vector<nlohmann::json> lines;
  std::istringstream in(Log());
  for (std::string line; std::getline(in, line);) {
    auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_object()) lines.push_back(std::move(parsed));
  }
  return lines;
}

std::string OperatorProcess::Identity() const {
  for (const auto& line : LogLines()) {
    if (line.value("msg", "") == "Leader election enabled") return line.value("identity", "");
  }
  return "";
}

std::optional<double> OperatorProcess::MasterStatus() const {
  HttpReply reply = HttpGet(metrics_port_, "/metrics");
  if (reply.code != 200) return std::nullopt;
  std::istringstream in(reply.body);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("leader_election_master_status{", 0) == 0) {
      return std::stod(line.substr(line.rfind(' ') + 1));
    }
  }
  return std::nullopt;
}

}  // namespace po::testing
