// Checks the EKS encoders against botocore's rest-json serializer (method, path, body), the
// decoders on bodies captured from moto (tests/fixtures/aws/eks) and EksClient through a
// FakeApiCaller.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "operator/aws/eks/client.h"
#include "operator/aws/eks/codec.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::eks {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(EksEncodeTest, MatchesBotocoreSerializer) {
  RestRequest cluster = EncodeDescribeCluster({"metrics"});
  EXPECT_EQ(cluster.method, "GET");
  EXPECT_EQ(cluster.path, "/clusters/metrics");
  EXPECT_EQ(cluster.body, "");

  RestRequest nodegroup = EncodeDescribeNodegroup({"metrics", "workers"});
  EXPECT_EQ(nodegroup.method, "GET");
  EXPECT_EQ(nodegroup.path, "/clusters/metrics/node-groups/workers");

  UpdateNodegroupConfigRequest update;
  update.clusterName = "metrics";
  update.nodegroupName = "workers";
  update.scalingConfig = NodegroupScalingConfig{3, 9, 4};
  update.clientRequestToken = "tok";
  RestRequest encoded = EncodeUpdateNodegroupConfig(update);
  EXPECT_EQ(encoded.method, "POST");
  EXPECT_EQ(encoded.path, "/clusters/metrics/node-groups/workers/update-config");
  EXPECT_EQ(encoded.headers.at("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(encoded.body),
            nlohmann::json::parse(R"({"scalingConfig": {"minSize": 3, "maxSize": 9,
                                      "desiredSize": 4}, "clientRequestToken": "tok"})"));
  EXPECT_TRUE(encoded.bucket.empty());
}

TEST(EksEncodeTest, PathSegmentsArePercentEncoded) {
  EXPECT_EQ(EncodePathSegment("a-b_c.d~1"), "a-b_c.d~1");
  EXPECT_EQ(EncodePathSegment("a/b c"), "a%2Fb%20c");
  EXPECT_EQ(EncodeDescribeNodegroup({"my cluster", "ng/1"}).path,
            "/clusters/my%20cluster/node-groups/ng%2F1");
}

TEST(EksDecodeTest, DescribeClusterFromMoto) {
  Result<Cluster> c = DecodeDescribeCluster(ReadFixture("eks/describe_cluster.json"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->name, "metrics");
  EXPECT_EQ(c->arn, "arn:aws:eks:us-east-1:123456789012:cluster/metrics");
  EXPECT_EQ(c->version, "1.34");
  EXPECT_EQ(c->status, "ACTIVE");
  EXPECT_EQ(c->roleArn, "arn:aws:iam::123456789012:role/eks");
  EXPECT_THAT(c->endpoint.value_or(""), HasSubstr(".us-east-1.eks.amazonaws.com"));
  ASSERT_TRUE(c->resourcesVpcConfig.has_value());
  EXPECT_EQ(c->resourcesVpcConfig->subnetIds.size(), 2u);
  EXPECT_TRUE(c->oidcIssuer.has_value());
  ASSERT_TRUE(c->certificateAuthority.has_value());
  EXPECT_TRUE(c->certificateAuthority->data.has_value());
  EXPECT_EQ(c->tags.at("platform"), "metrics");
  EXPECT_TRUE(c->createdAt.has_value());
}

TEST(EksDecodeTest, DescribeNodegroupFromMoto) {
  Result<Nodegroup> n = DecodeDescribeNodegroup(ReadFixture("eks/describe_nodegroup.json"));
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->nodegroupName, "workers");
  EXPECT_EQ(n->clusterName, "metrics");
  EXPECT_EQ(n->status, "ACTIVE");
  ASSERT_TRUE(n->scalingConfig.has_value());
  EXPECT_EQ(n->scalingConfig->minSize, 2);
  EXPECT_EQ(n->scalingConfig->maxSize, 6);
  EXPECT_EQ(n->scalingConfig->desiredSize, 3);
  EXPECT_THAT(n->instanceTypes, ElementsAre("m7g.large"));
  EXPECT_EQ(n->diskSize, 20);
  EXPECT_TRUE(n->healthIssues.empty());
}

TEST(EksDecodeTest, UpdateNodegroupConfigFromMoto) {
  Result<Update> u = DecodeUpdateNodegroupConfig(ReadFixture("eks/update_nodegroup_config.json"));
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->type, "ConfigUpdate");
  EXPECT_EQ(u->status, "Successful");
  ASSERT_EQ(u->params.size(), 1u);
  EXPECT_EQ(u->params[0].type, "ScalingConfig");
  EXPECT_TRUE(u->errors.empty());
  EXPECT_TRUE(u->id.has_value());
}

TEST(EksDecodeTest, DocumentedHealthIssuesAndUpdateErrors) {
  Result<Nodegroup> n = DecodeDescribeNodegroup(R"({"nodegroup": {"nodegroupName": "workers",
      "status": "DEGRADED", "health": {"issues": [{"code": "AsgInstanceLaunchFailures",
      "message": "Could not launch On-Demand Instances.", "resourceIds": ["eks-workers-1"]}]}}})");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  ASSERT_EQ(n->healthIssues.size(), 1u);
  EXPECT_EQ(n->healthIssues[0].code, "AsgInstanceLaunchFailures");
  EXPECT_THAT(n->healthIssues[0].resourceIds, ElementsAre("eks-workers-1"));

  Result<Update> u = DecodeUpdateNodegroupConfig(R"({"update": {"id": "u1", "status": "Failed",
      "type": "ConfigUpdate", "errors": [{"errorCode": "NodeCreationFailure",
      "errorMessage": "Instances failed to join", "resourceIds": ["i-1"]}]}})");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  ASSERT_EQ(u->errors.size(), 1u);
  EXPECT_EQ(u->errors[0].errorCode, "NodeCreationFailure");
}

TEST(EksDecodeTest, BadBodiesAreInternalErrors) {
  Result<Cluster> not_json = DecodeDescribeCluster("{oops");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.status().code(), StatusCode::kInternal);
  EXPECT_THAT(not_json.status().message(), HasSubstr("malformed JSON in EKS DescribeCluster"));

  Result<Nodegroup> wrong = DecodeDescribeNodegroup(R"({"cluster": {}})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(), HasSubstr("has no \"nodegroup\" object"));
}

TEST(EksClientTest, CallsEksInTheGivenRegion) {
  FakeApiCaller caller;
  caller.QueueRest(200, ReadFixture("eks/describe_cluster.json"));
  caller.QueueRest(200, ReadFixture("eks/describe_nodegroup.json"));
  caller.QueueRest(200, ReadFixture("eks/update_nodegroup_config.json"));
  EksClient client(caller);

  EXPECT_TRUE(client.DescribeCluster("ap-south-1", {"metrics"}).ok());
  EXPECT_TRUE(client.DescribeNodegroup("ap-south-1", {"metrics", "workers"}).ok());
  UpdateNodegroupConfigRequest update;
  update.clusterName = "metrics";
  update.nodegroupName = "workers";
  update.scalingConfig = NodegroupScalingConfig{3, 9, 4};
  Outcome<Update> started = client.UpdateNodegroupConfig("ap-south-1", update);
  ASSERT_TRUE(started.ok()) << started.error().ToString();

  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 3u);
  for (const RecordedCall& call : calls) {
    EXPECT_EQ(call.protocol, RecordedCall::Protocol::kRest);
    EXPECT_EQ(call.target.service, "eks");
    EXPECT_EQ(call.target.region, "ap-south-1");
  }
  EXPECT_EQ(calls[0].operation, "DescribeCluster");
  EXPECT_EQ(calls[1].operation, "DescribeNodegroup");
  EXPECT_EQ(calls[2].operation, "UpdateNodegroupConfig");
  EXPECT_EQ(calls[2].rest.method, "POST");
}

TEST(EksClientTest, ServiceErrorAndBadBody) {
  FakeApiCaller caller;
  caller.QueueRest(ServiceError("ResourceNotFoundException", 404));
  caller.QueueRest(200, "<html/>");
  EksClient client(caller);

  EXPECT_TRUE(client.DescribeCluster("us-east-1", {"nope"}).IsError("ResourceNotFoundException"));
  Outcome<Cluster> bad = client.DescribeCluster("us-east-1", {"metrics"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "InvalidResponse");
}

}  // namespace
}  // namespace po::aws::eks
