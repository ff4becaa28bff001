// Serves the liveness and readiness probes: /healthz and /readyz (and /healthz/<check>,
// /readyz/<check>), 200 "ok" when every registered check passes, 500 listing the failing checks
// otherwise — the format of controller-runtime's healthz handler. Checks may be added before Start.
// Thread-safe; checks run on the server's threads and must be thread-safe themselves.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "operator/common/status.h"
#include "operator/metrics/bind_address.h"

namespace po::metrics {

class HealthServer {
 public:
  using Check = std::function<Status()>;

  struct Response {
    int code = 0;
    std::string body;
  };

  HealthServer();
  ~HealthServer();

  HealthServer(const HealthServer&) = delete;
  HealthServer& operator=(const HealthServer&) = delete;

  void AddHealthzCheck(std::string name, Check check);
  void AddReadyzCheck(std::string name, Check check);

  // Binds and serves on its own threads until Stop or destruction. A disabled address serves
  // nothing. An address with port 0 is rejected: the HTTP listener cannot report the port it got.
  Status Start(const BindAddress& address);
  void Stop();

  // What a GET of `path` answers; the HTTP handler uses this and tests may call it directly.
  Response Handle(std::string_view path) const;

 private:
  struct Listener;

  mutable std::mutex mu_;
  std::vector<std::pair<std::string, Check>> healthz_;
  std::vector<std::pair<std::string, Check>> readyz_;
  std::unique_ptr<Listener> listener_;
};

}  // namespace po::metrics
