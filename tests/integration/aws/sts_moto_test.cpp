// StsClient end to end through SigningApiCaller against the harness's moto server, in us-east-1
// and us-west-2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/sts/client.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::sts {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::HasSubstr;

class StsMotoTest : public moto::MotoFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    client_ = std::make_unique<StsClient>(*caller_);
  }

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
                         moto::RegionTestName);

}  // namespace
}  // namespace po::aws::sts
