// Classifies AWS error codes the way the SDKs' "standard" retry mode does: throttling codes,
// transient codes and the transport codes this client produces itself. Pure; thread-safe.
#pragma once

#include <string_view>

namespace po::aws {

// Codes this client sets on errors that did not come from a service reply.
inline constexpr char kNetworkingErrorCode[] = "NetworkingError";    // connect/read failure
inline constexpr char kTimeoutErrorCode[] = "RequestTimeout";        // the call's deadline passed
inline constexpr char kCredentialsErrorCode[] = "CredentialsError";  // no usable credentials
inline constexpr char kInvalidResponseCode[] = "InvalidResponse";    // reply we cannot parse
inline constexpr char kInvalidEndpointCode[] = "InvalidEndpoint";    // malformed endpoint override

// Throttling: Throttling, ThrottlingException, SlowDown, RequestLimitExceeded, …
bool IsThrottlingErrorCode(std::string_view code);
// Transient service-side failures: RequestTimeout, RequestTimeoutException, InternalError, …
bool IsTransientErrorCode(std::string_view code);
// HTTP statuses retried whatever the code: 500, 502, 503, 504.
bool IsTransientHttpStatus(int status);

}  // namespace po::aws
