// LogsClient end to end through SigningApiCaller against the harness's moto server, in us-east-1
// and us-west-2: create with tags and a KMS key, retention, paged listing, delete; checked with the
// AWS CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/logs/client.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::logs {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::HasSubstr;

class LogsMotoTest : public moto::MotoFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    client_ = std::make_unique<LogsClient>(*caller_);
  }

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
                         moto::RegionTestName);

}  // namespace
}  // namespace po::aws::logs
