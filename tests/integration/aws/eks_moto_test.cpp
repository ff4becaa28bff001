// EksClient end to end through SigningApiCaller against the harness's moto server, in us-east-1 and
// us-west-2: a cluster and node group made with the AWS CLI are described and scaled, and the new
// scaling is checked with the AWS CLI.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/eks/client.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::eks {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::HasSubstr;

class EksMotoTest : public moto::MotoFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    client_ = std::make_unique<EksClient>(*caller_);
  }

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
                         moto::RegionTestName);

}  // namespace
}  // namespace po::aws::eks
