// Serves the registry's metrics at /metrics over HTTP (prometheus-cpp's Exposer, civetweb inside)
// on the --metrics-bind-address. Starting is the only fallible step; the server runs on its own
// threads until destroyed. Thread-safe.
#pragma once

#include <memory>

#include "operator/common/status.h"
#include "operator/metrics/bind_address.h"
#include "operator/metrics/registry.h"

namespace prometheus {
class Exposer;
}

namespace po::metrics {

class MetricsServer {
 public:
  // Binds and starts serving. A disabled address ("0") yields a server that serves nothing.
  // `registry` must outlive the server.
  static Result<std::unique_ptr<MetricsServer>> Start(const BindAddress& address,
                                                      Registry& registry);
  ~MetricsServer();

  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  // The port actually bound (useful with port 0), or 0 when disabled.
  int Port() const { return port_; }

 private:
  MetricsServer() = default;

  std::unique_ptr<prometheus::Exposer> exposer_;
  int port_ = 0;
};

}  // namespace po::metrics
