// RdsClient: RdsApi over an ApiCaller — encodes each request, makes the Query call to the "rds"
// service in the given region and decodes the reply. Holds only a reference to the caller; as
// thread-safe as the ApiCaller it is given (which must be).
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/rds/api.h"

namespace po::aws::rds {

class RdsClient final : public RdsApi {
 public:
  explicit RdsClient(ApiCaller& caller) : caller_(caller) {}

  Outcome<DBInstance> CreateDBInstance(const std::string& region,
                                       const CreateDBInstanceMessage& request) override;
  Outcome<DBInstanceMessage> DescribeDBInstances(
      const std::string& region, const DescribeDBInstancesMessage& request) override;
  Outcome<DBInstance> ModifyDBInstance(const std::string& region,
                                       const ModifyDBInstanceMessage& request) override;
  Outcome<DBInstance> DeleteDBInstance(const std::string& region,
                                       const DeleteDBInstanceMessage& request) override;
  Outcome<DBInstance> CreateDBInstanceReadReplica(
      const std::string& region, const CreateDBInstanceReadReplicaMessage& request) override;
  Outcome<DBInstance> PromoteReadReplica(const std::string& region,
                                         const PromoteReadReplicaMessage& request) override;
  Outcome<DBInstance> RebootDBInstance(const std::string& region,
                                       const RebootDBInstanceMessage& request) override;
  Outcome<DBSnapshot> CreateDBSnapshot(const std::string& region,
                                       const CreateDBSnapshotMessage& request) override;
  Outcome<DBSnapshot> CopyDBSnapshot(const std::string& region,
                                     const CopyDBSnapshotMessage& request) override;
  Outcome<DBSnapshotMessage> DescribeDBSnapshots(
      const std::string& region, const DescribeDBSnapshotsMessage& request) override;
  Outcome<DBSnapshot> DeleteDBSnapshot(const std::string& region,
                                       const DeleteDBSnapshotMessage& request) override;
  Outcome<DBInstance> RestoreDBInstanceFromDBSnapshot(
      const std::string& region, const RestoreDBInstanceFromDBSnapshotMessage& request) override;
  Outcome<DBInstance> RestoreDBInstanceToPointInTime(
      const std::string& region, const RestoreDBInstanceToPointInTimeMessage& request) override;
  Outcome<DBInstanceAutomatedBackup> StartDBInstanceAutomatedBackupsReplication(
      const std::string& region,
      const StartDBInstanceAutomatedBackupsReplicationMessage& request) override;
  Outcome<EventsMessage> DescribeEvents(const std::string& region,
                                        const DescribeEventsMessage& request) override;
  Outcome<Empty> AddTagsToResource(const std::string& region,
                                   const AddTagsToResourceMessage& request) override;
  Outcome<TagListMessage> ListTagsForResource(const std::string& region,
                                              const ListTagsForResourceMessage& request) override;
  Outcome<DBSubnetGroup> CreateDBSubnetGroup(const std::string& region,
                                             const CreateDBSubnetGroupMessage& request) override;
  Outcome<DBSubnetGroupMessage> DescribeDBSubnetGroups(
      const std::string& region, const DescribeDBSubnetGroupsMessage& request) override;
  Outcome<Empty> DeleteDBSubnetGroup(const std::string& region,
                                     const DeleteDBSubnetGroupMessage& request) override;

 private:
  ApiCaller& caller_;
};

}  // namespace po::aws::rds
