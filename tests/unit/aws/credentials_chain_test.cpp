// The default credentials chain: source order, what each source sends, and errors that name
// every source tried. Sources see only a map environment, in-memory files and a fake transport.
#include "operator/aws/credentials_chain.h"

#include <gtest/gtest.h>

#include "operator/aws/credentials_container.h"
#include "operator/aws/credentials_environment.h"
#include "operator/aws/credentials_imds.h"
#include "operator/aws/credentials_profile.h"
#include "operator/aws/credentials_web_identity.h"
#include "operator/aws/fake_http_transport.h"

namespace po::aws {
namespace {

constexpr char kStsReply[] =
    R"(<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">)"
    "<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAWEBIDENTITY</AccessKeyId>"
    "<SecretAccessKey>web-secret</SecretAccessKey><SessionToken>web-token</SessionToken>"
    "<Expiration>2026-01-01T01:00:00Z</Expiration></Credentials><AssumedRoleUser>"
    "<AssumedRoleId>AROA1:op-session</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/"
    "op/op-session</Arn></AssumedRoleUser></AssumeRoleWithWebIdentityResult>"
    "</AssumeRoleWithWebIdentityResponse>";

constexpr char kContainerReply[] =
    R"({"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "c-secret", "Token": "c-token",)"
    R"( "Expiration": "2026-01-01T06:00:00.000Z"})";

constexpr char kImdsCredentials[] =
    R"({"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "ASIAIMDS",)"
    R"( "SecretAccessKey": "i-secret", "Token": "i-token", "Expiration": "2026-01-01T06:00:00Z"})";

class CredentialsChainTest : public ::testing::Test {
 protected:
  std::unique_ptr<CredentialsProvider> Chain(std::map<std::string, std::string> env,
                                             std::map<std::string, std::string> files = {}) {
    files_ = std::make_unique<MapFileReader>(std::move(files));
    endpoints_ = std::make_unique<EndpointResolver>("", MapEnvironment(env));
    return MakeDefaultCredentialsChain(
        DefaultChainDeps{MapEnvironment(env), *files_, transport_, *endpoints_, clock_});
  }

  FakeHttpTransport transport_;
  FakeClock clock_;
  std::unique_ptr<MapFileReader> files_;
  std::unique_ptr<EndpointResolver> endpoints_;
};

const std::map<std::string, std::string> kEveryEnvSource = {
    {"AWS_ACCESS_KEY_ID", "AKIAENV"},
    {"AWS_SECRET_ACCESS_KEY", "env-secret"},
    {"AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/op"},
    {"AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"},
    {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"},
    {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "pod-token"},
    {"HOME", "/home/op"},
};
const std::map<std::string, std::string> kEveryFile = {
    {"/var/run/token", "jwt-token\n"},
    {"/home/op/.aws/credentials",
     "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n"},
};

TEST_F(CredentialsChainTest, EnvironmentWins) {
  auto chain = Chain(kEveryEnvSource, kEveryFile);
  Result<Credentials> credentials = chain->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "AKIAENV");
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(CredentialsChainTest, WebIdentityIsNext) {
  auto env = kEveryEnvSource;
  env.erase("AWS_ACCESS_KEY_ID");
  env["AWS_ROLE_SESSION_NAME"] = "op-session";
  env["AWS_REGION"] = "eu-west-1";
  transport_.EnqueueReply(200, kStsReply);
  auto chain = Chain(env, kEveryFile);
  Result<Credentials> credentials = chain->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "ASIAWEBIDENTITY");
  EXPECT_EQ(credentials->session_token, "web-token");
  ASSERT_TRUE(credentials->expiration.has_value());
  EXPECT_EQ(*credentials->expiration,
            std::chrono::sys_days{std::chrono::year{2026} / 1 / 1} + std::chrono::hours(1));
  ASSERT_EQ(transport_.request_count(), 1u);
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://sts.eu-west-1.amazonaws.com/");
  EXPECT_EQ(sent.body,
            "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A"
            "123456789012%3Arole%2Fop&RoleSessionName=op-session&WebIdentityToken=jwt-token");
  EXPECT_EQ(HeaderValue(sent, "Authorization"), "");  // an unsigned call
}

TEST_F(CredentialsChainTest, WebIdentityUsesStsEndpointOverride) {
  std::map<std::string, std::string> env = {{"AWS_ROLE_ARN", "arn:aws:iam::1:role/r"},
                                            {"AWS_WEB_IDENTITY_TOKEN_FILE", "/t"},
                                            {"AWS_ENDPOINT_URL_STS", "http://127.0.0.1:5000"}};
  transport_.EnqueueReply(200, kStsReply);
  ASSERT_TRUE(Chain(env, {{"/t", "jwt"}})->Get().ok());
  EXPECT_EQ(transport_.requests()[0].url, "http://127.0.0.1:5000/");
}

TEST_F(CredentialsChainTest, ConfiguredWebIdentityFailureStopsTheChain) {
  auto env = kEveryEnvSource;
  env.erase("AWS_ACCESS_KEY_ID");
  transport_.EnqueueReply(
      403,
      "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>expired</Message>"
      "</Error></ErrorResponse>");
  Result<Credentials> credentials = Chain(env, kEveryFile)->Get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(credentials.status().message(),
            "no credentials: environment: AWS_ACCESS_KEY_ID not set; web identity: STS "
            "AssumeRoleWithWebIdentity for arn:aws:iam::123456789012:role/op failed: "
            "InvalidIdentityToken (HTTP 403): expired");
  EXPECT_EQ(transport_.request_count(), 1u);  // the container source was not asked
}

TEST_F(CredentialsChainTest, ContainerIsNext) {
  std::map<std::string, std::string> env = {
      {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"},
      {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/var/run/pod-identity/token"},
      {"HOME", "/home/op"}};
  auto files = kEveryFile;
  files["/var/run/pod-identity/token"] = "file-pod-token\n";
  transport_.EnqueueReply(200, kContainerReply);
  Result<Credentials> credentials = Chain(env, files)->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "ASIACONTAINER");
  EXPECT_EQ(credentials->session_token, "c-token");
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.url, "http://169.254.170.23/v1/credentials");
  EXPECT_EQ(HeaderValue(sent, "Authorization"), "file-pod-token");
}

TEST_F(CredentialsChainTest, ContainerRefusesPlainHttpToRemoteHosts) {
  std::map<std::string, std::string> env = {
      {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://evil.example.com/creds"}};
  Result<Credentials> credentials = Chain(env)->Get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(CredentialsChainTest, SharedCredentialsFileIsNext) {
  std::map<std::string, std::string> env = {{"HOME", "/home/op"}};
  Result<Credentials> credentials = Chain(env, kEveryFile)->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "AKIAFILE");
  EXPECT_FALSE(credentials->expiration.has_value());
}

TEST_F(CredentialsChainTest, NamedProfileFromConfigFile) {
  std::map<std::string, std::string> env = {{"AWS_PROFILE", "ops"},
                                            {"AWS_CONFIG_FILE", "/etc/aws/config"},
                                            {"AWS_SHARED_CREDENTIALS_FILE", "/etc/aws/creds"}};
  std::map<std::string, std::string> files = {
      {"/etc/aws/creds", "[default]\naws_access_key_id=AKIADEFAULT\naws_secret_access_key=x\n"},
      {"/etc/aws/config",
       "# comment\n[profile ops]\nregion = us-east-1\nAWS_ACCESS_KEY_ID = AKIAOPS\n"
       "aws_secret_access_key = ops-secret\naws_session_token = ops-token\n"}};
  Result<Credentials> credentials = Chain(env, files)->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "AKIAOPS");
  EXPECT_EQ(credentials->session_token, "ops-token");
}

TEST_F(CredentialsChainTest, InstanceMetadataIsLast) {
  std::map<std::string, std::string> env = {
      {"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338/"}};
  transport_.EnqueueReply(200, "imds-session");
  transport_.EnqueueReply(200, "op-role\n");
  transport_.EnqueueReply(200, kImdsCredentials);
  Result<Credentials> credentials = Chain(env)->Get();
  ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
  EXPECT_EQ(credentials->access_key_id, "ASIAIMDS");
  std::vector<HttpRequest> sent = transport_.requests();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].method, "PUT");
  EXPECT_EQ(sent[0].url, "http://127.0.0.1:1338/latest/api/token");
  EXPECT_EQ(HeaderValue(sent[0], "X-aws-ec2-metadata-token-ttl-seconds"), "21600");
  EXPECT_EQ(sent[0].timeout, std::chrono::seconds(1));
  EXPECT_EQ(sent[1].url, "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/");
  EXPECT_EQ(HeaderValue(sent[1], "X-aws-ec2-metadata-token"), "imds-session");
  EXPECT_EQ(sent[2].url, "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/op-role");
}

TEST_F(CredentialsChainTest, ErrorNamesEverySourceTried) {
  std::map<std::string, std::string> env = {{"AWS_EC2_METADATA_DISABLED", "TRUE"},
                                            {"HOME", "/home/op"}};
  Result<Credentials> credentials = Chain(env)->Get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(credentials.status().message(),
            "no credentials: environment: AWS_ACCESS_KEY_ID not set; web identity: AWS_ROLE_ARN "
            "not set; container: AWS_CONTAINER_CREDENTIALS_FULL_URI not set; shared credentials "
            "file: profile \"default\" not found (/home/op/.aws/credentials not readable, "
            "/home/op/.aws/config not readable); instance metadata: disabled by "
            "AWS_EC2_METADATA_DISABLED");
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(CredentialsChainTest, UnreachableImdsCountsAsAbsent) {
  transport_.SetHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return Status(StatusCode::kDeadlineExceeded, "no reply within 1000 ms");
  });
  Result<Credentials> credentials = Chain({})->Get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(credentials.status().message().ends_with(
      "instance metadata: no instance metadata service at http://169.254.169.254 (no reply "
      "within 1000 ms)"))
      << credentials.status().message();
}

TEST_F(CredentialsChainTest, SecretsNeverInErrors) {
  std::map<std::string, std::string> env = {{"AWS_ACCESS_KEY_ID", "AKIAENV"},
                                            {"AWS_SESSION_TOKEN", "tok-secret"},
                                            {"AWS_EC2_METADATA_DISABLED", "true"}};
  Result<Credentials> credentials = Chain(env)->Get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().message().find("tok-secret"), std::string::npos);
  EXPECT_NE(credentials.status().message().find(
                "environment: AWS_ACCESS_KEY_ID set but AWS_SECRET_ACCESS_KEY not set"),
            std::string::npos);
}

TEST(CredentialsParsing, IniSectionsAndComments) {
  auto ini = ParseIni("; c\n[default]\n Key = v \n\n[profile x]\nk2=v2\nnot a pair\n");
  EXPECT_EQ(ini["default"]["key"], "v");
  EXPECT_EQ(ini["profile x"]["k2"], "v2");
}

TEST(CredentialsParsing, JsonCredentialsRejectsFailureCode) {
  Result<Credentials> parsed = ParseJsonCredentials(R"({"Code": "AssumeRoleUnauthorizedAccess"})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(),
            "credentials endpoint answered Code AssumeRoleUnauthorizedAccess");
}

TEST(CredentialsDescribe, HidesMostOfTheKeyId) {
  Credentials credentials{"AKIAIOSFODNN7EXAMPLE", "secret", "token", {}};
  EXPECT_EQ(credentials.Describe(), "access key AKIA…MPLE (temporary)");
}

}  // namespace
}  // namespace po::aws
