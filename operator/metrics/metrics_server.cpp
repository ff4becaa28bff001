// The /metrics endpoint: prometheus-cpp's Exposer over the shared registry.
#include "operator/metrics/metrics_server.h"

#include <prometheus/exposer.h>

#include <exception>

namespace po::metrics {

Result<std::unique_ptr<MetricsServer>> MetricsServer::Start(const BindAddress& address,
                                                            Registry& registry) {
  std::unique_ptr<MetricsServer> server(new MetricsServer());
  if (address.disabled) return server;
  try {
    server->exposer_ = std::make_unique<prometheus::Exposer>(address.HostPort(), 2);
  } catch (const std::exception& e) {
    return Unavailable("while starting the metrics server on " + address.HostPort() + ": " +
                       e.what());
  }
  for (const auto& collectable : registry.Collectables()) {
    server->exposer_->RegisterCollectable(collectable, "/metrics");
  }
  auto ports = server->exposer_->GetListeningPorts();
  server->port_ = ports.empty() ? 0 : ports.front();
  return server;
}

MetricsServer::~MetricsServer() = default;

}  // namespace po::metrics
