// Endpoint resolution: standard regional endpoints and override precedence.
#include <gtest/gtest.h>

#include "operator/aws/endpoints.h"

namespace po::aws {
namespace {

struct EndpointCase {
  std::string name;
  std::string flag;
  std::map<std::string, std::string> env;
  std::string service;
  std::string region;
  std::string base_url;
  bool overridden;
};

class EndpointResolutionTest : public ::testing::TestWithParam<EndpointCase> {};

TEST_P(EndpointResolutionTest, Resolves) {
  const EndpointCase& c = GetParam();
  EndpointResolver resolver(c.flag, MapEnvironment(c.env));
  Result<Endpoint> endpoint = resolver.Resolve(c.service, c.region);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status().ToString();
  EXPECT_EQ(endpoint->BaseUrl(), c.base_url);
  EXPECT_EQ(endpoint->overridden, c.overridden);
}

INSTANTIATE_TEST_SUITE_P(
    Precedence, EndpointResolutionTest,
    ::testing::Values(
        EndpointCase{
            "Rds", "", {}, "rds", "us-east-1", "https://rds.us-east-1.amazonaws.com", false},
        EndpointCase{"ElastiCache",
                     "",
                     {},
                     "elasticache",
                     "eu-west-1",
                     "https://elasticache.eu-west-1.amazonaws.com",
                     false},
        EndpointCase{"S3", "", {}, "s3", "us-east-1", "https://s3.us-east-1.amazonaws.com", false},
        EndpointCase{
            "Eks", "", {}, "eks", "ap-south-1", "https://eks.ap-south-1.amazonaws.com", false},
        EndpointCase{
            "Sts", "", {}, "sts", "us-west-2", "https://sts.us-west-2.amazonaws.com", false},
        EndpointCase{
            "Logs", "", {}, "logs", "us-east-2", "https://logs.us-east-2.amazonaws.com", false},
        EndpointCase{
            "China", "", {}, "rds", "cn-north-1", "https://rds.cn-north-1.amazonaws.com.cn", false},
        EndpointCase{"GlobalEnv",
                     "",
                     {{"AWS_ENDPOINT_URL", "http://127.0.0.1:5000"}},
                     "rds",
                     "us-east-1",
                     "http://127.0.0.1:5000",
                     true},
        EndpointCase{"FlagBeatsGlobalEnv",
                     "http://127.0.0.1:6000/",
                     {{"AWS_ENDPOINT_URL", "http://127.0.0.1:5000"}},
                     "s3",
                     "us-east-1",
                     "http://127.0.0.1:6000",
                     true},
        EndpointCase{"PerServiceBeatsFlagAndGlobal",
                     "http://127.0.0.1:6000",
                     {{"AWS_ENDPOINT_URL", "http://127.0.0.1:5000"},
                      {"AWS_ENDPOINT_URL_STS", "http://127.0.0.1:7000"}},
                     "sts",
                     "us-east-1",
                     "http://127.0.0.1:7000",
                     true},
        EndpointCase{"PerServiceOnlyForItsService",
                     "",
                     {{"AWS_ENDPOINT_URL_STS", "http://127.0.0.1:7000"}},
                     "rds",
                     "us-east-1",
                     "https://rds.us-east-1.amazonaws.com",
                     false},
        EndpointCase{"LogsUsesCloudWatchLogsName",
                     "",
                     {{"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "https://logs.example:8443/base/"}},
                     "logs",
                     "us-east-1",
                     "https://logs.example:8443/base",
                     true},
        EndpointCase{"ElastiCacheEnvName",
                     "",
                     {{"AWS_ENDPOINT_URL_ELASTICACHE", "http://127.0.0.1:1"}},
                     "elasticache",
                     "us-east-1",
                     "http://127.0.0.1:1",
                     true}),
    [](const auto& info) { return info.param.name; });

TEST(EndpointResolution, RejectsMalformedOverrides) {
  for (std::string bad : {"127.0.0.1:5000", "ftp://host", "http://"}) {
    EndpointResolver resolver(bad, MapEnvironment({}));
    Result<Endpoint> endpoint = resolver.Resolve("rds", "us-east-1");
    ASSERT_FALSE(endpoint.ok()) << bad;
    EXPECT_EQ(endpoint.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(EndpointResolution, RequiresRegionForStandardEndpoints) {
  EndpointResolver resolver("", MapEnvironment({}));
  EXPECT_EQ(resolver.Resolve("rds", "").status().code(), StatusCode::kInvalidArgument);
}

TEST(EndpointResolution, ServiceEnvVarNames) {
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("rds"), "AWS_ENDPOINT_URL_RDS");
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("elasticache"), "AWS_ENDPOINT_URL_ELASTICACHE");
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("s3"), "AWS_ENDPOINT_URL_S3");
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("eks"), "AWS_ENDPOINT_URL_EKS");
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("sts"), "AWS_ENDPOINT_URL_STS");
  EXPECT_EQ(EndpointResolver::ServiceEnvVar("logs"), "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS");
}

}  // namespace
}  // namespace po::aws
