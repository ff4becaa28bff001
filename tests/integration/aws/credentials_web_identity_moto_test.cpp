// Web identity credentials served by moto's STS AssumeRoleWithWebIdentity (the provider reaches
// moto through the AWS_ENDPOINT_URL_STS override), then used to sign a call moto accepts.
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <filesystem>
#include <fstream>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_cache.h"
#include "operator/aws/credentials_web_identity.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws {
namespace {

TEST(CredentialsWebIdentityMoto, AssumedRoleCredentialsSignACall) {
  ASSERT_FALSE(po::testing::RequireHarness().empty());
  const std::string moto = po::testing::HarnessVar("AWS_ENDPOINT_URL");
  const std::string token_path =
      (std::filesystem::temp_directory_path() / ("po-web-identity-" + std::to_string(getpid())))
          .string();
  {
    std::ofstream token(token_path);
    token << "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.sig\n";
  }
  // Only the web identity variables: the provider must not see the harness's static keys.
  EnvLookup env = MapEnvironment({{"AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/po-operator"},
                                  {"AWS_WEB_IDENTITY_TOKEN_FILE", token_path},
                                  {"AWS_ROLE_SESSION_NAME", "po-it"},
                                  {"AWS_REGION", "us-east-1"},
                                  {"AWS_ENDPOINT_URL_STS", moto}});
  CpprestHttpTransport transport;
  DiskFileReader files;
  RealClock clock;
  EndpointResolver endpoints("", env);
  CachingCredentialsProvider credentials(
      std::make_unique<WebIdentityCredentialsProvider>(env, files, transport, endpoints, clock),
      clock);

  Result<Credentials> assumed = credentials.Get();
  std::filesystem::remove(token_path);
  ASSERT_TRUE(assumed.ok()) << assumed.status().ToString();
  EXPECT_FALSE(assumed->access_key_id.empty());
  EXPECT_FALSE(assumed->session_token.empty());
  ASSERT_TRUE(assumed->expiration.has_value());
  EXPECT_GT(*assumed->expiration, clock.WallNow());

  RealRandom random;
  prometheus::Registry registry;
  SigningApiCaller caller(
      ApiCallerDeps{transport, credentials, endpoints, clock, random, registry});
  Outcome<std::string> identity =
      caller.Query({"sts", "us-east-1"}, "GetCallerIdentity", "2011-06-15", {});
  ASSERT_TRUE(identity.ok()) << identity.error().ToString();
  // moto resolves the signing key id to the assumed role's session.
  EXPECT_NE(identity.value().find("assumed-role/po-operator/po-it"), std::string::npos)
      << identity.value();
}

}  // namespace
}  // namespace po::aws
