// Tests the flag/config-file/environment parser: defaults, precedence, help and errors.
#include "operator/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace po::config {
namespace {

using ::testing::HasSubstr;

struct Fixture {
  std::map<std::string, std::string> env;
  std::map<std::string, std::string> files;

  Result<Invocation> Parse(const std::vector<std::string>& args) const {
    return ParseCommandLine(
        args,
        [this](const std::string& k) -> std::optional<std::string> {
          auto it = env.find(k);
          if (it == env.end()) return std::nullopt;
          return it->second;
        },
        [this](const std::string& path) -> Result<std::string> {
          auto it = files.find(path);
          if (it == files.end()) return NotFound("no such file");
          return it->second;
        });
  }
};

TEST(ConfigTest, DefaultsMatchTheDocumentedValues) {
  auto inv = Fixture{}.Parse({});
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  const Config& c = inv->config;
  EXPECT_EQ(inv->action, Invocation::Action::kRun);
  EXPECT_EQ(c.metrics_bind_address, ":8080");
  EXPECT_EQ(c.health_probe_bind_address, ":8081");
  EXPECT_FALSE(c.leader_elect);
  EXPECT_EQ(c.leader_election_id, "platform-operator.platform.startup-metrics.com");
  EXPECT_EQ(c.leader_election_lease_duration, std::chrono::seconds(15));
  EXPECT_EQ(c.leader_election_renew_deadline, std::chrono::seconds(10));
  EXPECT_EQ(c.leader_election_retry_period, std::chrono::seconds(2));
  EXPECT_EQ(c.resync_period, std::chrono::hours(10));
  EXPECT_EQ(c.max_concurrent_reconciles, 1);
  EXPECT_EQ(c.log_format, "json");
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.aws_region, "us-east-1");
  EXPECT_EQ(c.aws_endpoint_url, "");
}

TEST(ConfigTest, EveryFlagIsAccepted) {
  auto inv = Fixture{}.Parse({"--kubeconfig",
                              "/k",
                              "--namespace=team-a",
                              "--metrics-bind-address=127.0.0.1:9090",
                              "--health-probe-bind-address",
                              ":9091",
                              "--leader-elect",
                              "--leader-election-namespace",
                              "ops",
                              "--leader-election-id",
                              "x",
                              "--aws-region",
                              "us-west-2",
                              "--aws-endpoint-url",
                              "http://127.0.0.1:5000",
                              "--resync-period",
                              "1h30m",
                              "--max-concurrent-reconciles",
                              "8",
                              "--log-format",
                              "text",
                              "--log-level=debug"});
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  const Config& c = inv->config;
  EXPECT_EQ(c.kubeconfig, "/k");
  EXPECT_EQ(c.namespace_, "team-a");
  EXPECT_EQ(c.metrics_bind_address, "127.0.0.1:9090");
  EXPECT_EQ(c.health_probe_bind_address, ":9091");
  EXPECT_TRUE(c.leader_elect);
  EXPECT_EQ(c.leader_election_namespace, "ops");
  EXPECT_EQ(c.leader_election_id, "x");
  EXPECT_EQ(c.aws_region, "us-west-2");
  EXPECT_EQ(c.aws_endpoint_url, "http://127.0.0.1:5000");
  EXPECT_EQ(c.resync_period, std::chrono::minutes(90));
  EXPECT_EQ(c.max_concurrent_reconciles, 8);
  EXPECT_EQ(c.log_format, "text");
  EXPECT_EQ(c.log_level, "debug");
}

TEST(ConfigTest, HelpAndVersionStopParsing) {
  EXPECT_EQ(Fixture{}.Parse({"--help"})->action, Invocation::Action::kHelp);
  EXPECT_EQ(Fixture{}.Parse({"-h"})->action, Invocation::Action::kHelp);
  EXPECT_EQ(Fixture{}.Parse({"--version"})->action, Invocation::Action::kVersion);
  // Help wins even after a flag whose value is invalid: values are checked after the scan.
  EXPECT_EQ(Fixture{}.Parse({"--log-format=xml", "--help"})->action, Invocation::Action::kHelp);
}

TEST(ConfigTest, HelpListsEveryFlagWithDefaults) {
  std::string help = HelpText();
  for (const char* flag :
       {"--kubeconfig", "--namespace", "--metrics-bind-address", "--health-probe-bind-address",
        "--leader-elect", "--leader-election-namespace", "--leader-election-id", "--aws-region",
        "--aws-endpoint-url", "--resync-period", "--max-concurrent-reconciles", "--log-format",
        "--log-level", "--config", "--help", "--version"}) {
    EXPECT_THAT(help, HasSubstr(flag));
  }
  EXPECT_THAT(help, HasSubstr("(default :8080)"));
  EXPECT_THAT(help, HasSubstr("(default 10h)"));
}

struct ErrorCase {
  std::vector<std::string> args;
  std::string message;
};

class ConfigErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ConfigErrorTest, RejectsWithAOneLineMessage) {
  auto inv = Fixture{}.Parse(GetParam().args);
  ASSERT_FALSE(inv.ok());
  EXPECT_EQ(inv.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(inv.status().message(), GetParam().message);
  EXPECT_EQ(inv.status().message().find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigErrorTest,
    ::testing::Values(
        ErrorCase{{"--frobnicate"}, "unknown flag --frobnicate (see --help)"},
        ErrorCase{{"stray"}, "unexpected argument \"stray\" (flags only; see --help)"},
        ErrorCase{{"--namespace"}, "flag --namespace needs a value (NAME)"},
        ErrorCase{{"--log-format=xml"},
                  "invalid value \"xml\" for --log-format: must be one of json, text"},
        ErrorCase{{"--log-level", "loud"},
                  "invalid value \"loud\" for --log-level: must be one of debug, error, info, "
                  "trace, warn"},
        ErrorCase{{"--resync-period=10"},
                  "invalid value \"10\" for --resync-period: not a duration (use e.g. 30s, 5m, "
                  "10h, 1m30s, 500ms)"},
        ErrorCase{{"--max-concurrent-reconciles=0"},
                  "invalid value \"0\" for --max-concurrent-reconciles: must be an integer from 1 "
                  "to 64"},
        ErrorCase{{"--max-concurrent-reconciles=many"},
                  "invalid value \"many\" for --max-concurrent-reconciles: must be an integer "
                  "from 1 to 64"},
        ErrorCase{
            {"--metrics-bind-address=8080"},
            "invalid value \"8080\" for --metrics-bind-address: must be host:port, :port or 0"},
        ErrorCase{{"--health-probe-bind-address=:99999"},
                  "invalid value \":99999\" for --health-probe-bind-address: port must be a number "
                  "from 1 to 65535"},
        ErrorCase{{"--leader-elect=maybe"},
                  "invalid value \"maybe\" for --leader-elect: must be true or false"},
        ErrorCase{
            {"--aws-endpoint-url=localhost:5000"},
            "invalid value \"localhost:5000\" for --aws-endpoint-url: must start with http:// "
            "or https://"},
        ErrorCase{{"--leader-election-renew-deadline=20s"},
                  "--leader-election-renew-deadline must be shorter than "
                  "--leader-election-lease-duration"},
        ErrorCase{{"--config=/missing.yaml"}, "cannot read --config /missing.yaml: no such file"}));

TEST(ConfigTest, ConfigFileIsOverriddenByEnvironmentAndFlags) {
  Fixture f;
  f.files["/etc/po.yaml"] =
      "log-level: debug\naws-region: eu-west-1\nmax-concurrent-reconciles: 4\n"
      "aws-endpoint-url: http://file:1\nleader-elect: true\n";
  f.env["AWS_ENDPOINT_URL"] = "http://env:2";
  auto inv = f.Parse({"--config", "/etc/po.yaml", "--max-concurrent-reconciles=6"});
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  EXPECT_EQ(inv->config.log_level, "debug");                // file
  EXPECT_EQ(inv->config.aws_region, "eu-west-1");           // file, no env
  EXPECT_EQ(inv->config.aws_endpoint_url, "http://env:2");  // env beats file
  EXPECT_EQ(inv->config.max_concurrent_reconciles, 6);      // flag beats file
  EXPECT_TRUE(inv->config.leader_elect);
}

TEST(ConfigTest, AwsRegionFollowsSdkEnvironmentOrder) {
  Fixture f;
  f.env["AWS_DEFAULT_REGION"] = "eu-central-1";
  EXPECT_EQ(f.Parse({})->config.aws_region, "eu-central-1");
  f.env["AWS_REGION"] = "ap-south-1";
  EXPECT_EQ(f.Parse({})->config.aws_region, "ap-south-1");
  EXPECT_EQ(f.Parse({"--aws-region=us-west-2"})->config.aws_region, "us-west-2");
}

TEST(ConfigTest, ConfigFileErrorsNameTheKey) {
  Fixture f;
  f.files["/a.yaml"] = "log-levle: debug\n";
  f.files["/b.yaml"] = "resync-period: soon\n";
  f.files["/c.yaml"] = "[1, 2]\n";
  f.files["/d.yaml"] = "log-level: [debug]\n";
  EXPECT_EQ(f.Parse({"--config=/a.yaml"}).status().message(),
            "unknown key \"log-levle\" in --config /a.yaml");
  EXPECT_THAT(f.Parse({"--config=/b.yaml"}).status().message(),
              HasSubstr("invalid value \"soon\" for resync-period in /b.yaml"));
  EXPECT_EQ(f.Parse({"--config=/c.yaml"}).status().message(),
            "--config /c.yaml must be a YAML mapping of flag names");
  EXPECT_EQ(f.Parse({"--config=/d.yaml"}).status().message(),
            "key \"log-level\" in --config /d.yaml must be a scalar");
}

TEST(DurationTest, ParsesGoStyleDurations) {
  EXPECT_EQ(*ParseDuration("10h"), std::chrono::hours(10));
  EXPECT_EQ(*ParseDuration("1m30s"), std::chrono::seconds(90));
  EXPECT_EQ(*ParseDuration("500ms"), std::chrono::milliseconds(500));
  EXPECT_EQ(*ParseDuration("1.5s"), std::chrono::milliseconds(1500));
  EXPECT_FALSE(ParseDuration("").ok());
  EXPECT_FALSE(ParseDuration("5 s").ok());
  EXPECT_FALSE(ParseDuration("0s").ok());
  EXPECT_EQ(FormatDuration(std::chrono::minutes(90)), "1h30m");
  EXPECT_EQ(FormatDuration(std::chrono::milliseconds(2500)), "2s500ms");
}

TEST(BindAddressTest, SplitsHostAndPort) {
  EXPECT_EQ(ParseBindAddress(":8080")->port, 8080);
  EXPECT_EQ(ParseBindAddress(":8080")->host, "");
  EXPECT_EQ(ParseBindAddress("127.0.0.1:9")->host, "127.0.0.1");
  EXPECT_EQ(ParseBindAddress("[::1]:9")->host, "::1");
  EXPECT_EQ(ParseBindAddress("0")->port, 0);
  EXPECT_FALSE(ParseBindAddress("host").ok());
}

}  // namespace
}  // namespace po::config
