// Checks the S3 encoders against botocore's rest-xml serializer (method, subresource, body),
// Content-MD5, the lifecycle decoder on a body captured from moto (tests/fixtures/aws/s3) and
// S3Client through a FakeApiCaller.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "operator/aws/s3/client.h"
#include "operator/aws/s3/codec.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::s3 {
namespace {

using ::po::aws::testing::FakeApiCaller;
using ::po::aws::testing::ReadFixture;
using ::po::aws::testing::RecordedCall;
using ::po::aws::testing::ServiceError;
using ::testing::ElementsAre;
using ::testing::Pair;

using Query = std::vector<std::pair<std::string, std::string>>;

struct EncodeCase {
  std::string name;
  std::function<RestRequest()> encode;
  std::string method;
  Query query;
  std::string body;  // botocore's serialized body
};

class S3EncodeTest : public ::testing::TestWithParam<EncodeCase> {};

TEST_P(S3EncodeTest, MatchesBotocoreSerializer) {
  const EncodeCase& c = GetParam();
  RestRequest request = c.encode();
  EXPECT_EQ(request.method, c.method);
  EXPECT_EQ(request.path, "/");
  EXPECT_EQ(request.bucket, "metrics-east");
  EXPECT_EQ(request.query, c.query);
  EXPECT_EQ(request.body, c.body);
}

std::vector<EncodeCase> Cases() {
  constexpr char kNs[] = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
  auto ns = [&](const std::string& root, const std::string& inner) {
    return "<" + root + " " + kNs + ">" + inner + "</" + root + ">";
  };
  return {
      {"CreateBucketUsEast1",
       [] {
         return EncodeCreateBucket({"metrics-east", std::nullopt});
       },
       "PUT",
       {},
       ""},
      {"CreateBucketWithLocation",
       [] {
         return EncodeCreateBucket({"metrics-east", CreateBucketConfiguration{"us-west-2"}});
       },
       "PUT",
       {},
       ns("CreateBucketConfiguration", "<LocationConstraint>us-west-2</LocationConstraint>")},
      {"HeadBucket", [] { return EncodeHeadBucket({"metrics-east"}); }, "HEAD", {}, ""},
      {"DeleteBucket", [] { return EncodeDeleteBucket({"metrics-east"}); }, "DELETE", {}, ""},
      {"PutBucketVersioning",
       [] {
         return EncodePutBucketVersioning({"metrics-east", {"Enabled"}});
       },
       "PUT",
       {{"versioning", ""}},
       ns("VersioningConfiguration", "<Status>Enabled</Status>")},
      {"PutBucketEncryptionKms",
       [] {
         PutBucketEncryptionRequest r;
         r.Bucket = "metrics-east";
         r.ServerSideEncryptionConfiguration.Rules = {
             {ServerSideEncryptionByDefault{"aws:kms", "arn:aws:kms:us-east-1:123456789012:key/k"},
              true}};
         return EncodePutBucketEncryption(r);
       },
       "PUT",
       {{"encryption", ""}},
       ns("ServerSideEncryptionConfiguration",
          "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
          "<KMSMasterKeyID>arn:aws:kms:us-east-1:123456789012:key/k</KMSMasterKeyID>"
          "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>")},
      {"PutPublicAccessBlock",
       [] {
         PutPublicAccessBlockRequest r;
         r.Bucket = "metrics-east";
         r.PublicAccessBlockConfiguration = {true, true, true, true};
         return EncodePutPublicAccessBlock(r);
       },
       "PUT",
       {{"publicAccessBlock", ""}},
       ns("PublicAccessBlockConfiguration",
          "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
          "<BlockPublicPolicy>true</BlockPublicPolicy>"
          "<RestrictPublicBuckets>true</RestrictPublicBuckets>")},
      {"PutBucketLifecycleConfiguration",
       [] {
         LifecycleRule rule;
         rule.ID = "tiering";
         rule.Status = "Enabled";
         rule.Filter = LifecycleRuleFilter{"blocks/"};
         rule.Transitions = {{30, "STANDARD_IA"}, {90, "GLACIER"}};
         rule.Expiration = LifecycleExpiration{365};
         rule.NoncurrentVersionExpiration = NoncurrentVersionExpiration{7};
         return EncodePutBucketLifecycleConfiguration({"metrics-east", {{rule}}});
       },
       "PUT",
       {{"lifecycle", ""}},
       ns("LifecycleConfiguration",
          "<Rule><ID>tiering</ID><Status>Enabled</Status><Filter><Prefix>blocks/</Prefix></Filter>"
          "<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>"
          "<Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>"
          "<Expiration><Days>365</Days></Expiration>"
          "<NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays>"
          "</NoncurrentVersionExpiration></Rule>")},
      {"GetBucketLifecycleConfiguration",
       [] { return EncodeGetBucketLifecycleConfiguration({"metrics-east"}); },
       "GET",
       {{"lifecycle", ""}},
       ""},
      {"PutBucketReplication",
       [] {
         ReplicationRule rule;
         rule.ID = "dr";
         rule.Priority = 1;
         rule.Status = "Enabled";
         rule.Filter = ReplicationRuleFilter{"metrics/"};
         rule.DeleteMarkerReplication = DeleteMarkerReplication{"Disabled"};
         rule.Destination = {"arn:aws:s3:::metrics-west", "STANDARD_IA"};
         return EncodePutBucketReplication(
             {"metrics-east", {"arn:aws:iam::123456789012:role/repl", {rule}}});
       },
       "PUT",
       {{"replication", ""}},
       ns("ReplicationConfiguration",
          "<Role>arn:aws:iam::123456789012:role/repl</Role><Rule><ID>dr</ID><Priority>1</Priority>"
          "<Status>Enabled</Status><Filter><Prefix>metrics/</Prefix></Filter>"
          "<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>"
          "<Destination><Bucket>arn:aws:s3:::metrics-west</Bucket>"
          "<StorageClass>STANDARD_IA</StorageClass></Destination></Rule>")},
      {"PutBucketTagging",
       [] {
         return EncodePutBucketTagging(
             {"metrics-east", {{{"platform", "metrics"}, {"team", "obs & co"}}}});
       },
       "PUT",
       {{"tagging", ""}},
       ns("Tagging",
          "<TagSet><Tag><Key>platform</Key><Value>metrics</Value></Tag>"
          "<Tag><Key>team</Key><Value>obs &amp; co</Value></Tag></TagSet>")},
  };
}

INSTANTIATE_TEST_SUITE_P(Botocore, S3EncodeTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<EncodeCase>& info) {
                           return info.param.name;
                         });

TEST(S3EncodeTest, LifecycleCarriesContentMd5OfItsBody) {
  LifecycleRule rule;
  rule.ID = "tmp";
  rule.Status = "Disabled";
  RestRequest request = EncodePutBucketLifecycleConfiguration({"metrics-east", {{rule}}});
  EXPECT_EQ(request.headers.at("Content-MD5"), ContentMd5(request.body));
  EXPECT_EQ(request.headers.at("Content-Type"), "application/xml");
}

TEST(S3EncodeTest, ContentMd5IsBase64OfMd5) {
  // Values from `printf '%s' … | openssl md5 -binary | base64`.
  EXPECT_EQ(ContentMd5(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(ContentMd5("hello"), "XUFAKrxLKna5cZ2REBfFkg==");
}

TEST(S3DecodeTest, LifecycleConfigurationFromMoto) {
  Result<GetBucketLifecycleConfigurationOutput> out = DecodeGetBucketLifecycleConfiguration(
      ReadFixture("s3/get_bucket_lifecycle_configuration.xml"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->Rules.size(), 2u);
  const LifecycleRule& rule = out->Rules[0];
  EXPECT_EQ(rule.ID, "tiering");
  EXPECT_EQ(rule.Status, "Enabled");
  ASSERT_TRUE(rule.Filter.has_value());
  EXPECT_EQ(rule.Filter->Prefix, "blocks/");
  ASSERT_EQ(rule.Transitions.size(), 2u);
  EXPECT_EQ(rule.Transitions[0].Days, 30);
  EXPECT_EQ(rule.Transitions[0].StorageClass, "STANDARD_IA");
  EXPECT_EQ(rule.Transitions[1].StorageClass, "GLACIER");
  ASSERT_TRUE(rule.Expiration.has_value());
  EXPECT_EQ(rule.Expiration->Days, 365);
  ASSERT_TRUE(rule.NoncurrentVersionExpiration.has_value());
  EXPECT_EQ(rule.NoncurrentVersionExpiration->NoncurrentDays, 7);
  EXPECT_EQ(out->Rules[1].ID, "tmp");
  EXPECT_EQ(out->Rules[1].Status, "Disabled");
  EXPECT_TRUE(out->Rules[1].Transitions.empty());
}

TEST(S3DecodeTest, WrongDocumentIsInternalError) {
  Result<GetBucketLifecycleConfigurationOutput> out = DecodeGetBucketLifecycleConfiguration(
      "<Error><Code>NoSuchLifecycleConfiguration</Code></Error>");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInternal);
  EXPECT_THAT(out.status().message(), ::testing::HasSubstr("no <LifecycleConfiguration>"));
}

TEST(S3DecodeTest, HeadBucketReadsRegionHeader) {
  RestResponse response;
  response.status = 200;
  response.headers = {{"x-amz-bucket-region", "us-west-2"}};
  EXPECT_EQ(DecodeHeadBucket(response).BucketRegion, "us-west-2");
  EXPECT_FALSE(DecodeHeadBucket(RestResponse{}).BucketRegion.has_value());
}

TEST(S3ClientTest, CreateBucketOutsideUsEast1AddsLocationConstraint) {
  FakeApiCaller caller;
  caller.QueueRest(200, "");
  caller.QueueRest(200, "");
  S3Client client(caller);

  EXPECT_TRUE(client.CreateBucket("us-west-2", {"metrics-west", std::nullopt}).ok());
  EXPECT_TRUE(client.CreateBucket("us-east-1", {"metrics-east", std::nullopt}).ok());

  std::vector<RecordedCall> calls = caller.calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].protocol, RecordedCall::Protocol::kRest);
  EXPECT_EQ(calls[0].target.service, "s3");
  EXPECT_EQ(calls[0].target.region, "us-west-2");
  EXPECT_EQ(calls[0].operation, "CreateBucket");
  EXPECT_EQ(calls[0].rest.bucket, "metrics-west");
  EXPECT_THAT(calls[0].rest.body,
              ::testing::HasSubstr("<LocationConstraint>us-west-2</LocationConstraint>"));
  EXPECT_EQ(calls[1].rest.body, "");
}

TEST(S3ClientTest, HeadBucketNotFoundIsReturnedUnchanged) {
  FakeApiCaller caller;
  caller.QueueRest(ServiceError("NotFound", 404));
  S3Client client(caller);
  EXPECT_TRUE(client.HeadBucket("us-east-1", {"missing"}).IsError("NotFound"));
}

TEST(S3ClientTest, EachOperationUsesItsName) {
  FakeApiCaller caller;
  for (int i = 0; i < 8; ++i) caller.QueueRest(200, "");
  caller.QueueRest(200, ReadFixture("s3/get_bucket_lifecycle_configuration.xml"));
  S3Client client(caller);
  const std::string region = "us-east-1";
  EXPECT_TRUE(client.HeadBucket(region, {"b"}).ok());
  EXPECT_TRUE(client.PutBucketVersioning(region, {"b", {"Enabled"}}).ok());
  EXPECT_TRUE(client.PutBucketEncryption(region, {"b", {}}).ok());
  EXPECT_TRUE(client.PutPublicAccessBlock(region, {"b", {}}).ok());
  EXPECT_TRUE(client.PutBucketLifecycleConfiguration(region, {"b", {}}).ok());
  EXPECT_TRUE(client.PutBucketReplication(region, {"b", {}}).ok());
  EXPECT_TRUE(client.PutBucketTagging(region, {"b", {}}).ok());
  EXPECT_TRUE(client.DeleteBucket(region, {"b"}).ok());
  Outcome<GetBucketLifecycleConfigurationOutput> lifecycle =
      client.GetBucketLifecycleConfiguration(region, {"b"});
  ASSERT_TRUE(lifecycle.ok());
  EXPECT_EQ(lifecycle->Rules.size(), 2u);

  std::vector<std::string> operations;
  for (const RecordedCall& call : caller.calls()) operations.push_back(call.operation);
  EXPECT_THAT(operations, ElementsAre("HeadBucket", "PutBucketVersioning", "PutBucketEncryption",
                                      "PutPublicAccessBlock", "PutBucketLifecycleConfiguration",
                                      "PutBucketReplication", "PutBucketTagging", "DeleteBucket",
                                      "GetBucketLifecycleConfiguration"));
}

}  // namespace
}  // namespace po::aws::s3
