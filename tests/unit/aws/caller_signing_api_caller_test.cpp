// SigningApiCaller over a FakeHttpTransport: protocol encoding, signing headers, S3 addressing,
// Content-MD5, error parsing, the retry loop (attempts, backoff, quota, deadline) and metrics.
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include "operator/aws/credentials_static.h"
#include "operator/aws/error_codes.h"
#include "operator/aws/fake_http_transport.h"
#include "operator/aws/signing_api_caller.h"

namespace po::aws {
namespace {

using std::chrono::milliseconds;

class FailingCredentials final : public CredentialsProvider {
 public:
  Result<Credentials> Get() override {
    return Status(StatusCode::kUnauthenticated, "no credentials: environment: not set");
  }
  std::string Name() const override { return "failing"; }
};

double MetricValue(prometheus::Registry& registry, const std::string& family,
                   const std::map<std::string, std::string>& labels) {
  for (const auto& f : registry.Collect()) {
    if (f.name != family) continue;
    for (const auto& metric : f.metric) {
      bool match = true;
      for (const auto& [key, value] : labels) {
        bool found = false;
        for (const auto& label : metric.label) {
          if (label.name == key && label.value == value) found = true;
        }
        match = match && found;
      }
      if (match) {
        return f.type == prometheus::MetricType::Histogram
                   ? static_cast<double>(metric.histogram.sample_count)
                   : metric.counter.value;
      }
    }
  }
  return 0;
}

constexpr char kThrottleXml[] =
    "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
    "<RequestId>t-1</RequestId></ErrorResponse>";

class SigningApiCallerTest : public ::testing::Test {
 protected:
  SigningApiCallerTest()
      : credentials_(Credentials{"AKIDEXAMPLE", "secret-key-value", "session-token-value", {}}),
        endpoints_("", MapEnvironment({})),
        random_(0.5) {}

  std::unique_ptr<SigningApiCaller> MakeCaller(ApiCallerOptions options = {},
                                               CredentialsProvider* credentials = nullptr,
                                               const EndpointResolver* endpoints = nullptr) {
    return std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, credentials ? *credentials : credentials_,
                      endpoints ? *endpoints : endpoints_, clock_, random_, registry_},
        options);
  }

  FakeHttpTransport transport_;
  StaticCredentialsProvider credentials_;
  EndpointResolver endpoints_;
  FakeClock clock_;
  FixedRandom random_;
  prometheus::Registry registry_;
};

TEST_F(SigningApiCallerTest, QueryPostsSignedFormBody) {
  transport_.EnqueueReply(200, "<DescribeDBInstancesResponse/>");
  auto caller = MakeCaller();
  Outcome<std::string> reply = caller->Query({"rds", "eu-west-1"}, "DescribeDBInstances",
                                             "2014-10-31", {{"DBInstanceIdentifier", "db 1"}});
  ASSERT_TRUE(reply.ok()) << reply.error().ToString();
  EXPECT_EQ(reply.value(), "<DescribeDBInstancesResponse/>");
  ASSERT_EQ(transport_.request_count(), 1u);
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://rds.eu-west-1.amazonaws.com/");
  EXPECT_EQ(sent.body, "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=db%201");
  EXPECT_EQ(HeaderValue(sent, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(HeaderValue(sent, "Host"), "rds.eu-west-1.amazonaws.com");
  EXPECT_EQ(HeaderValue(sent, "X-Amz-Date"), "20260101T000000Z");
  EXPECT_EQ(HeaderValue(sent, "X-Amz-Security-Token"), "session-token-value");
  EXPECT_TRUE(HeaderValue(sent, "Authorization")
                  .starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-1/rds/"
                               "aws4_request, SignedHeaders=content-type;host;x-amz-date;"
                               "x-amz-security-token, Signature="));
  EXPECT_EQ(MetricValue(registry_, "aws_api_requests_total",
                        {{"service", "rds"}, {"operation", "DescribeDBInstances"}, {"code", "OK"}}),
            1);
}

TEST_F(SigningApiCallerTest, JsonSendsTargetAndParsesBody) {
  transport_.EnqueueReply(200, R"({"logGroups": []})");
  auto caller = MakeCaller();
  auto reply = caller->Json({"logs", "us-east-1"}, "Logs_20140328", "DescribeLogGroups",
                            {{"logGroupNamePrefix", "/m"}});
  ASSERT_TRUE(reply.ok()) << reply.error().ToString();
  EXPECT_TRUE(reply.value()["logGroups"].is_array());
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(sent.url, "https://logs.us-east-1.amazonaws.com/");
  EXPECT_EQ(HeaderValue(sent, "X-Amz-Target"), "Logs_20140328.DescribeLogGroups");
  EXPECT_EQ(HeaderValue(sent, "Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(sent.body, R"({"logGroupNamePrefix":"/m"})");
}

TEST_F(SigningApiCallerTest, JsonErrorIsParsed) {
  transport_.EnqueueReply(400, R"({"__type": "ResourceNotFoundException", "message": "gone"})",
                          {{"x-amzn-requestid", "r-9"}});
  auto caller = MakeCaller();
  auto reply = caller->Json({"logs", "us-east-1"}, "Logs_20140328", "DescribeLogStreams", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_TRUE(reply.IsError("ResourceNotFoundException"));
  EXPECT_EQ(reply.error().request_id, "r-9");
  EXPECT_EQ(transport_.request_count(), 1u);  // not retried
}

TEST_F(SigningApiCallerTest, RestS3VirtualHostedByDefault) {
  transport_.EnqueueReply(200, "<ListBucketResult/>");
  auto caller = MakeCaller();
  RestRequest request;
  request.path = "/";
  request.query = {{"list-type", "2"}, {"prefix", "a/b"}};
  request.bucket = "my-bucket";
  auto reply = caller->Rest({"s3", "us-west-2"}, "ListObjectsV2", request);
  ASSERT_TRUE(reply.ok()) << reply.error().ToString();
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(sent.url, "https://my-bucket.s3.us-west-2.amazonaws.com/?list-type=2&prefix=a%2Fb");
  EXPECT_EQ(HeaderValue(sent, "Host"), "my-bucket.s3.us-west-2.amazonaws.com");
  EXPECT_EQ(HeaderValue(sent, "x-amz-content-sha256"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(SigningApiCallerTest, RestS3PathStyleWhenForcedOrOverridden) {
  ApiCallerOptions options;
  options.s3_force_path_style = true;
  transport_.EnqueueReply(200, "");
  RestRequest request{"PUT", "/dir/key%20x", {}, {}, "data", "my-bucket"};
  ASSERT_TRUE(MakeCaller(options)->Rest({"s3", "us-east-1"}, "PutObject", request).ok());
  EXPECT_EQ(transport_.requests()[0].url,
            "https://s3.us-east-1.amazonaws.com/my-bucket/dir/key%20x");

  EndpointResolver overridden("http://127.0.0.1:5000", MapEnvironment({}));
  transport_.EnqueueReply(200, "");
  ASSERT_TRUE(
      MakeCaller({}, nullptr, &overridden)->Rest({"s3", "us-east-1"}, "PutObject", request).ok());
  HttpRequest sent = transport_.requests()[1];
  EXPECT_EQ(sent.url, "http://127.0.0.1:5000/my-bucket/dir/key%20x");
  EXPECT_EQ(HeaderValue(sent, "Host"), "127.0.0.1:5000");
}

TEST_F(SigningApiCallerTest, RestContentMd5WhenAsked) {
  transport_.EnqueueReply(200, "");
  RestRequest request{"PUT", "/",  {{"lifecycle", ""}}, {{"Content-Type", "application/xml"}},
                      "",    "b-1"};
  request.content_md5 = true;
  ASSERT_TRUE(
      MakeCaller()->Rest({"s3", "us-east-1"}, "PutBucketLifecycleConfiguration", request).ok());
  HttpRequest sent = transport_.requests()[0];
  EXPECT_EQ(HeaderValue(sent, "Content-MD5"), "1B2M2Y8AsgTpgAmY7PhCfg==");  // MD5 of ""
  EXPECT_NE(HeaderValue(sent, "Authorization").find("content-md5;"), std::string::npos);
}

TEST_F(SigningApiCallerTest, RestHeadNotFoundCarriesStatusOnly) {
  transport_.EnqueueReply(404, "", {{"x-amz-request-id", "h-1"}});
  auto reply = MakeCaller()->Rest({"s3", "us-east-1"}, "HeadBucket",
                                  RestRequest{"HEAD", "/", {}, {}, "", "missing-bucket"});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, "NotFound");
  EXPECT_EQ(reply.error().http_status, 404);
  EXPECT_EQ(reply.error().ToStatus().code(), StatusCode::kNotFound);
}

TEST_F(SigningApiCallerTest, RetriesThrottlingThenSucceeds) {
  transport_.EnqueueReply(400, kThrottleXml);
  transport_.EnqueueReply(503, "<Error><Code>ServiceUnavailable</Code></Error>");
  transport_.EnqueueReply(200, "<ok/>");
  auto caller = MakeCaller();
  auto reply = caller->Query({"sts", "us-east-1"}, "GetCallerIdentity", "2011-06-15", {});
  ASSERT_TRUE(reply.ok()) << reply.error().ToString();
  EXPECT_EQ(transport_.request_count(), 3u);
  // Backoff with random 0.5: 50 ms before the first retry, 100 ms before the second.
  EXPECT_EQ(clock_.TotalSlept(), milliseconds(150));
  EXPECT_EQ(MetricValue(registry_, "aws_api_retries_total",
                        {{"service", "sts"}, {"operation", "GetCallerIdentity"}}),
            2);
  EXPECT_EQ(MetricValue(registry_, "aws_api_requests_total", {{"code", "Throttling"}}), 1);
  EXPECT_EQ(MetricValue(registry_, "aws_api_requests_total", {{"code", "ServiceUnavailable"}}), 1);
  // Two retries cost 5 each; success refunds the last retry's cost.
  EXPECT_EQ(caller->retry_strategy().AvailableTokens(), 495);
}

TEST_F(SigningApiCallerTest, GivesUpAfterThreeAttempts) {
  transport_.SetHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return HttpResponse{400, {}, kThrottleXml};
  });
  auto reply = MakeCaller()->Query({"rds", "us-east-1"}, "DescribeDBInstances", "2014-10-31", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(transport_.request_count(), 3u);
  EXPECT_EQ(reply.error().code, "Throttling");
  EXPECT_EQ(reply.error().message, "Rate exceeded (gave up after 3 attempts)");
  EXPECT_EQ(reply.error().ToStatus().code(), StatusCode::kTooManyRequests);
}

TEST_F(SigningApiCallerTest, TransportFailuresAreRetriedAndCostMore) {
  transport_.Enqueue(Unavailable("connection refused"));
  transport_.Enqueue(Status(StatusCode::kDeadlineExceeded, "no reply within 10 ms"));
  transport_.Enqueue(Unavailable("connection reset"));
  auto caller = MakeCaller();
  auto reply = caller->Query({"rds", "us-east-1"}, "DescribeDBInstances", "2014-10-31", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, kNetworkingErrorCode);
  EXPECT_EQ(reply.error().http_status, 0);
  EXPECT_EQ(reply.error().message, "connection reset (gave up after 3 attempts)");
  EXPECT_EQ(caller->retry_strategy().AvailableTokens(), 480);
}

TEST_F(SigningApiCallerTest, ClientErrorsAreNotRetried) {
  transport_.EnqueueReply(
      400,
      "<ErrorResponse><Error><Code>InvalidParameterValue</Code><Message>bad</Message>"
      "</Error></ErrorResponse>");
  auto reply =
      MakeCaller()->Query({"elasticache", "us-east-1"}, "CreateCacheCluster", "2015-02-02", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(transport_.request_count(), 1u);
  EXPECT_EQ(reply.error().message, "bad");
}

TEST_F(SigningApiCallerTest, QuotaExhaustionStopsRetries) {
  ApiCallerOptions options;
  options.retry.quota_capacity = 5;  // one retry's worth
  transport_.SetHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return HttpResponse{500, {}, ""};
  });
  auto reply = MakeCaller(options)->Query({"rds", "us-east-1"}, "X", "v", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(transport_.request_count(), 2u);
  EXPECT_EQ(reply.error().message,
            "HTTP 500 with no error document (retry quota exhausted after 2 attempts)");
}

TEST_F(SigningApiCallerTest, DeadlineStopsRetries) {
  ApiCallerOptions options;
  options.call_timeout = milliseconds(120);
  options.retry.max_attempts = 10;
  FixedRandom slow(0.999);
  SigningApiCaller caller(
      ApiCallerDeps{transport_, credentials_, endpoints_, clock_, slow, registry_}, options);
  transport_.SetHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return HttpResponse{500, {}, ""};
  });
  auto reply = caller.Query({"rds", "us-east-1"}, "X", "v", {});
  ASSERT_FALSE(reply.ok());
  // 99 ms before the first retry fits in 120 ms; the next 199 ms would not.
  EXPECT_EQ(transport_.request_count(), 2u);
  EXPECT_NE(reply.error().message.find("call deadline of 120 ms reached after 2 attempts"),
            std::string::npos);
  EXPECT_EQ(transport_.requests()[1].timeout, milliseconds(21));
}

TEST_F(SigningApiCallerTest, CredentialFailureIsReportedWithoutSending) {
  FailingCredentials failing;
  auto reply = MakeCaller({}, &failing)->Query({"rds", "us-east-1"}, "X", "v", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, kCredentialsErrorCode);
  EXPECT_EQ(reply.error().message, "no credentials: environment: not set");
  EXPECT_EQ(reply.error().ToStatus().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(transport_.request_count(), 0u);
}

TEST_F(SigningApiCallerTest, SecretsNeverInErrorsOrUrls) {
  transport_.SetHandler(
      [](const HttpRequest&) -> Result<HttpResponse> { return Unavailable("connection refused"); });
  auto reply = MakeCaller()->Query({"rds", "us-east-1"}, "X", "v", {});
  ASSERT_FALSE(reply.ok());
  for (const std::string& text : {reply.error().ToString(), transport_.requests()[0].url}) {
    EXPECT_EQ(text.find("secret-key-value"), std::string::npos);
    EXPECT_EQ(text.find("session-token-value"), std::string::npos);
  }
}

TEST_F(SigningApiCallerTest, MalformedOverrideIsInvalidEndpoint) {
  EndpointResolver bad("ftp://x", MapEnvironment({}));
  auto reply = MakeCaller({}, nullptr, &bad)->Query({"rds", "us-east-1"}, "X", "v", {});
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, kInvalidEndpointCode);
  EXPECT_EQ(transport_.request_count(), 0u);
}

}  // namespace
}  // namespace po::aws
