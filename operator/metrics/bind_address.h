// Parses the --metrics-bind-address / --health-probe-bind-address flags the way controller-runtime
// reads them: ":8080" means every interface, "host:port" one interface, "0" disables the server.
// Pure functions on plain values; safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "operator/common/status.h"

namespace po::metrics {

struct BindAddress {
  bool disabled = false;  // the flag was "0"
  std::string host;       // "0.0.0.0" when the flag left it empty
  int port = 0;           // 0 asks the kernel for a free port

  // "0.0.0.0:8080"; the form civetweb and cpprestsdk accept.
  std::string HostPort() const;
};

// ":8080" → {0.0.0.0, 8080}; "127.0.0.1:9090" → as given; "[::1]:80" → {"[::1]", 80}; "0" →
// disabled.
Result<BindAddress> ParseBindAddress(std::string_view flag);

}  // namespace po::metrics
