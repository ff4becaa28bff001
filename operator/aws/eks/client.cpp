// EksClient: encodes each EKS request, makes the REST call and decodes the reply.
#include "operator/aws/eks/client.h"

#include <string>

#include "operator/aws/decoded_outcome.h"
#include "operator/aws/eks/codec.h"

namespace po::aws::eks {
namespace {

template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& operation,
                const RestRequest& request, DecodeFn decode) {
  Outcome<RestResponse> reply = caller.Rest(CallTarget{kSigningName, region}, operation, request);
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<T>(decode(reply.value().body), reply.value().status);
}

}  // namespace

Outcome<Cluster> EksClient::DescribeCluster(const std::string& region,
                                            const DescribeClusterRequest& request) {
  return Call<Cluster>(caller_, region, "DescribeCluster", EncodeDescribeCluster(request),
                       DecodeDescribeCluster);
}

Outcome<Nodegroup> EksClient::DescribeNodegroup(const std::string& region,
                                                const DescribeNodegroupRequest& request) {
  return Call<Nodegroup>(caller_, region, "DescribeNodegroup", EncodeDescribeNodegroup(request),
                         DecodeDescribeNodegroup);
}

Outcome<Update> EksClient::UpdateNodegroupConfig(const std::string& region,
                                                 const UpdateNodegroupConfigRequest& request) {
  return Call<Update>(caller_, region, "UpdateNodegroupConfig",
                      EncodeUpdateNodegroupConfig(request), DecodeUpdateNodegroupConfig);
}

}  // namespace po::aws::eks
