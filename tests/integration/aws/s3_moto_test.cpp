// S3Client end to end through SigningApiCaller against the harness's moto server (path-style
// addressing), in us-east-1 and us-west-2: the bucket set-up the operator performs, checked with
// the AWS CLI; and replication from a us-east-1 bucket to a us-west-2 one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "operator/aws/s3/client.h"
#include "tests/integration/aws/moto_fixture.h"

namespace po::aws::s3 {
namespace {

using moto::Cli;
using moto::Unique;
using ::testing::HasSubstr;

class S3MotoTest : public moto::MotoFixture, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(MotoFixture::SetUp());
    client_ = std::make_unique<S3Client>(*caller_);
  }

  std::unique_ptr<S3Client> client_;
};

TEST_P(S3MotoTest, BucketSetUpAndTearDown) {
  const std::string region = GetParam();
  const std::string bucket = Unique("it-metrics");
  ASSERT_TRUE(client_->CreateBucket(region, {bucket, std::nullopt}).ok());
  EXPECT_EQ(Cli("aws s3api get-bucket-location --region " + region + " --bucket " + bucket +
                " --query LocationConstraint --output text"),
            region == "us-east-1" ? "None" : region);

  Outcome<HeadBucketOutput> head = client_->HeadBucket(region, {bucket});
  ASSERT_TRUE(head.ok()) << head.error().ToString();
  EXPECT_EQ(head->BucketRegion, region);
  Outcome<HeadBucketOutput> missing = client_->HeadBucket(region, {bucket + "-missing"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().http_status, 404);

  ASSERT_TRUE(client_->PutBucketVersioning(region, {bucket, {"Enabled"}}).ok());
  EXPECT_EQ(Cli("aws s3api get-bucket-versioning --region " + region + " --bucket " + bucket +
                " --query Status --output text"),
            "Enabled");

  const std::string key_arn = Cli("aws kms create-key --region " + region +
                                  " --description it --query KeyMetadata.Arn --output text");
  PutBucketEncryptionRequest encryption;
  encryption.Bucket = bucket;
  encryption.ServerSideEncryptionConfiguration.Rules = {
      {ServerSideEncryptionByDefault{"aws:kms", key_arn}, true}};
  Outcome<Empty> encrypted = client_->PutBucketEncryption(region, encryption);
  ASSERT_TRUE(encrypted.ok()) << encrypted.error().ToString();
  EXPECT_EQ(Cli("aws s3api get-bucket-encryption --region " + region + " --bucket " + bucket +
                " --query 'ServerSideEncryptionConfiguration.Rules[0].[ApplyServerSideEncryption" +
                "ByDefault.SSEAlgorithm,ApplyServerSideEncryptionByDefault.KMSMasterKeyID," +
                "BucketKeyEnabled]' --output text"),
            "aws:kms\t" + key_arn + "\tTrue");

  PutPublicAccessBlockRequest block;
  block.Bucket = bucket;
  block.PublicAccessBlockConfiguration = {true, true, true, true};
  ASSERT_TRUE(client_->PutPublicAccessBlock(region, block).ok());
  EXPECT_EQ(Cli("aws s3api get-public-access-block --region " + region + " --bucket " + bucket +
                " --query 'PublicAccessBlockConfiguration.[BlockPublicAcls,IgnorePublicAcls," +
                "BlockPublicPolicy,RestrictPublicBuckets]' --output text"),
            "True\tTrue\tTrue\tTrue");

  LifecycleRule rule;
  rule.ID = "tiering";
  rule.Status = "Enabled";
  rule.Filter = LifecycleRuleFilter{"blocks/"};
  rule.Transitions = {{30, "STANDARD_IA"}, {90, "GLACIER"}};
  rule.Expiration = LifecycleExpiration{365};
  rule.NoncurrentVersionExpiration = NoncurrentVersionExpiration{7};
  Outcome<Empty> lifecycle_set =
      client_->PutBucketLifecycleConfiguration(region, {bucket, {{rule}}});
  ASSERT_TRUE(lifecycle_set.ok()) << lifecycle_set.error().ToString();
  EXPECT_EQ(Cli("aws s3api get-bucket-lifecycle-configuration --region " + region + " --bucket " +
                bucket + " --query 'Rules[0].[ID,Transitions[1].StorageClass,Expiration.Days]'" +
                " --output text"),
            "tiering\tGLACIER\t365");
  Outcome<GetBucketLifecycleConfigurationOutput> lifecycle =
      client_->GetBucketLifecycleConfiguration(region, {bucket});
  ASSERT_TRUE(lifecycle.ok()) << lifecycle.error().ToString();
  ASSERT_EQ(lifecycle->Rules.size(), 1u);
  EXPECT_EQ(lifecycle->Rules[0].NoncurrentVersionExpiration.value().NoncurrentDays, 7);

  PutBucketTaggingRequest tagging;
  tagging.Bucket = bucket;
  tagging.Tagging.TagSet = {{"platform", "metrics"}, {"team", "observability"}};
  ASSERT_TRUE(client_->PutBucketTagging(region, tagging).ok());
  EXPECT_EQ(Cli("aws s3api get-bucket-tagging --region " + region + " --bucket " + bucket +
                " --query 'TagSet[?Key==`team`].Value' --output text"),
            "observability");

  ASSERT_TRUE(client_->DeleteBucket(region, {bucket}).ok());
  Outcome<HeadBucketOutput> gone = client_->HeadBucket(region, {bucket});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().http_status, 404);
}

INSTANTIATE_TEST_SUITE_P(Regions, S3MotoTest, ::testing::Values("us-east-1", "us-west-2"),
                         moto::RegionTestName);

class S3ReplicationTest : public S3MotoTest {};

TEST_P(S3ReplicationTest, CrossRegionReplication) {
  const std::string source_region = GetParam();
  const std::string bucket = Unique("it-source");
  const std::string destination = Unique("it-replica");
  ASSERT_TRUE(client_->CreateBucket(source_region, {bucket, std::nullopt}).ok());
  ASSERT_TRUE(client_->CreateBucket("us-west-2", {destination, std::nullopt}).ok());
  ASSERT_TRUE(client_->PutBucketVersioning(source_region, {bucket, {"Enabled"}}).ok());
  ASSERT_TRUE(client_->PutBucketVersioning("us-west-2", {destination, {"Enabled"}}).ok());

  ReplicationRule rule;
  rule.ID = "dr";
  rule.Priority = 1;
  rule.Status = "Enabled";
  rule.Filter = ReplicationRuleFilter{"metrics/"};
  rule.DeleteMarkerReplication = DeleteMarkerReplication{"Disabled"};
  rule.Destination = {"arn:aws:s3:::" + destination, "STANDARD_IA"};
  Outcome<Empty> replicated = client_->PutBucketReplication(
      source_region, {bucket, {"arn:aws:iam::123456789012:role/replication", {rule}}});
  ASSERT_TRUE(replicated.ok()) << replicated.error().ToString();
  EXPECT_EQ(Cli("aws s3api get-bucket-replication --region " + source_region + " --bucket " +
                bucket + " --query 'ReplicationConfiguration.Rules[0].[Destination.Bucket," +
                "Destination.StorageClass]' --output text"),
            "arn:aws:s3:::" + destination + "\tSTANDARD_IA");
}

INSTANTIATE_TEST_SUITE_P(EastToWest, S3ReplicationTest, ::testing::Values("us-east-1"));

}  // namespace
}  // namespace po::aws::s3
