// Tests the mapping of apiserver Status bodies to typed errors.
#include "operator/kube/api_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace po::kube {
namespace {

std::string StatusBody(int code, const std::string& reason, const std::string& message) {
  return nlohmann::json{{"kind", "Status"},   {"apiVersion", "v1"}, {"status", "Failure"},
                        {"message", message}, {"reason", reason},   {"code", code}}
      .dump();
}

TEST(ApiErrorTest, MapsReasonsAndCodes) {
  struct Case {
    int http;
    std::string body;
    StatusCode want;
    std::string reason;
  } cases[] = {
      {404, StatusBody(404, "NotFound", "configmaps \"x\" not found"), StatusCode::kNotFound,
       "NotFound"},
      {409, StatusBody(409, "AlreadyExists", "configmaps \"x\" already exists"),
       StatusCode::kAlreadyExists, "AlreadyExists"},
      {409, StatusBody(409, "Conflict", "the object has been modified"), StatusCode::kConflict,
       "Conflict"},
      {410, StatusBody(410, "Expired", "too old resource version: 1 (2)"), StatusCode::kGone,
       "Expired"},
      {410, StatusBody(410, "Gone", "gone"), StatusCode::kGone, "Gone"},
      {403, StatusBody(403, "Forbidden", "no"), StatusCode::kForbidden, "Forbidden"},
      {401, StatusBody(401, "Unauthorized", "Unauthorized"), StatusCode::kUnauthenticated,
       "Unauthorized"},
      {422, StatusBody(422, "Invalid", "bad"), StatusCode::kInvalidArgument, "Invalid"},
      {429, StatusBody(429, "TooManyRequests", "slow down"), StatusCode::kTooManyRequests,
       "TooManyRequests"},
      {504, StatusBody(504, "Timeout", "timed out"), StatusCode::kDeadlineExceeded, "Timeout"},
      {500, StatusBody(500, "InternalError", "boom"), StatusCode::kInternal, "InternalError"},
      {503, StatusBody(503, "ServiceUnavailable", "later"), StatusCode::kUnavailable,
       "ServiceUnavailable"},
      // No Status body: the HTTP code decides.
      {404, "404 page not found", StatusCode::kNotFound, ""},
      {503, "", StatusCode::kUnavailable, ""},
      {409, "{}", StatusCode::kConflict, ""},
      {502, "<html>", StatusCode::kUnavailable, ""},
  };
  for (const auto& c : cases) {
    ApiError error = ApiErrorFromResponse(c.http, c.body);
    EXPECT_EQ(error.code, c.want) << c.body;
    EXPECT_EQ(error.reason, c.reason) << c.body;
    EXPECT_EQ(error.ToStatus().code(), c.want);
  }
}

TEST(ApiErrorTest, KeepsInvalidCauses) {
  std::string body = R"({"kind":"Status","apiVersion":"v1","status":"Failure",
    "message":"ConfigMap \"A\" is invalid: metadata.name: Invalid value: \"A\": a lowercase RFC 1123 subdomain",
    "reason":"Invalid","code":422,"details":{"name":"A","kind":"ConfigMap","causes":[
      {"reason":"FieldValueInvalid","message":"Invalid value: \"A\": a lowercase RFC 1123 subdomain","field":"metadata.name"},
      {"reason":"FieldValueRequired","message":"Required value","field":"data.x"}]}})";
  ApiError error = ApiErrorFromResponse(422, body);
  ASSERT_EQ(error.causes.size(), 2u);
  EXPECT_EQ(error.causes[0].field, "metadata.name");
  EXPECT_EQ(error.causes[0].reason, "FieldValueInvalid");
  EXPECT_EQ(error.causes[1], (ApiCause{"data.x", "Required value", "FieldValueRequired"}));
  Status status = error.ToStatus();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("causes: metadata.name: Invalid value"), std::string::npos);
  EXPECT_NE(status.message().find("data.x: Required value"), std::string::npos);
  EXPECT_NE(status.message().find("reason Invalid, HTTP 422"), std::string::npos);
}

TEST(ApiErrorTest, RetryAfterFromHeaderOrDetails) {
  std::string body = R"({"kind":"Status","reason":"TooManyRequests","code":429,
                         "message":"x","details":{"retryAfterSeconds":3}})";
  EXPECT_EQ(ApiErrorFromResponse(429, body).retry_after, std::chrono::seconds(3));
  EXPECT_EQ(ApiErrorFromResponse(429, body, "7").retry_after, std::chrono::seconds(7));
  EXPECT_EQ(ApiErrorFromResponse(429, "", "soon").retry_after, std::nullopt);
}

TEST(ApiErrorTest, WatchErrorEventUsesStatusCode) {
  // ERROR events arrive on a 200 stream; the embedded code decides.
  ApiError error =
      ApiErrorFromResponse(200, StatusBody(410, "Expired", "too old resource version"));
  EXPECT_EQ(error.http_status, 410);
  EXPECT_EQ(error.code, StatusCode::kGone);
  EXPECT_TRUE(IsResourceVersionTooOld(error));
}

TEST(ApiErrorTest, TooLargeResourceVersionIsGone) {
  std::string body = R"({"kind":"Status","reason":"Timeout","code":504,
    "message":"Too large resource version: 99, current: 10",
    "details":{"causes":[{"reason":"ResourceVersionTooLarge","message":"Too large resource version"}],"retryAfterSeconds":1}})";
  ApiError error = ApiErrorFromResponse(504, body);
  EXPECT_TRUE(IsTooLargeResourceVersion(error));
  EXPECT_EQ(error.code, StatusCode::kGone);
}

}  // namespace
}  // namespace po::kube
