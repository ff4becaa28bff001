// Tests structured logging (JSON and text), level filtering and flag parsing, and secret redaction.
#include "operator/runtime/log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "operator/runtime/reconcile_id.h"
#include "operator/runtime/redact.h"
#include "tests/unit/runtime/log_capture.h"

namespace po::runtime {
namespace {

using nlohmann::json;

TEST(LogTest, JsonLinesCarryTsLevelMsgAndFields) {
  FakeClock clock;
  testing::LogCapture capture(clock);
  auto log = capture.logger().With("controller", "databasecluster").With("namespace", "prod");
  log.Info("reconciling", {{"name", "db-1"}, {"attempt", 2}});
  auto lines = capture.Lines();
  ASSERT_EQ(lines.size(), 1u);
  json line = json::parse(lines[0]);
  EXPECT_EQ(line["ts"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(line["level"], "info");
  EXPECT_EQ(line["msg"], "reconciling");
  EXPECT_EQ(line["controller"], "databasecluster");
  EXPECT_EQ(line["namespace"], "prod");
  EXPECT_EQ(line["name"], "db-1");
  EXPECT_EQ(line["attempt"], 2);
  EXPECT_EQ(lines[0].rfind("{\"ts\":", 0), 0u) << "ts comes first: " << lines[0];
}

TEST(LogTest, TextLinesAreKeyValue) {
  FakeClock clock;
  testing::LogCapture capture(clock, LogFormat::kText);
  capture.logger().With("controller", "cache").Warn("slow call", {{"took", "2s"}, {"why", "a b"}});
  ASSERT_EQ(capture.Lines().size(), 1u);
  EXPECT_EQ(capture.Lines()[0],
            "2026-01-01T00:00:00.000Z warn slow call controller=cache took=2s why=\"a b\"");
}

TEST(LogTest, LevelFiltersLowerLevels) {
  FakeClock clock;
  testing::LogCapture capture(clock, LogFormat::kJson, LogLevel::kWarn);
  capture.logger().Debug("d");
  capture.logger().Info("i");
  capture.logger().Warn("w");
  capture.logger().Error("e", Unavailable("down"));
  auto lines = capture.Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(json::parse(lines[0])["level"], "warn");
  EXPECT_EQ(json::parse(lines[1])["error"], "Unavailable: down");
}

TEST(LogTest, SecretsNeverReachTheLine) {
  FakeClock clock;
  testing::LogCapture capture(clock);
  capture.logger()
      .With("password", "hunter2")
      .Info("connecting", {{"endpoint", {{"host", "db"}, {"authToken", "tok-123"}}},
                           {"secretAccessKey", "AKIAXXX/abc"}});
  const std::string line = capture.Lines().at(0);
  EXPECT_EQ(line.find("hunter2"), std::string::npos) << line;
  EXPECT_EQ(line.find("tok-123"), std::string::npos) << line;
  EXPECT_EQ(line.find("AKIAXXX"), std::string::npos) << line;
  json parsed = json::parse(line);
  EXPECT_EQ(parsed["password"], "[REDACTED]");
  EXPECT_EQ(parsed["endpoint"]["host"], "db");
  EXPECT_EQ(parsed["endpoint"]["authToken"], "[REDACTED]");
}

TEST(LogTest, ParsesFlags) {
  EXPECT_EQ(*ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_EQ(*ParseLogFormat("text"), LogFormat::kText);
  EXPECT_EQ(ParseLogFormat("xml").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*ParseLogLevel("debug"), LogLevel::kDebug);
  EXPECT_EQ(*ParseLogLevel("info"), LogLevel::kInfo);
  EXPECT_EQ(*ParseLogLevel("warn"), LogLevel::kWarn);
  EXPECT_EQ(*ParseLogLevel("error"), LogLevel::kError);
  auto bad = ParseLogLevel("verbose");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "unknown log level \"verbose\" (want debug, info, warn or error)");
}

TEST(RedactTest, RecognisesSecretKeys) {
  struct Case {
    const char* key;
    bool secret;
  };
  const Case cases[] = {
      {"password", true},        {"masterUserPassword", true},
      {"PASSWORD", true},        {"db_password", true},
      {"token", true},           {"authToken", true},
      {"auth-token", true},      {"sessionToken", true},
      {"secret", true},          {"secretAccessKey", true},
      {"clientSecret", true},    {"apiKey", true},
      {"privateKey", true},      {"credentials", true},
      {"Authorization", true},   {"passphrase", true},
      {"secretName", false},     {"passwordSecretRef", false},
      {"tokenSecretArn", false}, {"accessKeyId", false},
      {"name", false},           {"host", false},
      {"engineVersion", false},  {"connectionSecret", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsSecretKey(c.key), c.secret) << c.key;
}

TEST(RedactTest, RedactsAtAnyDepthAndKeepsShape) {
  const json in = {{"user", "admin"},
                   {"password", "p"},
                   {"nested", {{"list", {{{"token", "t"}, {"id", 1}}}}}},
                   {"secretName", "db-credentials"},
                   {"emptySecret", nullptr}};
  const json want = {{"user", "admin"},
                     {"password", "[REDACTED]"},
                     {"nested", {{"list", {{{"token", "[REDACTED]"}, {"id", 1}}}}}},
                     {"secretName", "db-credentials"},
                     {"emptySecret", nullptr}};
  EXPECT_EQ(RedactSecrets(in), want);
}

TEST(ReconcileIdTest, RandomIdsAreVersion4UuidsAndDistinct) {
  RandomUuidSource ids;
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = ids.NewId();
    ASSERT_TRUE(std::regex_match(id, uuid)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace po::runtime
