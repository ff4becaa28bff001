// EksClient: EksApi over an ApiCaller (REST-JSON calls to the "eks" service). Holds only a
// reference to the caller; as thread-safe as the ApiCaller it is given (which must be).
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/eks/api.h"

namespace po::aws::eks {

class EksClient final : public EksApi {
 public:
  explicit EksClient(ApiCaller& caller) : caller_(caller) {}

  Outcome<Cluster> DescribeCluster(const std::string& region,
                                   const DescribeClusterRequest& request) override;
  Outcome<Nodegroup> DescribeNodegroup(const std::string& region,
                                       const DescribeNodegroupRequest& request) override;
  Outcome<Update> UpdateNodegroupConfig(const std::string& region,
                                        const UpdateNodegroupConfigRequest& request) override;

 private:
  ApiCaller& caller_;
};

}  // namespace po::aws::eks
