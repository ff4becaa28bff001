// Encoders (request → JSON body) and decoders (JSON reply → response) of the CloudWatch Logs
// operations the operator uses. Pure functions; thread-safe; never throw.
#pragma once

#include <nlohmann/json.hpp>

#include "operator/aws/logs/types.h"
#include "operator/common/status.h"

namespace po::aws::logs {

nlohmann::json EncodeCreateLogGroup(const CreateLogGroupRequest& request);
nlohmann::json EncodePutRetentionPolicy(const PutRetentionPolicyRequest& request);
nlohmann::json EncodeDescribeLogGroups(const DescribeLogGroupsRequest& request);
nlohmann::json EncodeDeleteLogGroup(const DeleteLogGroupRequest& request);

Result<DescribeLogGroupsResponse> DecodeDescribeLogGroups(const nlohmann::json& body);

}  // namespace po::aws::logs
