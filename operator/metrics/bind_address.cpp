// Parses bind-address flags into host and port.
#include "operator/metrics/bind_address.h"

#include <charconv>

namespace po::metrics {

std::string BindAddress::HostPort() const {
  return host + ":" + std::to_string(port);
}

Result<BindAddress> ParseBindAddress(std::string_view flag) {
  BindAddress address;
  if (flag == "0") {
    address.disabled = true;
    return address;
  }
  const auto colon = flag.rfind(':');
  if (colon == std::string_view::npos) {
    return InvalidArgument("bind address \"" + std::string(flag) +
                           "\" is not of the form [host]:port or \"0\"");
  }
  std::string_view host = flag.substr(0, colon);
  std::string_view port_text = flag.substr(colon + 1);
  int port = -1;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 || port > 65535) {
    return InvalidArgument("bind address \"" + std::string(flag) + "\" has an invalid port");
  }
  address.host = host.empty() ? "0.0.0.0" : std::string(host);
  address.port = port;
  return address;
}

}  // namespace po::metrics
