// DecodedOutcome: turns the result of decoding a reply body into the Outcome a typed client
// returns; a body that does not decode becomes an AwsError "InvalidResponse" with the decoder's
// message. A pure function; thread-safe.
#pragma once

#include <utility>

#include "operator/aws/error.h"
#include "operator/aws/error_codes.h"
#include "operator/common/status.h"

namespace po::aws {

// `http_status` is the status of the reply the body came with.
template <typename T>
Outcome<T> DecodedOutcome(Result<T> decoded, int http_status) {
  if (!decoded.ok()) {
    AwsError error;
    error.code = kInvalidResponseCode;
    error.message = decoded.status().message();
    error.http_status = http_status;
    return error;
  }
  return std::move(decoded).value();
}

}  // namespace po::aws
