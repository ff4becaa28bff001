// LogsClient: LogsApi over an ApiCaller (JSON 1.1 calls to the "logs" service with target prefix
// Logs_20140328). Holds only a reference to the caller; as thread-safe as the ApiCaller it is
// given.
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/logs/api.h"

namespace po::aws::logs {

class LogsClient final : public LogsApi {
 public:
  explicit LogsClient(ApiCaller& caller) : caller_(caller) {}

  Outcome<Empty> CreateLogGroup(const std::string& region,
                                const CreateLogGroupRequest& request) override;
  Outcome<Empty> PutRetentionPolicy(const std::string& region,
                                    const PutRetentionPolicyRequest& request) override;
  Outcome<DescribeLogGroupsResponse> DescribeLogGroups(
      const std::string& region, const DescribeLogGroupsRequest& request) override;
  Outcome<Empty> DeleteLogGroup(const std::string& region,
                                const DeleteLogGroupRequest& request) override;

 private:
  Outcome<Empty> CallWithoutResult(const std::string& region, const std::string& operation,
                                   const nlohmann::json& body);

  ApiCaller& caller_;
};

}  // namespace po::aws::logs
