// StsClient: encodes each STS request, makes the Query call and decodes the reply.
#include "operator/aws/sts/client.h"

#include <string>

#include "operator/aws/query_call.h"
#include "operator/aws/sts/codec.h"

namespace po::aws::sts {
namespace {

// Makes one Query call to this service in `region` and decodes its body.
template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& action,
                const QueryParams& params, DecodeFn decode) {
  return CallQuery<T>(caller, CallTarget{kSigningName, region}, action, kApiVersion, params,
                      decode);
}

}  // namespace

Outcome<GetCallerIdentityResponse> StsClient::GetCallerIdentity(const std::string& region) {
  return Call<GetCallerIdentityResponse>(caller_, region, "GetCallerIdentity",
                                         EncodeGetCallerIdentity(), DecodeGetCallerIdentity);
}

Outcome<AssumeRoleWithWebIdentityResponse> StsClient::AssumeRoleWithWebIdentity(
    const std::string& region, const AssumeRoleWithWebIdentityRequest& request) {
  return Call<AssumeRoleWithWebIdentityResponse>(caller_, region, "AssumeRoleWithWebIdentity",
                                                 EncodeAssumeRoleWithWebIdentity(request),
                                                 DecodeAssumeRoleWithWebIdentity);
}

}  // namespace po::aws::sts
