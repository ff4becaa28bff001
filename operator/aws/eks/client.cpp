// EksClient: encodes each EKS request, makes the REST call and decodes the reply.
#include "operator/aws/eks/client.h"

#include <string>
#include <utility>

#include "operator/aws/eks/codec.h"

namespace po::aws::eks {
namespace {

template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& operation,
                const RestRequest& request, DecodeFn decode) {
  Outcome<RestResponse> reply = caller.Rest(CallTarget{kSigningName, region}, operation, request);
  if (!reply.ok()) return reply.error();
  Result<T> decoded = decode(reply.value().body);
  if (!decoded.ok()) {
    AwsError error;
    error.code = "InvalidResponse";
    error.message = decoded.status().message();
    error.http_status = reply.value().status;
    return error;
  }
  return std::move(decoded).value();
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
