// RdsApi: the RDS operations the operator uses, one method per API action, region chosen per call.
// RdsClient is the real implementation; controller tests substitute a fake. Implementations must be
// thread-safe.
#pragma once

#include <string>

#include "operator/aws/error.h"
#include "operator/aws/rds/types.h"

namespace po::aws::rds {

class RdsApi {
 public:
  virtual ~RdsApi() = default;

  virtual Outcome<DBInstance> CreateDBInstance(const std::string& region,
                                               const CreateDBInstanceMessage& request) = 0;
  // One page; see DBInstancePager for walking all of them.
  virtual Outcome<DBInstanceMessage> DescribeDBInstances(
      const std::string& region, const DescribeDBInstancesMessage& request) = 0;
  virtual Outcome<DBInstance> ModifyDBInstance(const std::string& region,
                                               const ModifyDBInstanceMessage& request) = 0;
  virtual Outcome<DBInstance> DeleteDBInstance(const std::string& region,
                                               const DeleteDBInstanceMessage& request) = 0;
  // Called in the replica's region; for a cross-region replica the source is an ARN.
  virtual Outcome<DBInstance> CreateDBInstanceReadReplica(
      const std::string& region, const CreateDBInstanceReadReplicaMessage& request) = 0;
  virtual Outcome<DBInstance> PromoteReadReplica(const std::string& region,
                                                 const PromoteReadReplicaMessage& request) = 0;
  virtual Outcome<DBInstance> RebootDBInstance(const std::string& region,
                                               const RebootDBInstanceMessage& request) = 0;
  virtual Outcome<DBSnapshot> CreateDBSnapshot(const std::string& region,
                                               const CreateDBSnapshotMessage& request) = 0;
  // Called in the target region; for a cross-region copy the source is an ARN.
  virtual Outcome<DBSnapshot> CopyDBSnapshot(const std::string& region,
                                             const CopyDBSnapshotMessage& request) = 0;
  virtual Outcome<DBSnapshotMessage> DescribeDBSnapshots(
      const std::string& region, const DescribeDBSnapshotsMessage& request) = 0;
  virtual Outcome<DBSnapshot> DeleteDBSnapshot(const std::string& region,
                                               const DeleteDBSnapshotMessage& request) = 0;
  virtual Outcome<DBInstance> RestoreDBInstanceFromDBSnapshot(
      const std::string& region, const RestoreDBInstanceFromDBSnapshotMessage& request) = 0;
  virtual Outcome<DBInstance> RestoreDBInstanceToPointInTime(
      const std::string& region, const RestoreDBInstanceToPointInTimeMessage& request) = 0;
  // Called in the destination region of the backups.
  virtual Outcome<DBInstanceAutomatedBackup> StartDBInstanceAutomatedBackupsReplication(
      const std::string& region,
      const StartDBInstanceAutomatedBackupsReplicationMessage& request) = 0;
  virtual Outcome<EventsMessage> DescribeEvents(const std::string& region,
                                                const DescribeEventsMessage& request) = 0;
  virtual Outcome<Empty> AddTagsToResource(const std::string& region,
                                           const AddTagsToResourceMessage& request) = 0;
  virtual Outcome<TagListMessage> ListTagsForResource(
      const std::string& region, const ListTagsForResourceMessage& request) = 0;
  virtual Outcome<DBSubnetGroup> CreateDBSubnetGroup(const std::string& region,
                                                     const CreateDBSubnetGroupMessage& request) = 0;
  virtual Outcome<DBSubnetGroupMessage> DescribeDBSubnetGroups(
      const std::string& region, const DescribeDBSubnetGroupsMessage& request) = 0;
  virtual Outcome<Empty> DeleteDBSubnetGroup(const std::string& region,
                                             const DeleteDBSubnetGroupMessage& request) = 0;
};

}  // namespace po::aws::rds
