// Tests the probe responses /healthz and /readyz produce for passing and failing checks.
#include "operator/metrics/health_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace po::metrics {
namespace {

TEST(HealthServerTest, AnswersEachProbeFromItsChecks) {
  HealthServer server;
  std::atomic<bool> synced{false};
  server.AddHealthzCheck("ping", [] { return Status::Ok(); });
  server.AddReadyzCheck("ping", [] { return Status::Ok(); });
  server.AddReadyzCheck("caches", [&] {
    return synced ? Status::Ok() : Unavailable("caches not synced: DatabaseCluster");
  });

  struct Case {
    const char* path;
    int code;
    std::string body;
  };
  const Case before[] = {
      {"/healthz", 200, "ok"},
      {"/readyz", 500,
       "[+]ping ok\n[-]caches failed: caches not synced: DatabaseCluster\nreadyz check failed\n"},
      {"/readyz/ping", 200, "ok"},
      {"/readyz/caches", 500,
       "[-]caches failed: caches not synced: DatabaseCluster\nreadyz check failed\n"},
      {"/readyz/nope", 404, "no such check: nope\n"},
      {"/metrics", 404, "not found\n"},
  };
  for (const auto& c : before) {
    auto response = server.Handle(c.path);
    EXPECT_EQ(response.code, c.code) << c.path;
    EXPECT_EQ(response.body, c.body) << c.path;
  }
  synced = true;
  EXPECT_EQ(server.Handle("/readyz").code, 200);
  EXPECT_EQ(server.Handle("/readyz").body, "ok");
}

TEST(HealthServerTest, NoChecksMeansHealthy) {
  HealthServer server;
  EXPECT_EQ(server.Handle("/healthz").code, 200);
  EXPECT_EQ(server.Handle("/readyz").code, 200);
}

TEST(HealthServerTest, ACheckThatThrowsFails) {
  HealthServer server;
  server.AddReadyzCheck("bad", []() -> Status { throw std::runtime_error("oops"); });
  auto response = server.Handle("/readyz");
  EXPECT_EQ(response.code, 500);
  EXPECT_EQ(response.body, "[-]bad failed: check threw: oops\nreadyz check failed\n");
}

TEST(HealthServerTest, StartRejectsPortZeroAndAcceptsDisabled) {
  HealthServer server;
  Status started = server.Start({false, "127.0.0.1", 0});
  EXPECT_EQ(started.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(started.message(), "the health probe server needs an explicit port, not 0");
  EXPECT_TRUE(server.Start({true, "", 0}).ok());
}

}  // namespace
}  // namespace po::metrics
