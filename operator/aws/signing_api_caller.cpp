// The real ApiCaller: protocol encoding, S3 addressing, signing, the retry loop and metrics.
#include "operator/aws/signing_api_caller.h"

#include <algorithm>

#include "operator/aws/crypto.h"
#include "operator/aws/error_codes.h"
#include "operator/aws/sigv4.h"
#include "operator/aws/text.h"

namespace po::aws {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

// Virtual-hosted addressing needs a bucket name that is a valid DNS label under TLS.
bool IsVirtualHostable(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  return std::all_of(bucket.begin(), bucket.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

AwsError LocalError(std::string code, const Status& status, bool retryable) {
  return AwsError{std::move(code), status.message(), "", 0, retryable};
}

}  // namespace

SigningApiCaller::SigningApiCaller(ApiCallerDeps deps, ApiCallerOptions options)
    : transport_(deps.transport),
      credentials_(deps.credentials),
      endpoints_(deps.endpoints),
      clock_(deps.clock),
      options_(std::move(options)),
      retry_(options_.retry, deps.random),
      metrics_(deps.registry) {}

Outcome<std::string> SigningApiCaller::Query(const CallTarget& target, const std::string& action,
                                             const std::string& api_version,
                                             const QueryParams& params) {
  WireCall call;
  call.protocol = WireProtocol::kQuery;
  KeyValueList form = {{"Action", action}, {"Version", api_version}};
  form.insert(form.end(), params.begin(), params.end());
  call.body = FormEncode(form);
  call.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  Outcome<HttpResponse> reply = Execute(target, action, call);
  if (!reply.ok()) return reply.error();
  return std::move(reply.value().body);
}

Outcome<nlohmann::json> SigningApiCaller::Json(const CallTarget& target,
                                               const std::string& target_prefix,
                                               const std::string& operation,
                                               const nlohmann::json& body) {
  WireCall call;
  call.protocol = WireProtocol::kJson11;
  call.body = body.is_null() ? "{}" : body.dump();
  call.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                  {"X-Amz-Target", target_prefix + "." + operation}};
  Outcome<HttpResponse> reply = Execute(target, operation, call);
  if (!reply.ok()) return reply.error();
  const std::string& text = reply.value().body;
  if (text.empty()) return nlohmann::json::object();
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return AwsError{kInvalidResponseCode, operation + " returned a body that is not JSON",
                    reply.value().headers["x-amzn-requestid"], reply.value().status, false};
  }
  return parsed;
}

Outcome<RestResponse> SigningApiCaller::Rest(const CallTarget& target, const std::string& operation,
                                             const RestRequest& request) {
  WireCall call;
  call.protocol = target.service == "s3" ? WireProtocol::kRestXml : WireProtocol::kRestJson;
  call.method = request.method;
  call.path = request.path.empty() ? "/" : request.path;
  call.query = request.query;
  call.headers.assign(request.headers.begin(), request.headers.end());
  call.body = request.body;
  call.bucket = request.bucket;
  if (request.content_md5 && !FindHeader(call.headers, "Content-MD5")) {
    call.headers.emplace_back("Content-MD5", Base64Encode(Md5(request.body)));
  }
  if (call.protocol == WireProtocol::kRestJson && !call.body.empty() &&
      !FindHeader(call.headers, "Content-Type")) {
    call.headers.emplace_back("Content-Type", "application/json");
  }
  Outcome<HttpResponse> reply = Execute(target, operation, call);
  if (!reply.ok()) return reply.error();
  HttpResponse& response = reply.value();
  return RestResponse{response.status, std::move(response.headers), std::move(response.body)};
}

HttpRequest SigningApiCaller::BuildRequest(const CallTarget& target, const WireCall& call,
                                           const Endpoint& endpoint, const Credentials& credentials,
                                           milliseconds timeout) {
  std::string path = call.path;
  std::string authority = endpoint.authority;
  if (!call.bucket.empty()) {
    bool path_style =
        options_.s3_force_path_style || endpoint.overridden || !IsVirtualHostable(call.bucket);
    if (path_style) {
      path = "/" + UriEncode(call.bucket) + (path == "/" ? "" : path);
    } else {
      authority = call.bucket + "." + authority;
    }
  }
  path = endpoint.base_path + path;
  if (path.empty()) path = "/";

  SigningRequest to_sign;
  to_sign.method = call.method;
  to_sign.path = path;
  to_sign.query = call.query;
  to_sign.headers = call.headers;
  to_sign.headers.emplace_back("Host", authority);
  to_sign.body = call.body;
  SigningOptions signing = SigningOptions::For(target.service, target.region, clock_.WallNow());
  SignatureResult signature = SignWithHeaders(to_sign, credentials, signing);

  HttpRequest request;
  request.method = call.method;
  request.url = endpoint.scheme + "://" + authority + path;
  if (!call.query.empty()) request.url += "?" + FormEncode(call.query);
  request.headers = std::move(to_sign.headers);
  request.headers.insert(request.headers.end(), signature.additions.begin(),
                         signature.additions.end());
  request.headers.emplace_back("User-Agent", options_.user_agent);
  request.body = call.body;
  request.timeout = timeout;
  return request;
}

Outcome<HttpResponse> SigningApiCaller::Execute(const CallTarget& target,
                                                const std::string& operation,
                                                const WireCall& call) {
  const Clock::TimePoint deadline = clock_.Now() + options_.call_timeout;
  const int max_attempts = std::max(1, options_.retry.max_attempts);
  Result<Endpoint> endpoint = endpoints_.Resolve(target.service, target.region);
  if (!endpoint.ok()) {
    metrics_.RecordAttempt(target.service, operation, kInvalidEndpointCode, 0);
    return LocalError(kInvalidEndpointCode, endpoint.status(), false);
  }
  int last_retry_cost = 0;
  AwsError error;
  std::string give_up_reason;
  for (int attempt = 1;; ++attempt) {
    const Clock::TimePoint start = clock_.Now();
    milliseconds remaining = duration_cast<milliseconds>(deadline - start);
    milliseconds timeout = std::min(options_.attempt_timeout, remaining);

    Result<Credentials> credentials = credentials_.Get();
    if (!credentials.ok()) {
      metrics_.RecordAttempt(target.service, operation, kCredentialsErrorCode, 0);
      return LocalError(kCredentialsErrorCode, credentials.status(), false);
    }

    Result<HttpResponse> reply =
        transport_.Send(BuildRequest(target, call, *endpoint, *credentials, timeout));
    double seconds = std::chrono::duration<double>(clock_.Now() - start).count();
    if (reply.ok() && reply->status >= 200 && reply->status < 300) {
      metrics_.RecordAttempt(target.service, operation, "OK", seconds);
      retry_.OnSuccess(last_retry_cost);
      return std::move(reply).value();
    }
    if (!reply.ok()) {
      bool timed_out = reply.status().code() == StatusCode::kDeadlineExceeded;
      error = LocalError(timed_out ? kTimeoutErrorCode : kNetworkingErrorCode, reply.status(),
                         /*retryable=*/true);
    } else {
      error = ParseErrorResponse(call.protocol, *reply);
    }
    metrics_.RecordAttempt(target.service, operation, error.code, seconds);

    if (!RetryStrategy::ShouldRetry(error)) break;
    if (attempt >= max_attempts) {
      give_up_reason = "gave up after " + std::to_string(attempt) + " attempts";
      break;
    }
    int cost = retry_.AcquireRetryToken(error);
    if (cost == 0) {
      give_up_reason = "retry quota exhausted after " + std::to_string(attempt) + " attempts";
      break;
    }
    milliseconds delay = retry_.Backoff(attempt - 1);
    if (clock_.Now() + delay >= deadline) {
      give_up_reason = "call deadline of " + std::to_string(options_.call_timeout.count()) +
                       " ms reached after " + std::to_string(attempt) + " attempts";
      break;
    }
    last_retry_cost = cost;
    metrics_.RecordRetry(target.service, operation);
    clock_.SleepFor(delay);
  }
  if (!give_up_reason.empty()) {
    error.message += (error.message.empty() ? "" : " ") + ("(" + give_up_reason + ")");
  }
  return error;
}

}  // namespace po::aws
