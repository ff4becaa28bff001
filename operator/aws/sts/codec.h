// Encoders and decoders of the two STS actions the operator uses (Query protocol, XML replies).
// Pure free functions, so the credentials chain can call them without a client; thread-safe. Decode
// errors never include the body (it may hold credentials).
#pragma once

#include <string_view>

#include "operator/aws/api_caller.h"
#include "operator/aws/sts/types.h"
#include "operator/common/status.h"

namespace po::aws::sts {

QueryParams EncodeGetCallerIdentity();
Result<GetCallerIdentityResponse> DecodeGetCallerIdentity(std::string_view xml);

QueryParams EncodeAssumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest& request);
Result<AssumeRoleWithWebIdentityResponse> DecodeAssumeRoleWithWebIdentity(std::string_view xml);

}  // namespace po::aws::sts
