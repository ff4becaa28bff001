// Encoders (request → RestRequest) and decoders (JSON reply body → response) of the EKS operations
// the operator uses. Pure functions; thread-safe; never throw (JSON errors become a Status).
#pragma once

#include <string>
#include <string_view>

#include "operator/aws/api_caller.h"
#include "operator/aws/eks/types.h"
#include "operator/common/status.h"

namespace po::aws::eks {

RestRequest EncodeDescribeCluster(const DescribeClusterRequest& request);
RestRequest EncodeDescribeNodegroup(const DescribeNodegroupRequest& request);
RestRequest EncodeUpdateNodegroupConfig(const UpdateNodegroupConfigRequest& request);

Result<Cluster> DecodeDescribeCluster(std::string_view body);
Result<Nodegroup> DecodeDescribeNodegroup(std::string_view body);
Result<Update> DecodeUpdateNodegroupConfig(std::string_view body);

// RFC 3986 percent-encoding of one path segment (everything but unreserved characters).
std::string EncodePathSegment(std::string_view segment);

}  // namespace po::aws::eks
