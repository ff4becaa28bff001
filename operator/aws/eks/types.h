// Request and response shapes of the Amazon EKS API (2017-11-01, REST-JSON) that the operator uses,
// named and spelled exactly as in the service model (camelCase members). Timestamps are seconds
// since the epoch, as EKS sends them. Plain values; safe to copy and share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace po::aws::eks {

inline constexpr char kSigningName[] = "eks";

struct VpcConfigResponse {
  std::vector<std::string> subnetIds;
  std::vector<std::string> securityGroupIds;
  std::optional<std::string> clusterSecurityGroupId;
  std::optional<std::string> vpcId;
  std::optional<bool> endpointPublicAccess;
  std::optional<bool> endpointPrivateAccess;
};

struct Certificate {
  std::optional<std::string> data;  // base64 PEM of the cluster CA
};

struct Cluster {
  std::optional<std::string> name;
  std::optional<std::string> arn;
  std::optional<double> createdAt;
  std::optional<std::string> version;
  std::optional<std::string> endpoint;
  std::optional<std::string> roleArn;
  std::optional<VpcConfigResponse> resourcesVpcConfig;
  std::optional<std::string> status;  // CREATING | ACTIVE | DELETING | FAILED | UPDATING | PENDING
  std::optional<Certificate> certificateAuthority;
  std::optional<std::string> platformVersion;
  std::optional<std::string> oidcIssuer;  // identity.oidc.issuer
  std::map<std::string, std::string> tags;
};

struct NodegroupScalingConfig {
  std::optional<int> minSize;
  std::optional<int> maxSize;
  std::optional<int> desiredSize;
};

struct Issue {
  std::optional<std::string> code;
  std::optional<std::string> message;
  std::vector<std::string> resourceIds;
};

struct Nodegroup {
  std::optional<std::string> nodegroupName;
  std::optional<std::string> nodegroupArn;
  std::optional<std::string> clusterName;
  std::optional<std::string> version;
  std::optional<std::string> releaseVersion;
  std::optional<double> createdAt;
  std::optional<double> modifiedAt;
  std::optional<std::string> status;  // CREATING | ACTIVE | UPDATING | DELETING | DEGRADED | …
  std::optional<std::string> capacityType;
  std::optional<NodegroupScalingConfig> scalingConfig;
  std::vector<std::string> instanceTypes;
  std::vector<std::string> subnets;
  std::optional<std::string> amiType;
  std::optional<std::string> nodeRole;
  std::map<std::string, std::string> labels;
  std::optional<int> diskSize;
  std::vector<Issue> healthIssues;  // health.issues
  std::map<std::string, std::string> tags;
};

struct DescribeClusterRequest {
  std::string name;
};

struct DescribeNodegroupRequest {
  std::string clusterName;
  std::string nodegroupName;
};

struct UpdateNodegroupConfigRequest {
  std::string clusterName;
  std::string nodegroupName;
  std::optional<NodegroupScalingConfig> scalingConfig;
  std::optional<std::string> clientRequestToken;  // idempotency token
};

struct UpdateParam {
  std::optional<std::string> type;
  std::optional<std::string> value;
};

struct ErrorDetail {
  std::optional<std::string> errorCode;
  std::optional<std::string> errorMessage;
  std::vector<std::string> resourceIds;
};

struct Update {
  std::optional<std::string> id;
  std::optional<std::string> status;  // InProgress | Failed | Cancelled | Successful
  std::optional<std::string> type;
  std::vector<UpdateParam> params;
  std::optional<double> createdAt;
  std::vector<ErrorDetail> errors;
};

}  // namespace po::aws::eks
