// Tests token-file rotation, exec plugin credentials and their caching.
#include "operator/kube/credentials.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace po::kube {
namespace {

std::string ExecCredentialJson(const std::string& token, const std::string& expiry,
                               const std::string& api_version = "client.authentication.k8s.io/v1") {
  nlohmann::json doc = {
      {"apiVersion", api_version}, {"kind", "ExecCredential"}, {"status", {{"token", token}}}};
  if (!expiry.empty()) doc["status"]["expirationTimestamp"] = expiry;
  return doc.dump();
}

TEST(TokenFileCredentialsTest, RereadsWhenTheFileChangesOrAfterTheRefresh) {
  char tmpl[] = "/tmp/token-test-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::string path = dir + "/token";
  std::ofstream(path) << "one\n";
  FakeClock clock;
  TokenFileCredentialProvider provider(path, std::chrono::seconds(60), clock);
  EXPECT_EQ(provider.Get()->bearer_token, "one");
  EXPECT_EQ(provider.Get()->bearer_token, "one");
  EXPECT_EQ(provider.ReadCount(), 1);  // unchanged file: served from memory

  clock.Advance(std::chrono::seconds(61));
  EXPECT_EQ(provider.Get()->bearer_token, "one");
  EXPECT_EQ(provider.ReadCount(), 2);  // re-read after the refresh period

  std::ofstream(path) << "two";
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  EXPECT_EQ(provider.Get()->bearer_token, "two");  // rotation seen at once (mtime changed)

  EXPECT_TRUE(provider.Invalidate());
  EXPECT_EQ(provider.Get()->bearer_token, "two");
  EXPECT_EQ(provider.ReadCount(), 4);

  std::filesystem::remove(path);
  EXPECT_EQ(provider.Get()->bearer_token, "two");  // keeps the last token while missing
  std::filesystem::remove_all(dir);

  TokenFileCredentialProvider missing(dir + "/none", std::chrono::seconds(60), clock);
  EXPECT_EQ(missing.Get().status().code(), StatusCode::kNotFound);
}

TEST(ExecCredentialsTest, ParsesV1AndV1beta1) {
  auto v1 = ParseExecCredential(ExecCredentialJson("t1", "2026-01-01T00:10:00Z"),
                                "client.authentication.k8s.io/v1");
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->credentials.bearer_token, "t1");
  EXPECT_EQ(*v1->expiry, *ParseRfc3339("2026-01-01T00:10:00Z"));

  auto beta =
      ParseExecCredential(ExecCredentialJson("t2", "", "client.authentication.k8s.io/v1beta1"),
                          "client.authentication.k8s.io/v1beta1");
  ASSERT_TRUE(beta.ok());
  EXPECT_FALSE(beta->expiry.has_value());

  nlohmann::json cert = {{"apiVersion", "client.authentication.k8s.io/v1"},
                         {"kind", "ExecCredential"},
                         {"status", {{"clientCertificateData", "C"}, {"clientKeyData", "K"}}}};
  auto parsed = ParseExecCredential(cert.dump(), "client.authentication.k8s.io/v1");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->credentials.client_cert_pem, "C");
  EXPECT_EQ(parsed->credentials.client_key_pem, "K");
}

TEST(ExecCredentialsTest, RejectsBadOutput) {
  const std::string v1 = "client.authentication.k8s.io/v1";
  struct Case {
    std::string output, mentions;
  } cases[] = {
      {"not json", "not a JSON object"},
      {R"({"kind":"Other"})", "not an ExecCredential"},
      {ExecCredentialJson("t", "", "client.authentication.k8s.io/v1beta1"), "apiVersion"},
      {R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1"})", "no status"},
      {R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{}})",
       "neither a token"},
      {ExecCredentialJson("t", "tomorrow"), "not an RFC 3339 time"},
  };
  for (const auto& c : cases) {
    auto parsed = ParseExecCredential(c.output, v1);
    ASSERT_FALSE(parsed.ok()) << c.output;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find(c.mentions), std::string::npos)
        << parsed.status().message();
  }
}

TEST(ExecCredentialsTest, CachesUntilExpiryAndRerunsAfterInvalidate) {
  FakeClock clock;  // 2026-01-01T00:00:00Z
  int runs = 0;
  FakeCommandRunner runner([&](const FakeCommandRunner::Call&) -> Result<CommandOutput> {
    ++runs;
    return CommandOutput{
        0, ExecCredentialJson("token-" + std::to_string(runs), "2026-01-01T00:05:00Z")};
  });
  ExecConfig exec{
      "client.authentication.k8s.io/v1", "/bin/plugin", {"--x"}, {{"A", "b"}}, "", true};
  ExecCredentialProvider provider(exec, "https://api:6443", runner, clock);
  EXPECT_EQ(provider.Get()->bearer_token, "token-1");
  clock.Advance(std::chrono::minutes(4));
  EXPECT_EQ(provider.Get()->bearer_token, "token-1");  // cached
  clock.Advance(std::chrono::minutes(2));
  EXPECT_EQ(provider.Get()->bearer_token, "token-2");  // expired: re-run
  EXPECT_TRUE(provider.Invalidate());                  // a 401 was seen
  EXPECT_EQ(provider.Get()->bearer_token, "token-3");

  auto calls = runner.Calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].command, "/bin/plugin");
  EXPECT_EQ(calls[0].args, std::vector<std::string>{"--x"});
  ASSERT_EQ(calls[0].env.size(), 2u);
  EXPECT_EQ(calls[0].env[0], (std::pair<std::string, std::string>{"A", "b"}));
  EXPECT_EQ(calls[0].env[1].first, "KUBERNETES_EXEC_INFO");
  auto info = nlohmann::json::parse(calls[0].env[1].second);
  EXPECT_EQ(info["apiVersion"], "client.authentication.k8s.io/v1");
  EXPECT_EQ(info["spec"]["cluster"]["server"], "https://api:6443");
}

TEST(ExecCredentialsTest, PluginFailureIsUnauthenticated) {
  FakeClock clock;
  FakeCommandRunner runner([](const FakeCommandRunner::Call&) -> Result<CommandOutput> {
    return CommandOutput{3, ""};
  });
  ExecCredentialProvider provider({"client.authentication.k8s.io/v1", "p", {}, {}, "", false}, "",
                                  runner, clock);
  auto got = provider.Get();
  EXPECT_EQ(got.status().code(), StatusCode::kUnauthenticated);
  EXPECT_NE(got.status().message().find("exited with 3"), std::string::npos);
}

TEST(RealCommandRunnerTest, RunsWithEnvAndCapturesStdout) {
  RealCommandRunner runner;
  auto out = runner.Run("/bin/sh", {"-c", "printf '%s' \"$GREETING\"; exit 4"},
                        {{"GREETING", "hi there"}});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->stdout_text, "hi there");
  EXPECT_EQ(out->exit_code, 4);
  auto missing = runner.Run("/nonexistent/plugin", {}, {});
  EXPECT_EQ(missing.status().code(), StatusCode::kUnavailable);
}

TEST(Rfc3339Test, ParsesAndFormats) {
  auto base = *ParseRfc3339("2026-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(base), "2026-01-01T00:00:00Z");
  EXPECT_EQ(*ParseRfc3339("2026-01-01T02:00:00+02:00"), base);
  EXPECT_EQ(*ParseRfc3339("2026-01-01T00:00:00.5Z") - base, std::chrono::milliseconds(500));
  EXPECT_EQ(FormatRfc3339Micro(base + std::chrono::microseconds(1234)),
            "2026-01-01T00:00:00.001234Z");
  EXPECT_FALSE(ParseRfc3339("2026-01-01T00:00:00").ok());
}

TEST(MakeCredentialProviderTest, PicksExecThenTokenFileThenStatic) {
  FakeClock clock;
  FakeCommandRunner runner([](const FakeCommandRunner::Call&) -> Result<CommandOutput> {
    return CommandOutput{0, ExecCredentialJson("from-exec", "")};
  });
  RestConfig config;
  config.bearer_token = "static";
  config.client_cert_pem = "C";
  config.client_key_pem = "K";
  auto fixed = MakeCredentialProvider(config, runner, clock);
  EXPECT_EQ(*fixed->Get(), (Credentials{"static", "C", "K"}));
  EXPECT_FALSE(fixed->Invalidate());
  config.has_exec = true;
  config.exec.api_version = "client.authentication.k8s.io/v1";
  config.exec.command = "x";
  auto exec = MakeCredentialProvider(config, runner, clock);
  EXPECT_EQ(*exec->Get(), (Credentials{"from-exec", "C", "K"}));
}

}  // namespace
}  // namespace po::kube
