// CallQuery: the one Query-protocol round trip every RDS, ElastiCache and STS client method makes —
// call ApiCaller::Query, then decode the 2xx body, or report an undecodable one as
// "InvalidResponse". A stateless function template; thread-safe when the ApiCaller is.
#pragma once

#include <string>

#include "operator/aws/api_caller.h"
#include "operator/aws/decoded_outcome.h"

namespace po::aws {

// `decode(std::string_view body) -> Result<T>`.
template <typename T, typename DecodeFn>
Outcome<T> CallQuery(ApiCaller& caller, const CallTarget& target, const std::string& action,
                     const std::string& api_version, const QueryParams& params, DecodeFn decode) {
  Outcome<std::string> body = caller.Query(target, action, api_version, params);
  if (!body.ok()) return body.error();
  return DecodedOutcome<T>(decode(body.value()), 200);
}

}  // namespace po::aws
