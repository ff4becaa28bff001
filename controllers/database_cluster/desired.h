// The desired state of a DatabaseCluster in RDS, as pure functions of the parsed spec: the create
// requests of the primary (empty or restored), its read replicas and the disaster-recovery replica,
// the subnet group, the tags, and DesiredInstance — what each instance should look like, for the
// diff. Pure functions; plain values, safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "controllers/database_cluster/spec.h"
#include "operator/aws/rds/types.h"

namespace po::controllers::database_cluster {

enum class Role { kPrimary, kReplica, kDisasterRecovery };
// "primary" | "replica" | "disaster-recovery" (status.instances[].role).
std::string RoleName(Role role);

// What one instance of the cluster should look like; unset members are left as AWS has them.
struct DesiredInstance {
  std::string identifier;
  std::string region;
  Role role = Role::kPrimary;
  std::string instance_class;
  std::optional<std::string> engine_version;  // the primary's; replicas follow their source
  int allocated_gib = 0;
  std::optional<int> max_allocated_gib;
  std::string storage_type;
  std::optional<int> iops;
  std::optional<bool> multi_az;
  std::optional<int> backup_retention_days;
  std::optional<std::string> backup_window;
  std::optional<std::string> maintenance_window;
  std::vector<std::string> security_group_ids;
  bool publicly_accessible = false;
  bool deletion_protection = false;
  std::vector<aws::rds::Tag> tags;
};

// spec.tags with the ownership tags, sorted by key.
std::vector<aws::rds::Tag> Tags(const ClusterSpec& spec);

DesiredInstance DesiredPrimary(const ClusterSpec& spec);
DesiredInstance DesiredReplica(const ClusterSpec& spec, int index);  // index 1..count
DesiredInstance DesiredDisasterRecovery(const ClusterSpec& spec);

// The subnet group the primary uses: spec.network.subnetGroupName, the one the operator creates
// from subnetIds, or std::nullopt (RDS's default).
std::optional<std::string> DesiredSubnetGroup(const ClusterSpec& spec);

// CreateDBInstance of an empty primary with `password` as the master password.
aws::rds::CreateDBInstanceMessage CreatePrimaryRequest(const ClusterSpec& spec,
                                                       const std::string& password);
// Restores at creation; the converge that follows applies what a restore cannot set.
aws::rds::RestoreDBInstanceFromDBSnapshotMessage RestoreFromSnapshotRequest(
    const ClusterSpec& spec);
aws::rds::RestoreDBInstanceToPointInTimeMessage RestoreToPointInTimeRequest(
    const ClusterSpec& spec);
// Read replica `index` in the primary's region; the source is the primary's identifier.
aws::rds::CreateDBInstanceReadReplicaMessage CreateReplicaRequest(const ClusterSpec& spec,
                                                                  int index);
// The cross-region replica, called in the disaster-recovery region with the primary's ARN as the
// source and the destination region's KMS key. SourceRegion is not sent: in the commercial
// partition the source ARN names the region, and pre-signed URLs are only required in GovCloud
// and China (which is how botocore's SourceRegion is turned into PreSignedUrl).
aws::rds::CreateDBInstanceReadReplicaMessage CreateDisasterRecoveryRequest(
    const ClusterSpec& spec, const std::string& primary_arn);
aws::rds::CreateDBSubnetGroupMessage SubnetGroupRequest(const ClusterSpec& spec);
// DeleteDBInstance of the primary under the deletion policy (a final snapshot for kSnapshot).
aws::rds::DeleteDBInstanceMessage DeletePrimaryRequest(const ClusterSpec& spec);
// DeleteDBInstance of a replica (never a final snapshot: replicas have no backups of their own).
aws::rds::DeleteDBInstanceMessage DeleteReplicaRequest(const std::string& identifier);

}  // namespace po::controllers::database_cluster
