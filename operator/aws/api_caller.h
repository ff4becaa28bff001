// ApiCaller: the seam between typed service clients (RdsClient, S3Client, …) and the wire. A typed
// client encodes its request, calls one of the protocol entry points, and decodes the reply; the
// real implementation signs (SigV4), resolves endpoints, retries and records metrics. Tests use a
// fake that records calls and replays captured bodies. Implementations must be thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "operator/aws/error.h"

namespace po::aws {

// Form parameters of a Query-protocol call, in the order given (Action and Version are added by the
// caller implementation). Nested members use AWS's dotted names: "Tags.Tag.1.Key".
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Which service and region a call goes to. `service` is the SigV4 signing name and the key for
// endpoint overrides: "rds", "elasticache", "s3", "eks", "sts", "logs".
struct CallTarget {
  std::string service;
  std::string region;
};

// A REST-JSON or REST-XML request. `path` is already URI-encoded; the caller adds the endpoint.
struct RestRequest {
  std::string method = "GET";
  std::string path = "/";
  std::vector<std::pair<std::string, std::string>> query;  // not yet encoded
  std::map<std::string, std::string> headers;              // extra headers (content-type, x-amz-*)
  std::string body;
  // S3 only: the bucket, so the caller can choose virtual-hosted or path-style addressing.
  std::string bucket;
  // Send Content-MD5 (base64 MD5 of the body); S3 requires a checksum on some calls, such as
  // PutBucketLifecycleConfiguration.
  bool content_md5 = false;
};

struct RestResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

class ApiCaller {
 public:
  virtual ~ApiCaller() = default;

  // Query protocol (RDS, ElastiCache, STS): form-encoded POST of Action/Version/params; returns the
  // response body (XML) of a 2xx reply; service errors are parsed from the <ErrorResponse>
  // document.
  virtual Outcome<std::string> Query(const CallTarget& target, const std::string& action,
                                     const std::string& api_version, const QueryParams& params) = 0;

  // JSON 1.1 protocol (CloudWatch Logs): POST with X-Amz-Target "<target_prefix>.<operation>".
  virtual Outcome<nlohmann::json> Json(const CallTarget& target, const std::string& target_prefix,
                                       const std::string& operation,
                                       const nlohmann::json& body) = 0;

  // REST-JSON (EKS) and REST-XML (S3). `operation` names the call for metrics and errors. Non-2xx
  // replies are parsed into AwsError (JSON or XML error bodies, or the status alone for HEAD).
  virtual Outcome<RestResponse> Rest(const CallTarget& target, const std::string& operation,
                                     const RestRequest& request) = 0;
};

}  // namespace po::aws
