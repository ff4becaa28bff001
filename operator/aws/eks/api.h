// EksApi: the EKS operations the operator uses, region chosen per call. EksClient is the real
// implementation; tests substitute a fake. Implementations must be thread-safe.
#pragma once

#include <string>

#include "operator/aws/eks/types.h"
#include "operator/aws/error.h"

namespace po::aws::eks {

class EksApi {
 public:
  virtual ~EksApi() = default;

  virtual Outcome<Cluster> DescribeCluster(const std::string& region,
                                           const DescribeClusterRequest& request) = 0;
  virtual Outcome<Nodegroup> DescribeNodegroup(const std::string& region,
                                               const DescribeNodegroupRequest& request) = 0;
  // Starts an asynchronous update (e.g. of scalingConfig) and returns it.
  virtual Outcome<Update> UpdateNodegroupConfig(const std::string& region,
                                                const UpdateNodegroupConfigRequest& request) = 0;
};

}  // namespace po::aws::eks
