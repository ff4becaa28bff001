// SigV4 vectors of the project's own, computed independently with botocore's signers
// (`python3 tests/unit/aws/sigv4_botocore_vectors.py`, botocore 1.43.11), so the signer is tested
// even without the official suite: Query, JSON 1.1, REST-JSON and S3 requests, session tokens,
// UTF-8 S3 keys, and presigned URLs for STS and S3.
#include <gtest/gtest.h>

#include <chrono>

#include "operator/aws/crypto.h"
#include "operator/aws/sigv4.h"

namespace po::aws {
namespace {

using std::chrono::sys_days;

const std::chrono::system_clock::time_point kTime =
    sys_days{std::chrono::year{2026} / 1 / 2} + std::chrono::hours(3) + std::chrono::minutes(4) +
    std::chrono::seconds(5);
constexpr char kSecret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr char kToken[] = "FwoGZXIvYXdzEXAMPLE/token+1==";

Credentials LongTerm() {
  return {"AKIDEXAMPLE", kSecret, "", std::nullopt};
}
Credentials Temporary() {
  return {"ASIAEXAMPLE", kSecret, kToken, std::nullopt};
}

struct HeaderVector {
  std::string name;
  Credentials credentials;
  std::string service;
  std::string region;
  SigningRequest request;
  std::string canonical_request;
  std::string string_to_sign;
  std::string authorization;
};

std::vector<HeaderVector> HeaderVectors() {
  return {
      {"RdsQueryPost",
       LongTerm(),
       "rds",
       "us-east-1",
       {"POST",
        "/",
        {},
        {{"Host", "rds.us-east-1.amazonaws.com"},
         {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
        "Action=DescribeDBInstances&Version=2014-10-31&DBInstanceIdentifier=db%201"},
       "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
       "host:rds.us-east-1.amazonaws.com\nx-amz-date:20260102T030405Z\n\n"
       "content-type;host;x-amz-date\n"
       "8db03f4b9437d7b39992899a01815cfe75ac495ced98e9902add4e9ab92acef0",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/rds/aws4_request\n"
       "de6654f25aa94536447f575de033135e444ff405ffa1f2c92b4d8880836fb0d2",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/rds/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date, "
       "Signature=d0a7b785c39efdd6eb6e7cf9db7c786771c37935e49239e1ef17e95c41a4c7ac"},
      {"StsQueryWithSessionToken",
       Temporary(),
       "sts",
       "us-east-1",
       {"POST",
        "/",
        {},
        {{"Host", "sts.us-east-1.amazonaws.com"},
         {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
        "Action=GetCallerIdentity&Version=2011-06-15"},
       "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
       "host:sts.us-east-1.amazonaws.com\nx-amz-date:20260102T030405Z\n"
       "x-amz-security-token:FwoGZXIvYXdzEXAMPLE/token+1==\n\n"
       "content-type;host;x-amz-date;x-amz-security-token\n"
       "ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/sts/aws4_request\n"
       "48380e3ede30bbc581151a806da17a80194b7f93537933ca6b48e3f8723ed29a",
       "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260102/us-east-1/sts/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
       "Signature=76bbf2969fdd810338b7a73378fe02a2f3ba91fae86344542b7fac7780de76e2"},
      {"LogsJson11",
       LongTerm(),
       "logs",
       "eu-west-1",
       {"POST",
        "/",
        {},
        {{"Host", "logs.eu-west-1.amazonaws.com"},
         {"Content-Type", "application/x-amz-json-1.1"},
         {"X-Amz-Target", "Logs_20140328.DescribeLogGroups"}},
        R"({"logGroupNamePrefix":"/metrics"})"},
       "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:logs.eu-west-1.amazonaws.com\n"
       "x-amz-date:20260102T030405Z\nx-amz-target:Logs_20140328.DescribeLogGroups\n\n"
       "content-type;host;x-amz-date;x-amz-target\n"
       "6075ee011b643f9ce8fa1db7439d2d8a115ca96bd49f0cf7e38f0ff277ed40a8",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/eu-west-1/logs/aws4_request\n"
       "57636c518becd4c2600a4231acf77ea987a3967f52fd6493b5a9a037b1183e90",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/eu-west-1/logs/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
       "Signature=118fc12b58bd6be121e592afecbb4b1dbb6c8efab8b7fa93e40b4775e0585e67"},
      {"EksRestGetWithQuery",
       LongTerm(),
       "eks",
       "us-west-2",
       {"GET",
        "/clusters/my-cluster/node-groups",
        {{"maxResults", "10"}, {"nextToken", "a/b="}},
        {{"Host", "eks.us-west-2.amazonaws.com"}},
        ""},
       "GET\n/clusters/my-cluster/node-groups\nmaxResults=10&nextToken=a%2Fb%3D\n"
       "host:eks.us-west-2.amazonaws.com\nx-amz-date:20260102T030405Z\n\nhost;x-amz-date\n"
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-west-2/eks/aws4_request\n"
       "90acc8e11a6e0a0ce4c06a2efa134b146c602cfa2c7433df157520a9bc82b0ef",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-west-2/eks/aws4_request, "
       "SignedHeaders=host;x-amz-date, "
       "Signature=351952fd872c45ca5dee3cd52176e8bb1ba21a72b479870fa6fc43d752fd529a"},
      {"S3GetObjectUtf8Key",
       LongTerm(),
       "s3",
       "us-east-1",
       {"GET",
        "/my-bucket/dir/k%C3%A9y%20name.txt",
        {{"versionId", "v+1"}},
        {{"Host", "s3.us-east-1.amazonaws.com"}},
        ""},
       "GET\n/my-bucket/dir/k%C3%A9y%20name.txt\nversionId=v%2B1\n"
       "host:s3.us-east-1.amazonaws.com\n"
       "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
       "x-amz-date:20260102T030405Z\n\nhost;x-amz-content-sha256;x-amz-date\n"
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n"
       "60577e54f7402f011e65418a2e9232f4dcb67dfc10c967668fff79779c430109",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request, "
       "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
       "Signature=f1531d8cdecfd71f3401c0d6f8cd6154a3310373b76fdbc7aa93f2acfe72fe3c"},
      {"S3PutLifecycleWithContentMd5",
       Temporary(),
       "s3",
       "us-east-1",
       {"PUT",
        "/my-bucket",
        {{"lifecycle", ""}},
        {{"Host", "127.0.0.1:5000"},
         {"Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="},
         {"Content-Type", "application/xml"}},
        "<LifecycleConfiguration/>"},
       "PUT\n/my-bucket\nlifecycle=\ncontent-md5:1B2M2Y8AsgTpgAmY7PhCfg==\n"
       "content-type:application/xml\nhost:127.0.0.1:5000\n"
       "x-amz-content-sha256:75ef3d0e29cadc6c3964113128b8b4a52c980a62fb35a7743ea6198ffae3586a\n"
       "x-amz-date:20260102T030405Z\nx-amz-security-token:FwoGZXIvYXdzEXAMPLE/token+1==\n\n"
       "content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token\n"
       "75ef3d0e29cadc6c3964113128b8b4a52c980a62fb35a7743ea6198ffae3586a",
       "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n"
       "43508afa64acd160ea338bba520ce502db8fb76d6b9564bd2f93bbf6845273c1",
       "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260102/us-east-1/s3/aws4_request, "
       "SignedHeaders=content-md5;content-type;host;x-amz-content-sha256;x-amz-date;"
       "x-amz-security-token, "
       "Signature=fc383a3cb8d744464416fc0b528c7a4169506fb10f17e936e0c242e39294338c"},
  };
}

class SigV4OwnHeaderVectorTest : public ::testing::TestWithParam<HeaderVector> {};

TEST_P(SigV4OwnHeaderVectorTest, MatchesBotocore) {
  const HeaderVector& v = GetParam();
  SigningOptions options = SigningOptions::For(v.service, v.region, kTime);
  SignatureResult result = SignWithHeaders(v.request, v.credentials, options);
  EXPECT_EQ(result.canonical_request, v.canonical_request);
  EXPECT_EQ(result.string_to_sign, v.string_to_sign);
  ASSERT_FALSE(result.additions.empty());
  EXPECT_EQ(result.additions.back(), std::make_pair(std::string("Authorization"), v.authorization));
}

INSTANTIATE_TEST_SUITE_P(Botocore, SigV4OwnHeaderVectorTest, ::testing::ValuesIn(HeaderVectors()),
                         [](const auto& info) { return info.param.name; });

struct PresignVector {
  std::string name;
  std::string service;
  SigningRequest request;
  std::chrono::seconds expires;
  std::string canonical_request;
  std::string query;  // the full presigned query string botocore produced
};

std::vector<PresignVector> PresignVectors() {
  return {
      {"StsGetCallerIdentity",
       "sts",
       {"GET",
        "/",
        {{"Action", "GetCallerIdentity"}, {"Version", "2011-06-15"}},
        {{"Host", "sts.us-east-1.amazonaws.com"}},
        ""},
       std::chrono::seconds(900),
       "GET\n/\nAction=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&"
       "X-Amz-Credential=ASIAEXAMPLE%2F20260102%2Fus-east-1%2Fsts%2Faws4_request&"
       "X-Amz-Date=20260102T030405Z&X-Amz-Expires=900&"
       "X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2B1%3D%3D&X-Amz-SignedHeaders=host\n"
       "host:sts.us-east-1.amazonaws.com\n\nhost\n"
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
       "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&"
       "X-Amz-Credential=ASIAEXAMPLE%2F20260102%2Fus-east-1%2Fsts%2Faws4_request&"
       "X-Amz-Date=20260102T030405Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&"
       "X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2B1%3D%3D&"
       "X-Amz-Signature=37f3bc08ad7f8204ebd653d5a146566a8e3e249ba62cd2172953b4ae198d5866"},
      {"S3GetObject",
       "s3",
       {"GET",
        "/my-bucket/reports/2026%2001.csv",
        {},
        {{"Host", "s3.us-east-1.amazonaws.com"}},
        ""},
       std::chrono::seconds(3600),
       "GET\n/my-bucket/reports/2026%2001.csv\nX-Amz-Algorithm=AWS4-HMAC-SHA256&"
       "X-Amz-Credential=ASIAEXAMPLE%2F20260102%2Fus-east-1%2Fs3%2Faws4_request&"
       "X-Amz-Date=20260102T030405Z&X-Amz-Expires=3600&"
       "X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2B1%3D%3D&X-Amz-SignedHeaders=host\n"
       "host:s3.us-east-1.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD",
       "X-Amz-Algorithm=AWS4-HMAC-SHA256&"
       "X-Amz-Credential=ASIAEXAMPLE%2F20260102%2Fus-east-1%2Fs3%2Faws4_request&"
       "X-Amz-Date=20260102T030405Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&"
       "X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2B1%3D%3D&"
       "X-Amz-Signature=649c46363299c89eedf8092ad9266751be582313ef33865c712bbcde319723f7"},
  };
}

class SigV4OwnPresignVectorTest : public ::testing::TestWithParam<PresignVector> {};

TEST_P(SigV4OwnPresignVectorTest, MatchesBotocore) {
  const PresignVector& v = GetParam();
  SigningOptions options = SigningOptions::For(v.service, "us-east-1", kTime);
  options.expires = v.expires;
  options.unsigned_payload = v.service == "s3";
  SignatureResult result = Presign(v.request, Temporary(), options);
  EXPECT_EQ(result.canonical_request, v.canonical_request);
  KeyValueList all = v.request.query;
  all.insert(all.end(), result.additions.begin(), result.additions.end());
  EXPECT_EQ(FormEncode(all), v.query);
}

INSTANTIATE_TEST_SUITE_P(Botocore, SigV4OwnPresignVectorTest, ::testing::ValuesIn(PresignVectors()),
                         [](const auto& info) { return info.param.name; });

TEST(SigV4Helpers, FormatsAmzDateInUtc) {
  EXPECT_EQ(FormatAmzDate(kTime), "20260102T030405Z");
}

TEST(SigV4Helpers, UnsignedPayloadReplacesBodyHash) {
  SigningOptions options = SigningOptions::For("s3", "us-east-1", kTime);
  options.unsigned_payload = true;
  SigningRequest request{"PUT", "/b/k", {}, {{"Host", "s3.amazonaws.com"}}, "data"};
  SignatureResult result = SignWithHeaders(request, LongTerm(), options);
  EXPECT_TRUE(result.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
  EXPECT_NE(result.canonical_request.find("x-amz-content-sha256:UNSIGNED-PAYLOAD\n"),
            std::string::npos);
}

TEST(SigV4Helpers, SecretNeverAppearsInAdditions) {
  SigningRequest request{"GET", "/", {}, {{"Host", "example.amazonaws.com"}}, ""};
  auto options = SigningOptions::For("rds", "us-east-1", kTime);
  for (const auto& [name, value] : SignWithHeaders(request, Temporary(), options).additions) {
    EXPECT_EQ(value.find(kSecret), std::string::npos) << name;
  }
}

TEST(Crypto, KnownDigests) {
  EXPECT_EQ(Sha256Hex(""), kEmptyPayloadSha256);
  EXPECT_EQ(Base64Encode(Md5("")), "1B2M2Y8AsgTpgAmY7PhCfg==");
  // RFC 4231 test case 2.
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(UriEncoding, EncodesDecodesAndNormalizes) {
  EXPECT_EQ(UriEncode("a b/c~d+é"), "a%20b%2Fc~d%2B%C3%A9");
  EXPECT_EQ(UriEncode("a b/c", /*keep_slash=*/true), "a%20b/c");
  EXPECT_EQ(UriDecode("a%20b%2fc%zz%"), "a b/c%zz%");
  EXPECT_EQ(NormalizePath("//example//"), "/example/");
  EXPECT_EQ(NormalizePath("/a/b/../.."), "/");
  EXPECT_EQ(NormalizePath("/./x"), "/x");
  EXPECT_EQ(FormEncode({{"Action", "X"}, {"Tags.Tag.1.Value", "a&b=c d"}}),
            "Action=X&Tags.Tag.1.Value=a%26b%3Dc%20d");
  KeyValueList parsed = ParseQueryString("a=1&b&c=%20");
  EXPECT_EQ(parsed, (KeyValueList{{"a", "1"}, {"b", ""}, {"c", " "}}));
}

}  // namespace
}  // namespace po::aws
