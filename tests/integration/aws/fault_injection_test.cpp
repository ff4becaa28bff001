// Retries under injected faults: a loopback proxy in front of moto answers a set share of requests
// with Throttling (400), InternalError (500) or a dropped connection. At 50 % every call still
// succeeds within 3 attempts; at 100 % calls give up after 3 attempts with a clear error; retries
// are counted in aws_api_retries_total.
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_static.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/integration/aws/fault_proxy_process.h"
#include "tests/support/harness_env.h"

namespace po::aws {
namespace {

double Counter(prometheus::Registry& registry, const std::string& family, const std::string& label,
               const std::string& value) {
  double total = 0;
  for (const auto& f : registry.Collect()) {
    if (f.name != family) continue;
    for (const auto& metric : f.metric) {
      for (const auto& l : metric.label) {
        if (l.name == label && l.value == value) total += metric.counter.value;
      }
    }
  }
  return total;
}

class FaultInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(po::testing::RequireHarness().empty()); }

  std::unique_ptr<SigningApiCaller> CallerThrough(const std::string& proxy_url) {
    endpoints_ = std::make_unique<EndpointResolver>(proxy_url, MapEnvironment({}));
    ApiCallerOptions options;
    options.attempt_timeout = std::chrono::seconds(5);
    return std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, credentials_, *endpoints_, clock_, random_, registry_}, options);
  }

  CpprestHttpTransport transport_;
  StaticCredentialsProvider credentials_{Credentials{"testing", "testing", "", std::nullopt}};
  RealClock clock_;
  RealRandom random_;
  prometheus::Registry registry_;
  std::unique_ptr<EndpointResolver> endpoints_;
};

TEST_F(FaultInjectionTest, HalfTheRequestsFailYetEveryCallSucceeds) {
  testing::FaultProxyProcess proxy(po::testing::HarnessVar("AWS_ENDPOINT_URL"), 0.5);
  ASSERT_FALSE(proxy.url().empty()) << "fault proxy did not start";
  auto caller = CallerThrough(proxy.url());
  constexpr int kCalls = 12;
  for (int i = 0; i < kCalls; ++i) {
    Outcome<std::string> reply =
        caller->Query({"sts", "us-east-1"}, "GetCallerIdentity", "2011-06-15", {});
    ASSERT_TRUE(reply.ok()) << "call " << i << ": " << reply.error().ToString();
    EXPECT_NE(reply.value().find("<Account>"), std::string::npos);
  }
  // Every other request is a fault, so each call needs exactly one retry.
  EXPECT_EQ(Counter(registry_, "aws_api_retries_total", "operation", "GetCallerIdentity"), kCalls);
  EXPECT_EQ(Counter(registry_, "aws_api_requests_total", "code", "OK"), kCalls);
  EXPECT_GT(Counter(registry_, "aws_api_requests_total", "code", "Throttling"), 0);
  EXPECT_GT(Counter(registry_, "aws_api_requests_total", "code", "InternalError"), 0);
  EXPECT_GT(Counter(registry_, "aws_api_requests_total", "code", "NetworkingError"), 0);
}

TEST_F(FaultInjectionTest, EveryRequestFailsAndCallsGiveUpAfterThreeAttempts) {
  testing::FaultProxyProcess proxy(po::testing::HarnessVar("AWS_ENDPOINT_URL"), 1.0);
  ASSERT_FALSE(proxy.url().empty()) << "fault proxy did not start";
  auto caller = CallerThrough(proxy.url());
  // Faults rotate Throttling, InternalError, dropped connection: each call sees all three.
  for (int i = 0; i < 2; ++i) {
    Outcome<std::string> reply =
        caller->Query({"rds", "us-east-1"}, "DescribeDBInstances", "2014-10-31", {});
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, "NetworkingError");
    EXPECT_EQ(reply.error().http_status, 0);
    EXPECT_NE(reply.error().message.find("(gave up after 3 attempts)"), std::string::npos)
        << reply.error().message;
    EXPECT_EQ(reply.error().ToStatus().code(), StatusCode::kUnavailable);
  }
  EXPECT_EQ(Counter(registry_, "aws_api_retries_total", "operation", "DescribeDBInstances"), 4);
  EXPECT_EQ(Counter(registry_, "aws_api_requests_total", "operation", "DescribeDBInstances"), 6);
  EXPECT_EQ(Counter(registry_, "aws_api_requests_total", "code", "OK"), 0);
}

}  // namespace
}  // namespace po::aws
