// LogsClient end to end through SigningApiCaller against the harness's moto server, in us-east-1
// and us-west-2: create with tags and a KMS key, retention, paged listing, delete; checked with the
// AWS CLI.
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
#include "operator/aws/logs/client.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws::logs {
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

class LogsMotoTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(po::testing::RequireHarness().empty());
    endpoints_ = std::make_unique<EndpointResolver>("", ProcessEnvironment());
    credentials_ = MakeDefaultCredentialsChain(
        DefaultChainDeps{ProcessEnvironment(), files_, transport_, *endpoints_, clock_});
    caller_ = std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, *credentials_, *endpoints_, clock_, random_, registry_});
    client_ = std::make_unique<LogsClient>(*caller_);
  }

  CpprestHttpTransport transport_;
  DiskFileReader files_;
  RealClock clock_;
  RealRandom random_;
  prometheus::Registry registry_;
  std::unique_ptr<EndpointResolver> endpoints_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::unique_ptr<SigningApiCaller> caller_;
  std::unique_ptr<LogsClient> client_;
};

TEST_P(LogsMotoTest, LogGroupLifecycleAndPaging) {
  const std::string region = GetParam();
  const std::string prefix = "/platform-operator/" + Unique("it");
  const std::string key_arn = Cli("aws kms create-key --region " + region +
                                  " --description it --query KeyMetadata.Arn --output text");
  CreateLogGroupRequest create;
  create.logGroupName = prefix + "/metrics";
  create.kmsKeyId = key_arn;
  create.tags = {{"platform", "metrics"}};
  Outcome<Empty> created = client_->CreateLogGroup(region, create);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_TRUE(client_->CreateLogGroup(region, create).IsError("ResourceAlreadyExistsException"));
  for (int i = 0; i < 4; ++i) {
    CreateLogGroupRequest more;
    more.logGroupName = prefix + "/paged-" + std::to_string(i);
    ASSERT_TRUE(client_->CreateLogGroup(region, more).ok());
  }

  Outcome<Empty> retention = client_->PutRetentionPolicy(region, {create.logGroupName, 30});
  ASSERT_TRUE(retention.ok()) << retention.error().ToString();
  EXPECT_EQ(Cli("aws logs describe-log-groups --region " + region + " --log-group-name-prefix " +
                create.logGroupName + " --query 'logGroups[0].[retentionInDays,kmsKeyId]'" +
                " --output text"),
            "30\t" + key_arn);
  EXPECT_EQ(Cli("aws logs list-tags-log-group --region " + region + " --log-group-name " +
                create.logGroupName + " --query tags.platform --output text"),
            "metrics");

  DescribeLogGroupsRequest first_page;
  first_page.logGroupNamePrefix = prefix;
  first_page.limit = 2;
  Outcome<DescribeLogGroupsResponse> page = client_->DescribeLogGroups(region, first_page);
  ASSERT_TRUE(page.ok()) << page.error().ToString();
  EXPECT_EQ(page->logGroups.size(), 2u);
  EXPECT_TRUE(page->nextToken.has_value());

  Outcome<std::vector<LogGroup>> all = DescribeAllLogGroups(*client_, region, first_page);
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ(all.value()[0].logGroupName, create.logGroupName);
  EXPECT_EQ(all.value()[0].retentionInDays, 30);

  for (const LogGroup& group : all.value()) {
    ASSERT_TRUE(client_->DeleteLogGroup(region, {group.logGroupName.value_or("")}).ok());
  }
  EXPECT_EQ(Cli("aws logs describe-log-groups --region " + region + " --log-group-name-prefix " +
                prefix + " --query 'length(logGroups)' --output text"),
            "0");
  EXPECT_TRUE(
      client_->DeleteLogGroup(region, {create.logGroupName}).IsError("ResourceNotFoundException"));
}

INSTANTIATE_TEST_SUITE_P(Regions, LogsMotoTest, ::testing::Values("us-east-1", "us-west-2"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace po::aws::logs
