// Encoders and decoders of the CloudWatch Logs JSON bodies.
#include "operator/aws/logs/codec.h"

#include <string>

namespace po::aws::logs {
namespace {

std::optional<std::string> String(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

template <typename T>
std::optional<T> Number(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<T>();
}

std::optional<bool> Boolean(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

}  // namespace

nlohmann::json EncodeCreateLogGroup(const CreateLogGroupRequest& r) {
  nlohmann::json body = {{"logGroupName", r.logGroupName}};
  if (r.kmsKeyId) body["kmsKeyId"] = *r.kmsKeyId;
  if (!r.tags.empty()) body["tags"] = r.tags;
  if (r.logGroupClass) body["logGroupClass"] = *r.logGroupClass;
  return body;
}

nlohmann::json EncodePutRetentionPolicy(const PutRetentionPolicyRequest& r) {
  return {{"logGroupName", r.logGroupName}, {"retentionInDays", r.retentionInDays}};
}

nlohmann::json EncodeDescribeLogGroups(const DescribeLogGroupsRequest& r) {
  nlohmann::json body = nlohmann::json::object();
  if (r.logGroupNamePrefix) body["logGroupNamePrefix"] = *r.logGroupNamePrefix;
  if (r.nextToken) body["nextToken"] = *r.nextToken;
  if (r.limit) body["limit"] = *r.limit;
  return body;
}

nlohmann::json EncodeDeleteLogGroup(const DeleteLogGroupRequest& r) {
  return {{"logGroupName", r.logGroupName}};
}

Result<DescribeLogGroupsResponse> DecodeDescribeLogGroups(const nlohmann::json& body) {
  if (!body.is_object())
    return Internal("CloudWatch Logs DescribeLogGroups reply is not an object");
  DescribeLogGroupsResponse out;
  auto groups = body.find("logGroups");
  if (groups != body.end() && !groups->is_null()) {
    if (!groups->is_array()) {
      return Internal("CloudWatch Logs DescribeLogGroups reply: logGroups is not an array");
    }
    for (const nlohmann::json& g : *groups) {
      if (!g.is_object()) {
        return Internal("CloudWatch Logs DescribeLogGroups reply: a log group is not an object");
      }
      LogGroup group;
      group.logGroupName = String(g, "logGroupName");
      group.creationTime = Number<std::int64_t>(g, "creationTime");
      group.retentionInDays = Number<int>(g, "retentionInDays");
      group.metricFilterCount = Number<int>(g, "metricFilterCount");
      group.arn = String(g, "arn");
      group.storedBytes = Number<std::int64_t>(g, "storedBytes");
      group.kmsKeyId = String(g, "kmsKeyId");
      group.logGroupClass = String(g, "logGroupClass");
      group.logGroupArn = String(g, "logGroupArn");
      group.deletionProtectionEnabled = Boolean(g, "deletionProtectionEnabled");
      out.logGroups.push_back(std::move(group));
    }
  }
  out.nextToken = String(body, "nextToken");
  if (out.nextToken && out.nextToken->empty()) out.nextToken.reset();
  return out;
}

}  // namespace po::aws::logs
