// EksClient end to end through SigningApiCaller against the harness's moto server, in us-east-1 and
// us-west-2: a cluster and node group made with the AWS CLI are described and scaled, and the new
// scaling is checked with the AWS CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_chain.h"
#include "operator/aws/eks/client.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/signing_api_caller.h"
#include "tests/support/harness_env.h"

namespace po::aws::eks {
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

class EksMotoTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_FALSE(po::testing::RequireHarness().empty());
    endpoints_ = std::make_unique<EndpointResolver>("", ProcessEnvironment());
    credentials_ = MakeDefaultCredentialsChain(
        DefaultChainDeps{ProcessEnvironment(), files_, transport_, *endpoints_, clock_});
    caller_ = std::make_unique<SigningApiCaller>(
        ApiCallerDeps{transport_, *credentials_, *endpoints_, clock_, random_, registry_});
    client_ = std::make_unique<EksClient>(*caller_);
  }

  CpprestHttpTransport transport_;
  DiskFileReader files_;
  RealClock clock_;
  RealRandom random_;
  prometheus::Registry registry_;
  std::unique_ptr<EndpointResolver> endpoints_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::unique_ptr<SigningApiCaller> caller_;
  std::unique_ptr<EksClient> client_;
};

TEST_P(EksMotoTest, DescribeAndScaleNodegroup) {
  const std::string region = GetParam();
  const std::string cluster = Unique("it-eks");
  const std::string role = "arn:aws:iam::123456789012:role/eks";
  const std::string vpc = Cli("aws ec2 create-vpc --region " + region +
                              " --cidr-block 10.2.0.0/16 --query Vpc.VpcId --output text");
  const std::string subnet = Cli("aws ec2 create-subnet --region " + region + " --vpc-id " + vpc +
                                 " --cidr-block 10.2.1.0/24 --query Subnet.SubnetId --output text");
  Cli("aws eks create-cluster --region " + region + " --name " + cluster + " --role-arn " + role +
      " --kubernetes-version 1.34 --resources-vpc-config subnetIds=" + subnet +
      " --tags platform=metrics");
  Cli("aws eks create-nodegroup --region " + region + " --cluster-name " + cluster +
      " --nodegroup-name workers --node-role " + role + " --subnets " + subnet +
      " --instance-types m7g.large --scaling-config minSize=2,maxSize=6,desiredSize=3");

  Outcome<Cluster> described = client_->DescribeCluster(region, {cluster});
  ASSERT_TRUE(described.ok()) << described.error().ToString();
  EXPECT_EQ(described->name, cluster);
  EXPECT_EQ(described->version, "1.34");
  EXPECT_EQ(described->status, "ACTIVE");
  EXPECT_THAT(described->arn.value_or(""), HasSubstr("arn:aws:eks:" + region + ":"));
  EXPECT_EQ(described->tags["platform"], "metrics");

  Outcome<Nodegroup> nodegroup = client_->DescribeNodegroup(region, {cluster, "workers"});
  ASSERT_TRUE(nodegroup.ok()) << nodegroup.error().ToString();
  EXPECT_EQ(nodegroup->scalingConfig.value().desiredSize, 3);

  UpdateNodegroupConfigRequest update;
  update.clusterName = cluster;
  update.nodegroupName = "workers";
  update.scalingConfig = NodegroupScalingConfig{3, 9, 4};
  Outcome<Update> started = client_->UpdateNodegroupConfig(region, update);
  ASSERT_TRUE(started.ok()) << started.error().ToString();
  EXPECT_EQ(started->type, "ConfigUpdate");
  EXPECT_EQ(Cli("aws eks describe-nodegroup --region " + region + " --cluster-name " + cluster +
                " --nodegroup-name workers --query 'nodegroup.scalingConfig.[minSize,maxSize," +
                "desiredSize]' --output text"),
            "3\t9\t4");

  Outcome<Cluster> missing = client_->DescribeCluster(region, {cluster + "-missing"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "ResourceNotFoundException");
}

INSTANTIATE_TEST_SUITE_P(Regions, EksMotoTest, ::testing::Values("us-east-1", "us-west-2"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace po::aws::eks
