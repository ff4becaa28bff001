// SigningApiCaller: the real ApiCaller. For each call it resolves the endpoint, encodes the
// protocol (Query, JSON 1.1, REST-JSON, REST-XML with S3 addressing), signs with SigV4 using the
// credentials provider, sends through an HttpTransport, parses AWS errors, retries in the SDKs'
// standard mode within the call's deadline, and records Prometheus metrics.
// Thread-safe: one instance serves every controller and every region.
#pragma once

#include <chrono>
#include <string>

#include "operator/aws/api_caller.h"
#include "operator/aws/aws_metrics.h"
#include "operator/aws/credentials.h"
#include "operator/aws/endpoints.h"
#include "operator/aws/error_parser.h"
#include "operator/aws/http_transport.h"
#include "operator/aws/retry_strategy.h"
#include "operator/common/clock.h"

namespace po::aws {

struct ApiCallerOptions {
  // One HTTP attempt (connect, send, reply) must finish within this time.
  std::chrono::milliseconds attempt_timeout{std::chrono::seconds(10)};
  // The whole call, retries and backoff included, must finish within this time.
  std::chrono::milliseconds call_timeout{std::chrono::seconds(30)};
  // S3: path-style addressing (https://s3.<region>.amazonaws.com/<bucket>/key) instead of
  // virtual-hosted (https://<bucket>.s3.<region>.amazonaws.com/key). Always on for an endpoint
  // override, as emulators need it. Default: off.
  bool s3_force_path_style = false;
  RetryOptions retry;                            // standard mode: 3 attempts, 100 ms base
  std::string user_agent = "platform-operator";  // User-Agent header (not signed)
};

struct ApiCallerDeps {
  HttpTransport& transport;
  CredentialsProvider& credentials;
  const EndpointResolver& endpoints;
  Clock& clock;
  Random& random;
  prometheus::Registry& registry;
};

class SigningApiCaller final : public ApiCaller {
 public:
  SigningApiCaller(ApiCallerDeps deps, ApiCallerOptions options = {});

  Outcome<std::string> Query(const CallTarget& target, const std::string& action,
                             const std::string& api_version, const QueryParams& params) override;
  Outcome<nlohmann::json> Json(const CallTarget& target, const std::string& target_prefix,
                               const std::string& operation, const nlohmann::json& body) override;
  Outcome<RestResponse> Rest(const CallTarget& target, const std::string& operation,
                             const RestRequest& request) override;

  // The retry strategy, whose quota all calls share (exposed for tests and metrics).
  const RetryStrategy& retry_strategy() const { return retry_; }

 private:
  struct WireCall {
    WireProtocol protocol = WireProtocol::kQuery;
    std::string method = "POST";
    std::string path = "/";  // percent-encoded, without the endpoint's base path
    KeyValueList query;      // decoded
    KeyValueList headers;
    std::string body;
    std::string bucket;  // S3 only
  };

  Outcome<HttpResponse> Execute(const CallTarget& target, const std::string& operation,
                                const WireCall& call);
  // Builds and signs one attempt's request.
  HttpRequest BuildRequest(const CallTarget& target, const WireCall& call, const Endpoint& endpoint,
                           const Credentials& credentials, std::chrono::milliseconds timeout);

  HttpTransport& transport_;
  CredentialsProvider& credentials_;
  const EndpointResolver& endpoints_;
  Clock& clock_;
  ApiCallerOptions options_;
  RetryStrategy retry_;
  AwsMetrics metrics_;
};

}  // namespace po::aws
