// StsClient end to end through SigningApiCaller against the harness's moto server, in us-east-1
// and us-west-2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_chain.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/signing_api_caller.h"
#include "operator/aws/sts/client.h"
#include "tests/support/harness_env.h"

namespace po::aws::sts {
namespace {

using ::testing::HasSubstr;

std::string Unique(const std::string& prefix) {
  std::random_device rd;
  return prefix + "-" + std::to_string(rd() % 1000000000);
}

std::string Cli(const std::string& command) {
  po::testing::CommandResult result = po::testing::RunWithHarness(command);
  EXPECT_EQ(result.exit_code, 0) << command << "\n" << result.output;
  std::string out = result.output;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

class StsMotoTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(po::testing::RequireHarness().empty());
    endpoints_ = std::make_unique<EndpointResolver>("", ProcessEnvironment());
    credentials_ = MakeDefaultCredentialsChain(
        DefaultChainDeps{ProcessEnvironment(), files_, transport_, *endpoints_, clock_});
    caller_ = std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, *credentials_, *endpoints_, clock_, random_, registry_});
    client_ = std::make_unique<StsClient>(*caller_);
  }

  CpprestHttpTransport transport_;
  DiskFileReader files_;
  RealClock clock_;
  RealRandom random_;
  prometheus::Registry registry_;
  std::unique_ptr<EndpointResolver> endpoints_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::unique_ptr<SigningApiCaller> caller_;
  std::unique_ptr<StsClient> client_;
};

TEST_P(StsMotoTest, GetCallerIdentityMatchesTheCli) {
  const std::string region = GetParam();
  Outcome<GetCallerIdentityResponse> id = client_->GetCallerIdentity(region);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  EXPECT_EQ(id->Account, Cli("aws sts get-caller-identity --region " + region +
                             " --query Account --output text"));
  EXPECT_EQ(id->Arn,
            Cli("aws sts get-caller-identity --region " + region + " --query Arn --output text"));
}

TEST_P(StsMotoTest, AssumeRoleWithWebIdentityReturnsTemporaryCredentials) {
  const std::string region = GetParam();
  AssumeRoleWithWebIdentityRequest request;
  request.RoleArn = "arn:aws:iam::123456789012:role/platform-operator";
  request.RoleSessionName = Unique("it-session");
  request.WebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl";
  request.DurationSeconds = 900;
  Outcome<AssumeRoleWithWebIdentityResponse> assumed =
      client_->AssumeRoleWithWebIdentity(region, request);
  ASSERT_TRUE(assumed.ok()) << assumed.error().ToString();
  EXPECT_THAT(assumed->Credentials.AccessKeyId, ::testing::StartsWith("ASIA"));
  EXPECT_FALSE(assumed->Credentials.SecretAccessKey.empty());
  EXPECT_FALSE(assumed->Credentials.SessionToken.empty());
  EXPECT_FALSE(assumed->Credentials.Expiration.empty());
  EXPECT_THAT(assumed->AssumedRoleUser.Arn,
              HasSubstr(":assumed-role/platform-operator/" + request.RoleSessionName));
}

INSTANTIATE_TEST_SUITE_P(Regions, StsMotoTest, ::testing::Values("us-east-1", "us-west-2"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace po::aws::sts
