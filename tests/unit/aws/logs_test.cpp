// Checks the CloudWatch Logs encoders against botocore's JSON serializer output, the decoder on
// bodies captured from moto (tests/fixtures/aws/logs), LogsClient through a FakeApiCaller and the
// nextToken walk of DescribeAllLogGroups.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "operator/aws/logs/client.h"
#include "operator/aws/logs/codec.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::logs {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::ElementsAre;

struct EncodeCase {
  std::string name;
  std::function<nlohmann::json()> encode;
  std::string expected;  // botocore's serialized body
};

class LogsEncodeTest : public ::testing::TestWithParam<EncodeCase> {};

TEST_P(LogsEncodeTest, MatchesBotocoreSerializer) {
  EXPECT_EQ(GetParam().encode(), nlohmann::json::parse(GetParam().expected));
}

std::vector<EncodeCase> Cases() {
  return {
      {"CreateLogGroupFull",
       [] {
         CreateLogGroupRequest r;
         r.logGroupName = "/platform/metrics";
         r.kmsKeyId = "arn:aws:kms:us-east-1:123456789012:key/k";
         r.tags = {{"platform", "metrics"}, {"team", "obs"}};
         r.logGroupClass = "STANDARD";
         return EncodeCreateLogGroup(r);
       },
       R"({"logGroupName": "/platform/metrics", "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k", "tags": {"platform": "metrics", "team": "obs"}, "logGroupClass": "STANDARD"})"},
      {"CreateLogGroupMinimal",
       [] {
         CreateLogGroupRequest r;
         r.logGroupName = "/platform/x";
         return EncodeCreateLogGroup(r);
       },
       R"({"logGroupName": "/platform/x"})"},
      {"PutRetentionPolicy",
       [] {
         return EncodePutRetentionPolicy({"/platform/metrics", 30});
       },
       R"({"logGroupName": "/platform/metrics", "retentionInDays": 30})"},
      {"DescribeLogGroupsPaged",
       [] {
         DescribeLogGroupsRequest r;
         r.logGroupNamePrefix = "/platform/";
         r.nextToken = "tok";
         r.limit = 2;
         return EncodeDescribeLogGroups(r);
       },
       R"({"logGroupNamePrefix": "/platform/", "nextToken": "tok", "limit": 2})"},
      {"DescribeLogGroupsEmpty", [] { return EncodeDescribeLogGroups({}); }, "{}"},
      {"DeleteLogGroup", [] { return EncodeDeleteLogGroup({"/platform/metrics"}); },
       R"({"logGroupName": "/platform/metrics"})"},
  };
}

INSTANTIATE_TEST_SUITE_P(Botocore, LogsEncodeTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<EncodeCase>& info) {
                           return info.param.name;
                         });

TEST(LogsDecodeTest, DescribeLogGroupsFromMoto) {
  Result<DescribeLogGroupsResponse> page1 = DecodeDescribeLogGroups(
      nlohmann::json::parse(ReadFixture("logs/describe_log_groups_page1.json")));
  ASSERT_TRUE(page1.ok()) << page1.status().ToString();
  ASSERT_EQ(page1->logGroups.size(), 2u);
  const LogGroup& g = page1->logGroups[0];
  EXPECT_EQ(g.logGroupName, "/platform/metrics");
  EXPECT_EQ(g.retentionInDays, 30);
  EXPECT_EQ(g.arn, "arn:aws:logs:us-east-1:123456789012:log-group:/platform/metrics:*");
  EXPECT_EQ(g.logGroupArn, "arn:aws:logs:us-east-1:123456789012:log-group:/platform/metrics");
  EXPECT_EQ(g.storedBytes, 0);
  EXPECT_TRUE(g.creationTime.has_value());
  EXPECT_FALSE(page1->logGroups[1].retentionInDays.has_value());
  ASSERT_TRUE(page1->nextToken.has_value());

  // moto sends "nextToken": null on the last page.
  Result<DescribeLogGroupsResponse> page2 = DecodeDescribeLogGroups(
      nlohmann::json::parse(ReadFixture("logs/describe_log_groups_page2.json")));
  ASSERT_TRUE(page2.ok()) << page2.status().ToString();
  EXPECT_EQ(page2->logGroups.size(), 2u);
  EXPECT_FALSE(page2->nextToken.has_value());
}

TEST(LogsDecodeTest, WrongShapesAreInternalErrors) {
  for (const char* body : {R"([1, 2])", R"({"logGroups": {"a": 1}})", R"({"logGroups": [3]})"}) {
    Result<DescribeLogGroupsResponse> decoded =
        DecodeDescribeLogGroups(nlohmann::json::parse(body));
    ASSERT_FALSE(decoded.ok()) << body;
    EXPECT_EQ(decoded.status().code(), StatusCode::kInternal);
    EXPECT_THAT(decoded.status().message(), ::testing::HasSubstr("DescribeLogGroups"));
  }
}

TEST(LogsClientTest, CallsUseLogsTargetPrefixAndRegion) {
  FakeApiCaller caller;
  caller.QueueJson(nlohmann::json::object());
  caller.QueueJson(nlohmann::json::object());
  caller.QueueJson(nlohmann::json::object());
  LogsClient client(caller);
  CreateLogGroupRequest create;
  create.logGroupName = "/platform/metrics";
  create.tags = {{"platform", "metrics"}};

  EXPECT_TRUE(client.CreateLogGroup("eu-central-1", create).ok());
  EXPECT_TRUE(client.PutRetentionPolicy("eu-central-1", {"/platform/metrics", 14}).ok());
  EXPECT_TRUE(client.DeleteLogGroup("eu-central-1", {"/platform/metrics"}).ok());

  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 3u);
  for (const RecordedCall& call : calls) {
    EXPECT_EQ(call.protocol, RecordedCall::Protocol::kJson);
    EXPECT_EQ(call.target.service, "logs");
    EXPECT_EQ(call.target.region, "eu-central-1");
    EXPECT_EQ(call.target_prefix, "Logs_20140328");
  }
  EXPECT_EQ(calls[0].operation, "CreateLogGroup");
  EXPECT_EQ(calls[0].json_body["tags"]["platform"], "metrics");
  EXPECT_EQ(calls[1].operation, "PutRetentionPolicy");
  EXPECT_EQ(calls[1].json_body["retentionInDays"], 14);
  EXPECT_EQ(calls[2].operation, "DeleteLogGroup");
}

TEST(LogsClientTest, ServiceErrorIsReturnedUnchanged) {
  FakeApiCaller caller;
  caller.QueueJson(ServiceError("ResourceAlreadyExistsException", 400));
  LogsClient client(caller);
  CreateLogGroupRequest create;
  create.logGroupName = "/platform/metrics";

  EXPECT_TRUE(client.CreateLogGroup("us-east-1", create).IsError("ResourceAlreadyExistsException"));
}

TEST(DescribeAllLogGroupsTest, FollowsNextTokenToTheLastPage) {
  FakeApiCaller caller;
  caller.QueueJson(nlohmann::json::parse(ReadFixture("logs/describe_log_groups_page1.json")));
  caller.QueueJson(nlohmann::json::parse(ReadFixture("logs/describe_log_groups_page2.json")));
  LogsClient client(caller);
  DescribeLogGroupsRequest request;
  request.logGroupNamePrefix = "/platform/";
  request.limit = 2;

  Outcome<std::vector<LogGroup>> all = DescribeAllLogGroups(client, "us-east-1", request);

  ASSERT_TRUE(all.ok()) << all.error().ToString();
  std::vector<std::string> names;
  for (const LogGroup& g : all.value()) names.push_back(g.logGroupName.value_or(""));
  EXPECT_THAT(names, ElementsAre("/platform/metrics", "/platform/paged-0", "/platform/paged-1",
                                 "/platform/paged-2"));
  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_FALSE(calls[0].json_body.contains("nextToken"));
  EXPECT_EQ(calls[1].json_body["nextToken"],
            nlohmann::json::parse(ReadFixture("logs/describe_log_groups_page1.json"))["nextToken"]);
  EXPECT_EQ(calls[1].json_body["logGroupNamePrefix"], "/platform/");
}

}  // namespace
}  // namespace po::aws::logs
