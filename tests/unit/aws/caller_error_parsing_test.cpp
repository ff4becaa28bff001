// Parsing of AWS error replies for every protocol, and AwsError's text and Status mapping.
#include <gtest/gtest.h>

#include "operator/aws/error_parser.h"

namespace po::aws {
namespace {

struct ParseCase {
  std::string name;
  WireProtocol protocol;
  HttpResponse response;
  std::string code;
  std::string message;
  std::string request_id;
  bool retryable;
};

class ErrorParsingTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ErrorParsingTest, ExtractsCodeMessageRequestId) {
  const ParseCase& c = GetParam();
  AwsError error = ParseErrorResponse(c.protocol, c.response);
  EXPECT_EQ(error.code, c.code);
  EXPECT_EQ(error.message, c.message);
  EXPECT_EQ(error.request_id, c.request_id);
  EXPECT_EQ(error.http_status, c.response.status);
  EXPECT_EQ(error.retryable, c.retryable);
}

INSTANTIATE_TEST_SUITE_P(
    Protocols, ErrorParsingTest,
    ::testing::Values(
        // Captured from moto 5 for RDS DescribeDBInstances of a missing instance.
        ParseCase{"QueryMotoRds",
                  WireProtocol::kQuery,
                  {404,
                   {{"x-amzn-requestid", "hdr-id"}},
                   R"(<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error>)"
                   R"(<Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance nope )"
                   R"(not found.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>)"},
                  "DBInstanceNotFound",
                  "DBInstance nope not found.",
                  "hdr-id",
                  false},
        ParseCase{"QueryAwsThrottling",
                  WireProtocol::kQuery,
                  {400,
                   {},
                   "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate "
                   "exceeded</Message></Error><RequestId>req-2</RequestId></ErrorResponse>"},
                  "Throttling",
                  "Rate exceeded",
                  "req-2",
                  true},
        ParseCase{"QueryNestedErrors",
                  WireProtocol::kQuery,
                  {400,
                   {},
                   "<ErrorResponse><Errors><Error><Code>InvalidParameterValue</Code><Message>bad"
                   "</Message></Error></Errors><RequestID>req-3</RequestID></ErrorResponse>"},
                  "InvalidParameterValue",
                  "bad",
                  "req-3",
                  false},
        ParseCase{"S3NoSuchBucket",
                  WireProtocol::kRestXml,
                  {404,
                   {},
                   "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Error><Code>NoSuchBucket</Code>"
                   "<Message>The specified bucket does not exist</Message><BucketName>nope"
                   "</BucketName><RequestId>req-4</RequestId><HostId>h</HostId></Error>"},
                  "NoSuchBucket",
                  "The specified bucket does not exist",
                  "req-4",
                  false},
        ParseCase{"S3SlowDown",
                  WireProtocol::kRestXml,
                  {503, {}, "<Error><Code>SlowDown</Code><Message>Reduce</Message></Error>"},
                  "SlowDown",
                  "Reduce",
                  "",
                  true},
        ParseCase{
            "Json11PrefixedType",
            WireProtocol::kJson11,
            {400,
             {{"x-amzn-requestid", "req-5"}},
             R"({"__type": "com.amazonaws.logs#ResourceNotFoundException", "message": "The specified log group does not exist."})"},
            "ResourceNotFoundException",
            "The specified log group does not exist.",
            "req-5",
            false},
        ParseCase{"Json11Throttling",
                  WireProtocol::kJson11,
                  {400, {}, R"({"__type": "ThrottlingException", "Message": "Rate exceeded"})"},
                  "ThrottlingException",
                  "Rate exceeded",
                  "",
                  true},
        // Captured from moto 5 for EKS DescribeCluster of a missing cluster.
        ParseCase{"RestJsonHeaderType",
                  WireProtocol::kRestJson,
                  {404,
                   {{"x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/"},
                    {"x-amzn-requestid", "req-6"}},
                   R"({"clusterName": null, "message": "No cluster found for name: nope."})"},
                  "ResourceNotFoundException",
                  "No cluster found for name: nope.",
                  "req-6",
                  false},
        ParseCase{"HeadNotFound",
                  WireProtocol::kRestXml,
                  {404, {{"x-amz-request-id", "req-7"}}, ""},
                  "NotFound",
                  "HTTP 404 with no error document",
                  "req-7",
                  false},
        ParseCase{"HeadForbidden",
                  WireProtocol::kRestXml,
                  {403, {}, ""},
                  "Forbidden",
                  "HTTP 403 with no error document",
                  "",
                  false},
        ParseCase{"HeadMovedPermanently",
                  WireProtocol::kRestXml,
                  {301, {}, ""},
                  "MovedPermanently",
                  "HTTP 301 with no error document",
                  "",
                  false},
        ParseCase{"HeadBadRequest",
                  WireProtocol::kRestXml,
                  {400, {}, ""},
                  "BadRequest",
                  "HTTP 400 with no error document",
                  "",
                  false},
        ParseCase{"GatewayHtml",
                  WireProtocol::kQuery,
                  {502, {}, "<html><body>Bad Gateway</body></html>"},
                  "BadGateway",
                  "HTTP 502 with no error document",
                  "",
                  true}),
    [](const auto& info) { return info.param.name; });

TEST(AwsErrorText, IncludesCodeStatusRequestAndMessage) {
  AwsError error{"DBInstanceNotFound", "DBInstance x not found", "1a2b", 404, false};
  EXPECT_EQ(error.ToString(),
            "DBInstanceNotFound (HTTP 404, request 1a2b): DBInstance x not found");
  AwsError transport{"NetworkingError", "connection refused", "", 0, true};
  EXPECT_EQ(transport.ToString(), "NetworkingError: connection refused");
}

TEST(AwsErrorStatus, MapsKinds) {
  struct Case {
    AwsError error;
    StatusCode code;
  };
  for (const Case& c : std::vector<Case>{
           {{"DBInstanceNotFound", "", "", 404, false}, StatusCode::kNotFound},
           {{"CacheClusterNotFound", "", "", 404, false}, StatusCode::kNotFound},
           {{"DBSubnetGroupNotFoundFault", "", "", 400, false}, StatusCode::kNotFound},
           {{"NoSuchBucket", "", "", 404, false}, StatusCode::kNotFound},
           {{"ResourceNotFoundException", "", "", 400, false}, StatusCode::kNotFound},
           {{"NotFound", "", "", 404, false}, StatusCode::kNotFound},
           {{"DBInstanceAlreadyExists", "", "", 400, false}, StatusCode::kAlreadyExists},
           {{"BucketAlreadyOwnedByYou", "", "", 409, false}, StatusCode::kAlreadyExists},
           {{"Throttling", "", "", 400, true}, StatusCode::kTooManyRequests},
           {{"SlowDown", "", "", 503, true}, StatusCode::kTooManyRequests},
           {{"AccessDenied", "", "", 403, false}, StatusCode::kForbidden},
           {{"InvalidClientTokenId", "", "", 403, false}, StatusCode::kUnauthenticated},
           {{"CredentialsError", "", "", 0, false}, StatusCode::kUnauthenticated},
           {{"InvalidDBInstanceState", "", "", 400, false}, StatusCode::kFailedPrecondition},
           {{"InvalidCacheClusterStateFault", "", "", 400, false}, StatusCode::kFailedPrecondition},
           {{"InvalidParameterValue", "", "", 400, false}, StatusCode::kInvalidArgument},
           {{"InternalError", "", "", 500, true}, StatusCode::kUnavailable},
           {{"NetworkingError", "", "", 0, true}, StatusCode::kUnavailable},
           {{"RequestTimeout", "", "", 0, true}, StatusCode::kDeadlineExceeded},
       }) {
    Status status = c.error.ToStatus();
    EXPECT_EQ(status.code(), c.code) << c.error.code;
    EXPECT_EQ(status.message(), c.error.ToString());
  }
}

}  // namespace
}  // namespace po::aws
