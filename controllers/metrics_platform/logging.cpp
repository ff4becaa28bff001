// CloudWatch log groups of a platform: ensure, retention, delete.
#include "controllers/metrics_platform/logging.h"

#include <set>

namespace po::controllers::metrics_platform {

namespace logs = aws::logs;

std::string AccountOfArn(const std::string& arn) {
  // arn:partition:service:region:account:resource
  size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    start = arn.find(':', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  const size_t end = arn.find(':', start);
  if (end == std::string::npos) return "";
  return arn.substr(start, end - start);
}

namespace {

std::string CommonPrefix(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string prefix = names.front();
  for (const auto& name : names) {
    size_t i = 0;
    while (i < prefix.size() && i < name.size() && prefix[i] == name[i]) ++i;
    prefix.resize(i);
  }
  return prefix;
}

}  // namespace

LoggingResult ReconcileLogGroups(logs::LogsApi& api, const Effective& effective,
                                 const std::map<std::string, std::string>& tags) {
  LoggingResult result;
  logs::DescribeLogGroupsRequest request;
  request.logGroupNamePrefix = CommonPrefix(effective.log_groups);
  auto existing = logs::DescribeAllLogGroups(api, effective.region, request);
  if (!existing.ok()) {
    result.reason = "CloudWatchLogsError";
    result.message = "listing log groups: " + existing.error().ToString();
    return result;
  }
  std::map<std::string, logs::LogGroup> by_name;
  for (const auto& group : existing.value()) {
    if (group.logGroupName) by_name[*group.logGroupName] = group;
    if (result.account_id.empty() && group.arn) result.account_id = AccountOfArn(*group.arn);
  }
  bool created = false;
  for (const std::string& name : effective.log_groups) {
    auto found = by_name.find(name);
    std::optional<int> retention;
    if (found == by_name.end()) {
      logs::CreateLogGroupRequest create_request;
      create_request.logGroupName = name;
      create_request.tags = tags;
      auto create = api.CreateLogGroup(effective.region, create_request);
      if (!create.ok() && create.error().code != "ResourceAlreadyExistsException") {
        result.reason = "CloudWatchLogsError";
        result.message = "creating log group " + name + ": " + create.error().ToString();
        return result;
      }
      created = true;
    } else {
      retention = found->second.retentionInDays;
    }
    if (retention != effective.log_retention_days) {
      auto put = api.PutRetentionPolicy(
          effective.region,
          {.logGroupName = name, .retentionInDays = effective.log_retention_days});
      if (!put.ok()) {
        result.reason = "CloudWatchLogsError";
        result.message = "setting the retention of " + name + ": " + put.error().ToString();
        return result;
      }
    }
  }
  if (result.account_id.empty() && created) {
    // The ARN of a group created just now shows on the next describe.
    auto again = logs::DescribeAllLogGroups(api, effective.region, request);
    if (again.ok()) {
      for (const auto& group : again.value()) {
        if (group.arn) result.account_id = AccountOfArn(*group.arn);
        if (!result.account_id.empty()) break;
      }
    }
  }
  result.ready = true;
  result.reason = "LogGroupsReady";
  result.message = std::to_string(effective.log_groups.size()) + " log groups, retention " +
                   std::to_string(effective.log_retention_days) + " days";
  return result;
}

Status DeleteLogGroups(logs::LogsApi& api, const Effective& effective, std::string& message) {
  if (effective.deletion_policy != "Delete") {
    message += "log groups kept (deletionPolicy " + effective.deletion_policy + "); ";
    return Status::Ok();
  }
  for (const std::string& name : effective.log_groups) {
    auto deleted = api.DeleteLogGroup(effective.region, {.logGroupName = name});
    if (!deleted.ok() && deleted.error().code != "ResourceNotFoundException") {
      return deleted.error().ToStatus().WithContext("while deleting log group " + name);
    }
  }
  message += "log groups deleted; ";
  return Status::Ok();
}

}  // namespace po::controllers::metrics_platform
