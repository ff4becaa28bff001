// The platform's CloudWatch log groups (one per tier) with the requested retention: created when
// missing, retention corrected when it differs, deleted with the platform only under the Delete
// policy. Also yields the AWS account ID (from a log group's ARN). Functions over a LogsApi;
// thread-safe if it is.
#pragma once

#include <map>
#include <string>

#include "controllers/metrics_platform/effective.h"
#include "operator/aws/logs/api.h"

namespace po::controllers::metrics_platform {

struct LoggingResult {
  bool ready = false;
  std::string reason;
  std::string message;
  std::string account_id;  // "" when no ARN was seen
};

// The account field of an ARN ("arn:aws:logs:us-east-1:123456789012:log-group:x:*"), or "".
std::string AccountOfArn(const std::string& arn);

LoggingResult ReconcileLogGroups(aws::logs::LogsApi& logs, const Effective& effective,
                                 const std::map<std::string, std::string>& tags);

// Deletes the log groups when the platform's deletionPolicy is Delete; keeps them otherwise.
// `message` tells what was done.
Status DeleteLogGroups(aws::logs::LogsApi& logs, const Effective& effective, std::string& message);

}  // namespace po::controllers::metrics_platform
