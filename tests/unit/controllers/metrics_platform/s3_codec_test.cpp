// The S3 operations the bucket deletion and ownership check added to the typed client
// (GetBucketTagging, ListObjectVersions, DeleteObjects): encoding and decoding, as tables.
#include <gtest/gtest.h>

#include "operator/aws/s3/codec.h"

namespace po::aws::s3 {
namespace {

bool HasQuery(const RestRequest& r, const std::string& key, const std::string& value) {
  for (const auto& [k, v] : r.query) {
    if (k == key && v == value) return true;
  }
  return false;
}

TEST(S3EmptyingCodecTest, Encoders) {
  const RestRequest tagging = EncodeGetBucketTagging({.Bucket = "b"});
  EXPECT_EQ(tagging.method, "GET");
  EXPECT_EQ(tagging.bucket, "b");
  EXPECT_TRUE(HasQuery(tagging, "tagging", ""));

  const RestRequest list = EncodeListObjectVersions(
      {.Bucket = "b", .KeyMarker = "k1", .VersionIdMarker = "v1", .MaxKeys = 1000});
  EXPECT_EQ(list.method, "GET");
  EXPECT_TRUE(HasQuery(list, "versions", ""));
  EXPECT_TRUE(HasQuery(list, "key-marker", "k1"));
  EXPECT_TRUE(HasQuery(list, "version-id-marker", "v1"));
  EXPECT_TRUE(HasQuery(list, "max-keys", "1000"));

  const RestRequest del = EncodeDeleteObjects(
      {.Bucket = "b", .Delete = {.Objects = {{"a", "v1"}, {"b/c", std::nullopt}}, .Quiet = true}});
  EXPECT_EQ(del.method, "POST");
  EXPECT_TRUE(HasQuery(del, "delete", ""));
  EXPECT_EQ(del.body,
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a</Key>"
            "<VersionId>v1</VersionId></Object><Object><Key>b/c</Key></Object>"
            "<Quiet>true</Quiet></Delete>");
  EXPECT_EQ(del.headers.at("Content-MD5"), ContentMd5(del.body));
}

TEST(S3EmptyingCodecTest, Decoders) {
  auto tags = DecodeGetBucketTagging(
      "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag><Tag><Key>x</Key><Value></Value>"
      "</Tag></TagSet></Tagging>");
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->TagSet.size(), 2u);
  EXPECT_EQ(tags->TagSet[0], (Tag{"k", "v"}));
  EXPECT_EQ(tags->TagSet[1], (Tag{"x", ""}));

  auto versions = DecodeListObjectVersions(
      "<ListVersionsResult><IsTruncated>true</IsTruncated><NextKeyMarker>b</NextKeyMarker>"
      "<NextVersionIdMarker>v2</NextVersionIdMarker><Version><Key>a</Key><VersionId>v1</VersionId>"
      "</Version><DeleteMarker><Key>b</Key><VersionId>v2</VersionId></DeleteMarker>"
      "</ListVersionsResult>");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->Versions.size(), 1u);
  EXPECT_EQ(versions->Versions[0].Key, "a");
  ASSERT_EQ(versions->DeleteMarkers.size(), 1u);
  EXPECT_EQ(versions->DeleteMarkers[0].VersionId, "v2");
  EXPECT_TRUE(versions->IsTruncated);
  EXPECT_EQ(versions->NextKeyMarker, "b");
  EXPECT_EQ(versions->NextVersionIdMarker, "v2");

  auto deleted = DecodeDeleteObjects(
      "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code>"
      "<Message>no</Message></Error></DeleteResult>");
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->Deleted.size(), 1u);
  ASSERT_EQ(deleted->Errors.size(), 1u);
  EXPECT_EQ(deleted->Errors[0].Code, "AccessDenied");

  struct Bad {
    std::string xml;
    std::string operation;
  };
  for (const Bad& bad :
       std::vector<Bad>{{"<nope", "GetBucketTagging"}, {"<Other/>", "ListObjectVersions"}}) {
    auto a = DecodeGetBucketTagging(bad.xml);
    auto b = DecodeListObjectVersions(bad.xml);
    EXPECT_FALSE(a.ok());
    EXPECT_FALSE(b.ok());
    EXPECT_EQ(b.status().code(), StatusCode::kInternal);
  }
}

}  // namespace
}  // namespace po::aws::s3
