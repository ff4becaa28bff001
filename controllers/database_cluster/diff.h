// The diff of one RDS instance: desired (DesiredInstance) against observed (DBInstance from
// DescribeDBInstances) → the one ModifyDBInstance that closes the gap, or nothing. It understands
// how RDS reports things so that it never asks for the same change twice: a major version matches
// any minor of it, values in PendingModifiedValues count as applied, unset optional settings take
// whatever AWS filled in, names compare without case, storage that autoscaling grew is not shrunk,
// and downgrades RDS cannot do are reported instead of requested. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "controllers/database_cluster/desired.h"
#include "operator/aws/rds/types.h"

namespace po::controllers::database_cluster {

struct InstanceDiff {
  // The modification to request; std::nullopt when the instance matches.
  std::optional<aws::rds::ModifyDBInstanceMessage> modify;
  // One line per changed setting: "instanceClass db.t3.micro -> db.t3.small".
  std::vector<std::string> changes;
  // Tags to add or correct with AddTagsToResource (user tags and ownership tags).
  std::vector<aws::rds::Tag> tags;
  // Differences the operator will not request, with the reason (e.g. a version downgrade).
  std::vector<std::string> refused;

  bool InSync() const { return !modify && tags.empty(); }
};

// `apply_immediately` becomes the request's ApplyImmediately (else the maintenance window).
InstanceDiff Diff(const DesiredInstance& desired, const aws::rds::DBInstance& observed,
                  bool apply_immediately);

// A PostgreSQL version "14" or "14.12": major and, when given, minor.
struct EngineVersion {
  int major = 0;
  std::optional<int> minor;
};
std::optional<EngineVersion> ParseEngineVersion(const std::string& text);

}  // namespace po::controllers::database_cluster
