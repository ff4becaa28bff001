// StsApi: the STS operations the operator uses, region chosen per call. StsClient is the real
// implementation; tests substitute a fake. Implementations must be thread-safe.
#pragma once

#include <string>

#include "operator/aws/error.h"
#include "operator/aws/sts/types.h"

namespace po::aws::sts {

class StsApi {
 public:
  virtual ~StsApi() = default;

  // Who the current credentials belong to.
  virtual Outcome<GetCallerIdentityResponse> GetCallerIdentity(const std::string& region) = 0;
  // Exchanges a web identity (OIDC) token for temporary credentials of RoleArn. Unsigned call.
  virtual Outcome<AssumeRoleWithWebIdentityResponse> AssumeRoleWithWebIdentity(
      const std::string& region, const AssumeRoleWithWebIdentityRequest& request) = 0;
};

}  // namespace po::aws::sts
