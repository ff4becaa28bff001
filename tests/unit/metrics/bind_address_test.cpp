// Tests parsing of --metrics-bind-address / --health-probe-bind-address values.
#include "operator/metrics/bind_address.h"

#include <gtest/gtest.h>

namespace po::metrics {
namespace {

TEST(BindAddressTest, ParsesFlagValues) {
  struct Case {
    const char* flag;
    bool disabled;
    std::string host;
    int port;
    std::string host_port;
  };
  const Case cases[] = {
      {":8080", false, "0.0.0.0", 8080, "0.0.0.0:8080"},
      {":8081", false, "0.0.0.0", 8081, "0.0.0.0:8081"},
      {"127.0.0.1:9090", false, "127.0.0.1", 9090, "127.0.0.1:9090"},
      {"localhost:0", false, "localhost", 0, "localhost:0"},
      {"[::1]:8443", false, "[::1]", 8443, "[::1]:8443"},
      {"0", true, "", 0, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.flag);
    auto parsed = ParseBindAddress(c.flag);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->disabled, c.disabled);
    if (!c.disabled) {
      EXPECT_EQ(parsed->host, c.host);
      EXPECT_EQ(parsed->port, c.port);
      EXPECT_EQ(parsed->HostPort(), c.host_port);
    }
  }
}

TEST(BindAddressTest, RejectsMalformedValues) {
  struct Case {
    const char* flag;
    std::string message;
  };
  const Case cases[] = {
      {"8080", "bind address \"8080\" is not of the form [host]:port or \"0\""},
      {"", "bind address \"\" is not of the form [host]:port or \"0\""},
      {":http", "bind address \":http\" has an invalid port"},
      {":70000", "bind address \":70000\" has an invalid port"},
      {":-1", "bind address \":-1\" has an invalid port"},
      {"host:", "bind address \"host:\" has an invalid port"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.flag);
    auto parsed = ParseBindAddress(c.flag);
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message(), c.message);
  }
}

}  // namespace
}  // namespace po::metrics
