// RdsClient: encodes each RDS request, makes the Query call and decodes the reply.
#include "operator/aws/rds/client.h"

#include <string>
#include <string_view>

#include "operator/aws/query_call.h"
#include "operator/aws/rds/decode.h"
#include "operator/aws/rds/encode.h"

namespace po::aws::rds {
namespace {

// Makes one Query call to this service in `region` and decodes its body.
template <typename T, typename DecodeFn>
Outcome<T> Call(ApiCaller& caller, const std::string& region, const std::string& action,
                const QueryParams& params, DecodeFn decode) {
  return CallQuery<T>(caller, CallTarget{kSigningName, region}, action, kApiVersion, params,
                      decode);
}

}  // namespace

Outcome<DBInstance> RdsClient::CreateDBInstance(const std::string& region,
                                                const CreateDBInstanceMessage& request) {
  return Call<DBInstance>(
      caller_, region, "CreateDBInstance", EncodeCreateDBInstance(request),
      [](std::string_view xml) { return DecodeDBInstanceResult("CreateDBInstance", xml); });
}

Outcome<DBInstanceMessage> RdsClient::DescribeDBInstances(
    const std::string& region, const DescribeDBInstancesMessage& request) {
  return Call<DBInstanceMessage>(caller_, region, "DescribeDBInstances",
                                 EncodeDescribeDBInstances(request), DecodeDescribeDBInstances);
}

Outcome<DBInstance> RdsClient::ModifyDBInstance(const std::string& region,
                                                const ModifyDBInstanceMessage& request) {
  return Call<DBInstance>(
      caller_, region, "ModifyDBInstance", EncodeModifyDBInstance(request),
      [](std::string_view xml) { return DecodeDBInstanceResult("ModifyDBInstance", xml); });
}

Outcome<DBInstance> RdsClient::DeleteDBInstance(const std::string& region,
                                                const DeleteDBInstanceMessage& request) {
  return Call<DBInstance>(
      caller_, region, "DeleteDBInstance", EncodeDeleteDBInstance(request),
      [](std::string_view xml) { return DecodeDBInstanceResult("DeleteDBInstance", xml); });
}

Outcome<DBInstance> RdsClient::CreateDBInstanceReadReplica(
    const std::string& region, const CreateDBInstanceReadReplicaMessage& request) {
  return Call<DBInstance>(caller_, region, "CreateDBInstanceReadReplica",
                          EncodeCreateDBInstanceReadReplica(request), [](std::string_view xml) {
                            return DecodeDBInstanceResult("CreateDBInstanceReadReplica", xml);
                          });
}

Outcome<DBInstance> RdsClient::PromoteReadReplica(const std::string& region,
                                                  const PromoteReadReplicaMessage& request) {
  return Call<DBInstance>(
      caller_, region, "PromoteReadReplica", EncodePromoteReadReplica(request),
      [](std::string_view xml) { return DecodeDBInstanceResult("PromoteReadReplica", xml); });
}

Outcome<DBInstance> RdsClient::RebootDBInstance(const std::string& region,
                                                const RebootDBInstanceMessage& request) {
  return Call<DBInstance>(
      caller_, region, "RebootDBInstance", EncodeRebootDBInstance(request),
      [](std::string_view xml) { return DecodeDBInstanceResult("RebootDBInstance", xml); });
}

Outcome<DBSnapshot> RdsClient::CreateDBSnapshot(const std::string& region,
                                                const CreateDBSnapshotMessage& request) {
  return Call<DBSnapshot>(
      caller_, region, "CreateDBSnapshot", EncodeCreateDBSnapshot(request),
      [](std::string_view xml) { return DecodeDBSnapshotResult("CreateDBSnapshot", xml); });
}

Outcome<DBSnapshot> RdsClient::CopyDBSnapshot(const std::string& region,
                                              const CopyDBSnapshotMessage& request) {
  return Call<DBSnapshot>(
      caller_, region, "CopyDBSnapshot", EncodeCopyDBSnapshot(request),
      [](std::string_view xml) { return DecodeDBSnapshotResult("CopyDBSnapshot", xml); });
}

Outcome<DBSnapshotMessage> RdsClient::DescribeDBSnapshots(
    const std::string& region, const DescribeDBSnapshotsMessage& request) {
  return Call<DBSnapshotMessage>(caller_, region, "DescribeDBSnapshots",
                                 EncodeDescribeDBSnapshots(request), DecodeDescribeDBSnapshots);
}

Outcome<DBSnapshot> RdsClient::DeleteDBSnapshot(const std::string& region,
                                                const DeleteDBSnapshotMessage& request) {
  return Call<DBSnapshot>(
      caller_, region, "DeleteDBSnapshot", EncodeDeleteDBSnapshot(request),
      [](std::string_view xml) { return DecodeDBSnapshotResult("DeleteDBSnapshot", xml); });
}

Outcome<DBInstance> RdsClient::RestoreDBInstanceFromDBSnapshot(
    const std::string& region, const RestoreDBInstanceFromDBSnapshotMessage& request) {
  return Call<DBInstance>(caller_, region, "RestoreDBInstanceFromDBSnapshot",
                          EncodeRestoreDBInstanceFromDBSnapshot(request), [](std::string_view xml) {
                            return DecodeDBInstanceResult("RestoreDBInstanceFromDBSnapshot", xml);
                          });
}

Outcome<DBInstance> RdsClient::RestoreDBInstanceToPointInTime(
    const std::string& region, const RestoreDBInstanceToPointInTimeMessage& request) {
  return Call<DBInstance>(caller_, region, "RestoreDBInstanceToPointInTime",
                          EncodeRestoreDBInstanceToPointInTime(request), [](std::string_view xml) {
                            return DecodeDBInstanceResult("RestoreDBInstanceToPointInTime", xml);
                          });
}

Outcome<DBInstanceAutomatedBackup> RdsClient::StartDBInstanceAutomatedBackupsReplication(
    const std::string& region, const StartDBInstanceAutomatedBackupsReplicationMessage& request) {
  return Call<DBInstanceAutomatedBackup>(caller_, region,
                                         "StartDBInstanceAutomatedBackupsReplication",
                                         EncodeStartDBInstanceAutomatedBackupsReplication(request),
                                         DecodeStartDBInstanceAutomatedBackupsReplication);
}

Outcome<EventsMessage> RdsClient::DescribeEvents(const std::string& region,
                                                 const DescribeEventsMessage& request) {
  return Call<EventsMessage>(caller_, region, "DescribeEvents", EncodeDescribeEvents(request),
                             DecodeDescribeEvents);
}

Outcome<Empty> RdsClient::AddTagsToResource(const std::string& region,
                                            const AddTagsToResourceMessage& request) {
  return Call<Empty>(caller_, region, "AddTagsToResource", EncodeAddTagsToResource(request),
                     DecodeAddTagsToResource);
}

Outcome<TagListMessage> RdsClient::ListTagsForResource(const std::string& region,
                                                       const ListTagsForResourceMessage& request) {
  return Call<TagListMessage>(caller_, region, "ListTagsForResource",
                              EncodeListTagsForResource(request), DecodeListTagsForResource);
}

Outcome<DBSubnetGroup> RdsClient::CreateDBSubnetGroup(const std::string& region,
                                                      const CreateDBSubnetGroupMessage& request) {
  return Call<DBSubnetGroup>(caller_, region, "CreateDBSubnetGroup",
                             EncodeCreateDBSubnetGroup(request), DecodeCreateDBSubnetGroup);
}

Outcome<DBSubnetGroupMessage> RdsClient::DescribeDBSubnetGroups(
    const std::string& region, const DescribeDBSubnetGroupsMessage& request) {
  return Call<DBSubnetGroupMessage>(caller_, region, "DescribeDBSubnetGroups",
                                    EncodeDescribeDBSubnetGroups(request),
                                    DecodeDescribeDBSubnetGroups);
}

Outcome<Empty> RdsClient::DeleteDBSubnetGroup(const std::string& region,
                                              const DeleteDBSubnetGroupMessage& request) {
  return Call<Empty>(caller_, region, "DeleteDBSubnetGroup", EncodeDeleteDBSubnetGroup(request),
                     DecodeDeleteDBSubnetGroup);
}

}  // namespace po::aws::rds
