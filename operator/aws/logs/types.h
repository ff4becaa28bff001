// Request and response shapes of the Amazon CloudWatch Logs API (2014-03-28, JSON 1.1) that the
// operator uses, named and spelled exactly as in the service model (camelCase members).
// Plain values; safe to copy and share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace po::aws::logs {

inline constexpr char kTargetPrefix[] = "Logs_20140328";
inline constexpr char kSigningName[] = "logs";

struct CreateLogGroupRequest {
  std::string logGroupName;
  std::optional<std::string> kmsKeyId;
  std::map<std::string, std::string> tags;
  std::optional<std::string> logGroupClass;  // "STANDARD" | "INFREQUENT_ACCESS" | …
};

struct PutRetentionPolicyRequest {
  std::string logGroupName;
  int retentionInDays = 0;  // one of the values the service accepts: 1, 3, 5, 7, 14, 30, …
};

struct DescribeLogGroupsRequest {
  std::optional<std::string> logGroupNamePrefix;
  std::optional<std::string> nextToken;
  std::optional<int> limit;  // 1..50
};

struct DeleteLogGroupRequest {
  std::string logGroupName;
};

struct LogGroup {
  std::optional<std::string> logGroupName;
  std::optional<std::int64_t> creationTime;  // milliseconds since the epoch
  std::optional<int> retentionInDays;
  std::optional<int> metricFilterCount;
  std::optional<std::string> arn;  // ends in ":*"
  std::optional<std::int64_t> storedBytes;
  std::optional<std::string> kmsKeyId;
  std::optional<std::string> logGroupClass;
  std::optional<std::string> logGroupArn;  // without the trailing ":*"
  std::optional<bool> deletionProtectionEnabled;
};

struct DescribeLogGroupsResponse {
  std::vector<LogGroup> logGroups;
  std::optional<std::string> nextToken;  // absent (or null) on the last page
};

}  // namespace po::aws::logs
