// Checks the STS encoders against botocore's query serializer, the decoders on bodies captured from
// moto (tests/fixtures/aws/sts), and StsClient through a FakeApiCaller.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "operator/aws/sts/client.h"
#include "operator/aws/sts/codec.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::sts {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(StsEncodeTest, AssumeRoleWithWebIdentityMatchesBotocore) {
  AssumeRoleWithWebIdentityRequest r;
  r.RoleArn = "arn:aws:iam::123456789012:role/operator";
  r.RoleSessionName = "platform-operator";
  r.WebIdentityToken = "eyJhbGciOi.fake.token";
  r.ProviderId = "www.amazon.com";
  r.PolicyArns = {{"arn:aws:iam::aws:policy/ReadOnlyAccess"}, {"arn:aws:iam::aws:policy/X"}};
  r.Policy = "{\"Version\":\"2012-10-17\"}";
  r.DurationSeconds = 900;
  EXPECT_EQ(EncodeAssumeRoleWithWebIdentity(r),
            (QueryParams{{"RoleArn", "arn:aws:iam::123456789012:role/operator"},
                         {"RoleSessionName", "platform-operator"},
                         {"WebIdentityToken", "eyJhbGciOi.fake.token"},
                         {"ProviderId", "www.amazon.com"},
                         {"PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                         {"PolicyArns.member.2.arn", "arn:aws:iam::aws:policy/X"},
                         {"Policy", "{\"Version\":\"2012-10-17\"}"},
                         {"DurationSeconds", "900"}}));
}

TEST(StsEncodeTest, MinimalRequestsMatchBotocore) {
  EXPECT_TRUE(EncodeGetCallerIdentity().empty());
  AssumeRoleWithWebIdentityRequest r;
  r.RoleArn = "arn:aws:iam::123456789012:role/operator";
  r.RoleSessionName = "s1";
  r.WebIdentityToken = "tok1";
  EXPECT_EQ(EncodeAssumeRoleWithWebIdentity(r),
            (QueryParams{{"RoleArn", "arn:aws:iam::123456789012:role/operator"},
                         {"RoleSessionName", "s1"},
                         {"WebIdentityToken", "tok1"}}));
}

TEST(StsDecodeTest, GetCallerIdentityFromMoto) {
  Result<GetCallerIdentityResponse> id =
      DecodeGetCallerIdentity(ReadFixture("sts/get_caller_identity.xml"));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id->Account, "123456789012");
  EXPECT_EQ(id->Arn, "arn:aws:sts::123456789012:user/moto");
  EXPECT_FALSE(id->UserId.empty());
}

TEST(StsDecodeTest, AssumeRoleWithWebIdentityFromMoto) {
  Result<AssumeRoleWithWebIdentityResponse> r =
      DecodeAssumeRoleWithWebIdentity(ReadFixture("sts/assume_role_with_web_identity.xml"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Credentials.AccessKeyId, "ASIARZPUZDIKASYMOECS");
  EXPECT_EQ(r->Credentials.SecretAccessKey.size(), 40u);
  EXPECT_FALSE(r->Credentials.SessionToken.empty());
  EXPECT_EQ(r->Credentials.Expiration, "2026-11-26T06:43:22.015488Z");
  EXPECT_EQ(r->AssumedRoleUser.Arn,
            "arn:aws:sts::123456789012:assumed-role/platform-operator/platform-operator");
  EXPECT_EQ(r->AssumedRoleUser.AssumedRoleId, "ARO123EXAMPLE123:platform-operator");
  EXPECT_EQ(r->PackedPolicySize, 6);
}

TEST(StsDecodeTest, MissingCredentialMemberIsAnErrorThatDoesNotEchoTheBody) {
  const std::string body =
      "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>"
      "<AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>very-secret-value</SecretAccessKey>"
      "<Expiration>2026-01-01T00:00:00Z</Expiration></Credentials>"
      "</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>";
  Result<AssumeRoleWithWebIdentityResponse> r = DecodeAssumeRoleWithWebIdentity(body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
  EXPECT_THAT(r.status().message(), HasSubstr("has no <SessionToken> element"));
  EXPECT_THAT(r.status().message(), Not(HasSubstr("very-secret-value")));
}

TEST(StsDecodeTest, NotXmlIsAnError) {
  Result<GetCallerIdentityResponse> r = DecodeGetCallerIdentity("<<<");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("malformed XML in STS GetCallerIdentity"));
}

TEST(StsClientTest, CallsStsWithItsVersion) {
  FakeApiCaller caller;
  caller.QueueQuery(ReadFixture("sts/get_caller_identity.xml"));
  caller.QueueQuery(ReadFixture("sts/assume_role_with_web_identity.xml"));
  StsClient client(caller);

  Outcome<GetCallerIdentityResponse> id = client.GetCallerIdentity("us-west-2");
  AssumeRoleWithWebIdentityRequest request;
  request.RoleArn = "arn:aws:iam::123456789012:role/platform-operator";
  request.RoleSessionName = "platform-operator";
  request.WebIdentityToken = "token";
  Outcome<AssumeRoleWithWebIdentityResponse> assumed =
      client.AssumeRoleWithWebIdentity("us-west-2", request);

  ASSERT_TRUE(id.ok()) << id.error().ToString();
  ASSERT_TRUE(assumed.ok()) << assumed.error().ToString();
  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].operation, "GetCallerIdentity");
  EXPECT_EQ(calls[1].operation, "AssumeRoleWithWebIdentity");
  for (const RecordedCall& call : calls) {
    EXPECT_EQ(call.target.service, "sts");
    EXPECT_EQ(call.target.region, "us-west-2");
    EXPECT_EQ(call.api_version, "2011-06-15");
  }
}

TEST(StsClientTest, ServiceErrorIsReturnedUnchanged) {
  FakeApiCaller caller;
  caller.QueueQuery(ServiceError("InvalidIdentityToken", 400));
  StsClient client(caller);
  EXPECT_TRUE(client.AssumeRoleWithWebIdentity("us-east-1", {}).IsError("InvalidIdentityToken"));
}

}  // namespace
}  // namespace po::aws::sts
