// StsClient: StsApi over an ApiCaller (Query calls to the "sts" service). Holds only a reference to
// the caller; as thread-safe as the ApiCaller it is given (which must be).
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/sts/api.h"

namespace po::aws::sts {

class StsClient final : public StsApi {
 public:
  explicit StsClient(ApiCaller& caller) : caller_(caller) {}

  Outcome<GetCallerIdentityResponse> GetCallerIdentity(const std::string& region) override;
  Outcome<AssumeRoleWithWebIdentityResponse> AssumeRoleWithWebIdentity(
      const std::string& region, const AssumeRoleWithWebIdentityRequest& request) override;

 private:
  ApiCaller& caller_;
};

}  // namespace po::aws::sts
