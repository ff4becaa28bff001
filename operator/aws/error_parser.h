// Turns a non-2xx AWS reply into an AwsError for each wire protocol: Query and REST-XML error
// documents (including moto's variants), JSON 1.1 and REST-JSON bodies, and body-less replies
// (HEAD) that carry only a status. Also decides whether the error is worth retrying. Pure;
// thread-safe.
#pragma once

#include "operator/aws/error.h"
#include "operator/aws/http_transport.h"

namespace po::aws {

enum class WireProtocol { kQuery, kJson11, kRestJson, kRestXml };

// Parses the error of `response` (status >= 300). Falls back to a code derived from the status
// ("NotFound" for 404, …) when the body holds no recognisable error.
AwsError ParseErrorResponse(WireProtocol protocol, const HttpResponse& response);

// True for throttling and transient codes (transport codes included) and HTTP 429/500/502/503/504.
bool IsRetryableError(const AwsError& error);

// The error code AWS uses for a body-less reply with this status: 404 -> "NotFound", …
std::string CodeForHttpStatus(int status);

}  // namespace po::aws
