// LogsClient: encodes each CloudWatch Logs request, makes the JSON call and decodes the reply; and
// DescribeAllLogGroups, which walks nextToken pages.
#include "operator/aws/logs/client.h"

#include <utility>

#include "operator/aws/decoded_outcome.h"
#include "operator/aws/logs/codec.h"

namespace po::aws::logs {

Outcome<Empty> LogsClient::CallWithoutResult(const std::string& region,
                                             const std::string& operation,
                                             const nlohmann::json& body) {
  Outcome<nlohmann::json> reply =
      caller_.Json(CallTarget{kSigningName, region}, kTargetPrefix, operation, body);
  if (!reply.ok()) return reply.error();
  return Empty{};
}

Outcome<Empty> LogsClient::CreateLogGroup(const std::string& region,
                                          const CreateLogGroupRequest& request) {
  return CallWithoutResult(region, "CreateLogGroup", EncodeCreateLogGroup(request));
}

Outcome<Empty> LogsClient::PutRetentionPolicy(const std::string& region,
                                              const PutRetentionPolicyRequest& request) {
  return CallWithoutResult(region, "PutRetentionPolicy", EncodePutRetentionPolicy(request));
}

Outcome<Empty> LogsClient::DeleteLogGroup(const std::string& region,
                                          const DeleteLogGroupRequest& request) {
  return CallWithoutResult(region, "DeleteLogGroup", EncodeDeleteLogGroup(request));
}

Outcome<DescribeLogGroupsResponse> LogsClient::DescribeLogGroups(
    const std::string& region, const DescribeLogGroupsRequest& request) {
  Outcome<nlohmann::json> reply =
      caller_.Json(CallTarget{kSigningName, region}, kTargetPrefix, "DescribeLogGroups",
                   EncodeDescribeLogGroups(request));
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<DescribeLogGroupsResponse>(DecodeDescribeLogGroups(reply.value()), 200);
}

Outcome<std::vector<LogGroup>> DescribeAllLogGroups(LogsApi& api, const std::string& region,
                                                    DescribeLogGroupsRequest request) {
  std::vector<LogGroup> all;
  request.nextToken.reset();
  while (true) {
    Outcome<DescribeLogGroupsResponse> page = api.DescribeLogGroups(region, request);
    if (!page.ok()) return page.error();
    for (LogGroup& group : page.value().logGroups) all.push_back(std::move(group));
    if (!page.value().nextToken) return all;
    request.nextToken = std::move(page.value().nextToken);
  }
}

}  // namespace po::aws::logs
