// SigningApiCaller end to end against the harness's moto server: raw Query (STS, RDS), JSON 1.1
// (CloudWatch Logs), REST-JSON (EKS) and REST-XML (S3, path-style, Content-MD5, HEAD errors),
// with credentials from the default chain and the endpoint from AWS_ENDPOINT_URL.
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <random>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_chain.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws {
namespace {

std::string UniqueName(const std::string& prefix) {
  std::random_device rd;
  return prefix + "-" + std::to_string(rd() % 1000000000);
}

class CallerMotoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(po::testing::RequireHarness().empty());
    endpoints_ = std::make_unique<EndpointResolver>("", ProcessEnvironment());
    credentials_ = MakeDefaultCredentialsChain(
        DefaultChainDeps{ProcessEnvironment(), files_, transport_, *endpoints_, clock_});
    caller_ = std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, *credentials_, *endpoints_, clock_, random_, registry_});
  }

  CallTarget Target(const std::string& service) {
    return {service, po::testing::HarnessVar("AWS_REGION")};
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

TEST_F(CallerMotoTest, StsGetCallerIdentity) {
  Outcome<std::string> reply = caller_->Query(Target("sts"), "GetCallerIdentity", "2011-06-15", {});
  ASSERT_TRUE(reply.ok()) << reply.error().ToString();
  EXPECT_NE(reply.value().find("<GetCallerIdentityResult>"), std::string::npos) << reply.value();
  EXPECT_NE(reply.value().find("<Account>"), std::string::npos);
}

TEST_F(CallerMotoTest, RdsErrorIsParsed) {
  Outcome<std::string> reply = caller_->Query(Target("rds"), "DescribeDBInstances", "2014-10-31",
                                              {{"DBInstanceIdentifier", UniqueName("missing-db")}});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, "DBInstanceNotFound");
  EXPECT_EQ(reply.error().http_status, 404);
  EXPECT_FALSE(reply.error().request_id.empty());
  EXPECT_EQ(reply.error().ToStatus().code(), StatusCode::kNotFound);
}

TEST_F(CallerMotoTest, ElastiCacheErrorIsParsed) {
  Outcome<std::string> reply =
      caller_->Query(Target("elasticache"), "DescribeCacheClusters", "2015-02-02",
                     {{"CacheClusterId", UniqueName("missing-cache")}});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, "CacheClusterNotFound");
}

TEST_F(CallerMotoTest, LogsJsonRoundTrip) {
  std::string group = "/platform-operator/" + UniqueName("it");
  auto created =
      caller_->Json(Target("logs"), "Logs_20140328", "CreateLogGroup", {{"logGroupName", group}});
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  auto listed = caller_->Json(Target("logs"), "Logs_20140328", "DescribeLogGroups",
                              {{"logGroupNamePrefix", group}});
  ASSERT_TRUE(listed.ok()) << listed.error().ToString();
  ASSERT_EQ(listed.value()["logGroups"].size(), 1u);
  EXPECT_EQ(listed.value()["logGroups"][0]["logGroupName"], group);
  auto missing = caller_->Json(Target("logs"), "Logs_20140328", "DescribeLogStreams",
                               {{"logGroupName", group + "-missing"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "ResourceNotFoundException");
  caller_->Json(Target("logs"), "Logs_20140328", "DeleteLogGroup", {{"logGroupName", group}});
}

TEST_F(CallerMotoTest, EksRestJsonError) {
  RestRequest request;
  request.path = "/clusters/" + UniqueName("missing-cluster");
  auto reply = caller_->Rest(Target("eks"), "DescribeCluster", request);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, "ResourceNotFoundException");
  EXPECT_EQ(reply.error().http_status, 404);
}

TEST_F(CallerMotoTest, S3BucketObjectLifecycleAndHead) {
  std::string bucket = UniqueName("po-it-bucket");
  auto created =
      caller_->Rest(Target("s3"), "CreateBucket", RestRequest{"PUT", "/", {}, {}, "", bucket});
  ASSERT_TRUE(created.ok()) << created.error().ToString();

  RestRequest put{"PUT", "/dir/k%C3%A9y%20one.txt", {}, {{"Content-Type", "text/plain"}}, "hello",
                  bucket};
  auto stored = caller_->Rest(Target("s3"), "PutObject", put);
  ASSERT_TRUE(stored.ok()) << stored.error().ToString();

  auto fetched =
      caller_->Rest(Target("s3"), "GetObject", RestRequest{"GET", put.path, {}, {}, "", bucket});
  ASSERT_TRUE(fetched.ok()) << fetched.error().ToString();
  EXPECT_EQ(fetched.value().body, "hello");

  auto listed = caller_->Rest(
      Target("s3"), "ListObjectsV2",
      RestRequest{"GET", "/", {{"list-type", "2"}, {"prefix", "dir/"}}, {}, "", bucket});
  ASSERT_TRUE(listed.ok()) << listed.error().ToString();
  EXPECT_NE(listed.value().body.find("<Key>dir/kéy one.txt</Key>"), std::string::npos)
      << listed.value().body;

  RestRequest lifecycle{"PUT",
                        "/",
                        {{"lifecycle", ""}},
                        {{"Content-Type", "application/xml"}},
                        "<LifecycleConfiguration><Rule><ID>expire</ID><Filter><Prefix>dir/"
                        "</Prefix></Filter><Status>Enabled</Status><Expiration><Days>7</Days>"
                        "</Expiration></Rule></LifecycleConfiguration>",
                        bucket};
  lifecycle.content_md5 = true;
  auto configured = caller_->Rest(Target("s3"), "PutBucketLifecycleConfiguration", lifecycle);
  ASSERT_TRUE(configured.ok()) << configured.error().ToString();

  auto head_missing = caller_->Rest(Target("s3"), "HeadBucket",
                                    RestRequest{"HEAD", "/", {}, {}, "", bucket + "-missing"});
  ASSERT_FALSE(head_missing.ok());
  EXPECT_EQ(head_missing.error().code, "NotFound");
  EXPECT_EQ(head_missing.error().http_status, 404);

  auto list_missing =
      caller_->Rest(Target("s3"), "ListObjectsV2",
                    RestRequest{"GET", "/", {{"list-type", "2"}}, {}, "", bucket + "-missing"});
  ASSERT_FALSE(list_missing.ok());
  EXPECT_EQ(list_missing.error().code, "NoSuchBucket");

  caller_->Rest(Target("s3"), "DeleteObject", RestRequest{"DELETE", put.path, {}, {}, "", bucket});
  auto deleted =
      caller_->Rest(Target("s3"), "DeleteBucket", RestRequest{"DELETE", "/", {}, {}, "", bucket});
  EXPECT_TRUE(deleted.ok()) << deleted.error().ToString();
}

TEST_F(CallerMotoTest, UnreachableEndpointFailsAfterRetries) {
  EndpointResolver dead("http://127.0.0.1:1", MapEnvironment({}));
  ApiCallerOptions options;
  options.retry.base_delay = std::chrono::milliseconds(1);
  SigningApiCaller caller(
      ApiCallerDeps{transport_, *credentials_, dead, clock_, random_, registry_}, options);
  auto reply = caller.Query(Target("sts"), "GetCallerIdentity", "2011-06-15", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, "NetworkingError");
  EXPECT_NE(reply.error().message.find("gave up after 3 attempts"), std::string::npos)
      << reply.error().message;
}

}  // namespace
}  // namespace po::aws
