// Encodes RDS requests into Query-protocol form parameters (list and structure names as the service
// model and botocore's query serializer spell them). Pure functions; thread-safe.
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/rds/types.h"

namespace po::aws::rds {

QueryParams EncodeCreateDBInstance(const CreateDBInstanceMessage& request);
QueryParams EncodeDescribeDBInstances(const DescribeDBInstancesMessage& request);
QueryParams EncodeModifyDBInstance(const ModifyDBInstanceMessage& request);
QueryParams EncodeDeleteDBInstance(const DeleteDBInstanceMessage& request);
QueryParams EncodeCreateDBInstanceReadReplica(const CreateDBInstanceReadReplicaMessage& request);
QueryParams EncodePromoteReadReplica(const PromoteReadReplicaMessage& request);
QueryParams EncodeRebootDBInstance(const RebootDBInstanceMessage& request);
QueryParams EncodeCreateDBSnapshot(const CreateDBSnapshotMessage& request);
QueryParams EncodeCopyDBSnapshot(const CopyDBSnapshotMessage& request);
QueryParams EncodeDescribeDBSnapshots(const DescribeDBSnapshotsMessage& request);
QueryParams EncodeDeleteDBSnapshot(const DeleteDBSnapshotMessage& request);
QueryParams EncodeRestoreDBInstanceFromDBSnapshot(
    const RestoreDBInstanceFromDBSnapshotMessage& request);
QueryParams EncodeRestoreDBInstanceToPointInTime(
    const RestoreDBInstanceToPointInTimeMessage& request);
QueryParams EncodeStartDBInstanceAutomatedBackupsReplication(
    const StartDBInstanceAutomatedBackupsReplicationMessage& request);
QueryParams EncodeDescribeEvents(const DescribeEventsMessage& request);
QueryParams EncodeAddTagsToResource(const AddTagsToResourceMessage& request);
QueryParams EncodeListTagsForResource(const ListTagsForResourceMessage& request);
QueryParams EncodeCreateDBSubnetGroup(const CreateDBSubnetGroupMessage& request);
QueryParams EncodeDescribeDBSubnetGroups(const DescribeDBSubnetGroupsMessage& request);
QueryParams EncodeDeleteDBSubnetGroup(const DeleteDBSubnetGroupMessage& request);

}  // namespace po::aws::rds
