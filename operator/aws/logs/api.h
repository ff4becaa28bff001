// LogsApi: the CloudWatch Logs operations the operator uses, region chosen per call. LogsClient is
// the real implementation; tests substitute a fake. Implementations must be thread-safe.
#pragma once

#include <string>
#include <vector>

#include "operator/aws/error.h"
#include "operator/aws/logs/types.h"

namespace po::aws::logs {

class LogsApi {
 public:
  virtual ~LogsApi() = default;

  virtual Outcome<Empty> CreateLogGroup(const std::string& region,
                                        const CreateLogGroupRequest& request) = 0;
  virtual Outcome<Empty> PutRetentionPolicy(const std::string& region,
                                            const PutRetentionPolicyRequest& request) = 0;
  // One page; DescribeAllLogGroups walks all of them.
  virtual Outcome<DescribeLogGroupsResponse> DescribeLogGroups(
      const std::string& region, const DescribeLogGroupsRequest& request) = 0;
  virtual Outcome<Empty> DeleteLogGroup(const std::string& region,
                                        const DeleteLogGroupRequest& request) = 0;
};

// Every log group matching `request.logGroupNamePrefix`, following nextToken to the last page.
Outcome<std::vector<LogGroup>> DescribeAllLogGroups(LogsApi& api, const std::string& region,
                                                    DescribeLogGroupsRequest request);

}  // namespace po::aws::logs
