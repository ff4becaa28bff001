// Decodes RDS Query-protocol XML response bodies into typed results. Pure functions; thread-safe.
// A body that is not the expected document yields an Internal status naming the action.
#pragma once

#include <string_view>

#include "operator/aws/error.h"
#include "operator/aws/rds/types.h"
#include "operator/common/status.h"

namespace po::aws::rds {

// For the actions whose result is one <DBInstance>: CreateDBInstance, ModifyDBInstance,
// DeleteDBInstance, CreateDBInstanceReadReplica, PromoteReadReplica, RebootDBInstance,
// RestoreDBInstanceFromDBSnapshot, RestoreDBInstanceToPointInTime.
Result<DBInstance> DecodeDBInstanceResult(std::string_view action, std::string_view xml);
// For CreateDBSnapshot, CopyDBSnapshot and DeleteDBSnapshot.
Result<DBSnapshot> DecodeDBSnapshotResult(std::string_view action, std::string_view xml);

Result<DBInstanceMessage> DecodeDescribeDBInstances(std::string_view xml);
Result<DBSnapshotMessage> DecodeDescribeDBSnapshots(std::string_view xml);
Result<DBInstanceAutomatedBackup> DecodeStartDBInstanceAutomatedBackupsReplication(
    std::string_view xml);
Result<EventsMessage> DecodeDescribeEvents(std::string_view xml);
Result<Empty> DecodeAddTagsToResource(std::string_view xml);
Result<TagListMessage> DecodeListTagsForResource(std::string_view xml);
Result<DBSubnetGroup> DecodeCreateDBSubnetGroup(std::string_view xml);
Result<DBSubnetGroupMessage> DecodeDescribeDBSubnetGroups(std::string_view xml);
Result<Empty> DecodeDeleteDBSubnetGroup(std::string_view xml);

}  // namespace po::aws::rds
