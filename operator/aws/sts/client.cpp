// StsClient: encodes each STS request, makes the Query call and decodes the reply.
#include "operator/aws/sts/client.h"

#include <string>
#include <utility>

#include "operator/aws/sts/codec.h"

namespace po::aws::sts {
namespace {

template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& action,
                const QueryParams& params, DecodeFn decode) {
  Outcome<std::string> body =
      caller.Query(CallTarget{kSigningName, region}, action, kApiVersion, params);
  if (!body.ok()) return body.error();
  Result<T> decoded = decode(body.value());
  if (!decoded.ok()) {
    AwsError error;
    error.code = "InvalidResponse";
    error.message = decoded.status().message();
    error.http_status = 200;
    return error;
  }
  return std::move(decoded).value();
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
