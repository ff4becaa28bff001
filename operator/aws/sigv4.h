// AWS Signature Version 4: signs a request with an Authorization header or presigns it with query
// parameters (X-Amz-Algorithm … X-Amz-Signature). Exposes the canonical request and string to sign
// so tests can compare every step. Pure functions of their inputs (the time is passed in);
// thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "operator/aws/credentials.h"
#include "operator/aws/uri_encoding.h"

namespace po::aws {

// What gets signed. Header names may use any case; duplicate names are allowed and their values
// are joined in order.
struct SigningRequest {
  std::string method = "GET";
  std::string path = "/";  // as sent on the wire (percent-encoded), before any normalisation
  KeyValueList query;      // decoded names and values
  KeyValueList headers;    // must contain Host
  std::string body;
};

struct SigningOptions {
  std::string region;                          // e.g. "us-east-1"
  std::string service;                         // signing name, e.g. "rds", "s3"
  std::chrono::system_clock::time_point time;  // the request's X-Amz-Date
  bool normalize_path = true;                  // remove dot segments (all services except S3)
  bool double_encode_path = true;              // encode the wire path again (all except S3)
  bool unsigned_payload = false;               // use "UNSIGNED-PAYLOAD" instead of the body hash
  bool add_content_sha256_header = false;      // send and sign x-amz-content-sha256 (S3)
  bool sign_session_token = true;              // false: token added after signing, unsigned
  std::chrono::seconds expires{3600};          // presigned URLs only: X-Amz-Expires

  // Options for `service` as AWS applies them: S3 gets unnormalised, single-encoded paths and the
  // x-amz-content-sha256 header; every other service the defaults above.
  static SigningOptions For(const std::string& service, const std::string& region,
                            std::chrono::system_clock::time_point time);
};

// The outcome of signing: what to add to the request, and the intermediate strings.
struct SignatureResult {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // lower-case hex
  // Header signing: headers to add (X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256,
  // Authorization). Presigning: query parameters to append, in the order AWS SDKs emit them.
  KeyValueList additions;
};

// Signs with an Authorization header.
SignatureResult SignWithHeaders(const SigningRequest& request, const Credentials& credentials,
                                const SigningOptions& options);

// Presigns: the signature and credentials go in the query string.
SignatureResult Presign(const SigningRequest& request, const Credentials& credentials,
                        const SigningOptions& options);

// "20150830T123600Z" (ISO 8601 basic, UTC).
std::string FormatAmzDate(std::chrono::system_clock::time_point time);

// The canonical URI of a wire path under the given options.
std::string CanonicalUri(const std::string& path, bool normalize, bool double_encode);

// The hex SHA-256 of an empty payload.
inline constexpr char kEmptyPayloadSha256[] =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
inline constexpr char kUnsignedPayload[] = "UNSIGNED-PAYLOAD";

}  // namespace po::aws
