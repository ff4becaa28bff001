// Shared set-up of the AWS integration tests against the harness's moto server: MotoFixture builds
// a SigningApiCaller the way the operator does (default credentials chain, endpoint from
// AWS_ENDPOINT_URL), plus unique names, AWS CLI helpers and region test names. Header-only; each
// test owns its fixture, which is used on the test's thread only.
#pragma once

#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <memory>
#include <random>
#include <string>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_chain.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws::moto {

// "<prefix>-<random number>", so reruns against the same moto never collide.
inline std::string Unique(const std::string& prefix) {
  std::random_device rd;
  return prefix + "-" + std::to_string(rd() % 1000000000);
}

// Runs an AWS CLI (or any shell) command with the harness's environment and returns its output
// without trailing newlines and spaces; fails the test (non-fatally) when the command exits
// non-zero.
inline std::string Cli(const std::string& command) {
  po::testing::CommandResult result = po::testing::RunWithHarness(command);
  EXPECT_EQ(result.exit_code, 0) << command << "\n" << result.output;
  std::string out = result.output;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// Test names for region parameters: "us-east-1" -> "us_east_1".
inline std::string RegionTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

// SetUp requires the harness (it fails, never skips, when it is absent) and builds caller_. A
// derived fixture calls ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp()) before using caller_.
class MotoFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(po::testing::RequireHarness().empty());
    endpoints_ = std::make_unique<EndpointResolver>("", ProcessEnvironment());
    credentials_ = MakeDefaultCredentialsChain(
        DefaultChainDeps{ProcessEnvironment(), files_, transport_, *endpoints_, clock_});
    caller_ = std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, *credentials_, *endpoints_, clock_, random_, registry_});
  }

  CpprestHttpTransport transport_;
  DiskFileReader files_;
  RealClock clock_;
  RealRandom random_;
  prometheus::Registry registry_;
  std::unique_ptr<EndpointResolver> endpoints_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::unique_ptr<SigningApiCaller> caller_;
};

}  // namespace po::aws::moto
