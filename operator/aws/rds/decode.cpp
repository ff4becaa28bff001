// Decodes RDS Query-protocol XML response bodies into typed results.
#include "operator/aws/rds/decode.h"

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "operator/aws/xml_reader.h"

namespace po::aws::rds {
namespace {

constexpr std::string_view kService = "RDS";

using xml_reader::Bool;
using xml_reader::DecodeMember;
using xml_reader::DecodeResult;
using xml_reader::Int;
using xml_reader::List;
using xml_reader::Strings;
using xml_reader::Text;

Tag DecodeTag(pugi::xml_node n) {
  return Tag{Text(n, "Key").value_or(""), Text(n, "Value").value_or("")};
}

Endpoint DecodeEndpoint(pugi::xml_node n) {
  Endpoint e;
  e.Address = Text(n, "Address");
  e.Port = Int(n, "Port");
  e.HostedZoneId = Text(n, "HostedZoneId");
  return e;
}

DBSubnetGroup DecodeDBSubnetGroup(pugi::xml_node n) {
  DBSubnetGroup g;
  g.DBSubnetGroupName = Text(n, "DBSubnetGroupName");
  g.DBSubnetGroupDescription = Text(n, "DBSubnetGroupDescription");
  g.VpcId = Text(n, "VpcId");
  g.SubnetGroupStatus = Text(n, "SubnetGroupStatus");
  g.Subnets = List<Subnet>(n, "Subnets", [](pugi::xml_node s) {
    Subnet subnet;
    subnet.SubnetIdentifier = Text(s, "SubnetIdentifier");
    subnet.SubnetAvailabilityZone = Text(s.child("SubnetAvailabilityZone"), "Name");
    subnet.SubnetStatus = Text(s, "SubnetStatus");
    return subnet;
  });
  g.DBSubnetGroupArn = Text(n, "DBSubnetGroupArn");
  return g;
}

PendingModifiedValues DecodePendingModifiedValues(pugi::xml_node n) {
  PendingModifiedValues p;
  p.DBInstanceClass = Text(n, "DBInstanceClass");
  p.AllocatedStorage = Int(n, "AllocatedStorage");
  p.Port = Int(n, "Port");
  p.BackupRetentionPeriod = Int(n, "BackupRetentionPeriod");
  p.MultiAZ = Bool(n, "MultiAZ");
  p.EngineVersion = Text(n, "EngineVersion");
  p.Iops = Int(n, "Iops");
  p.StorageThroughput = Int(n, "StorageThroughput");
  p.DBInstanceIdentifier = Text(n, "DBInstanceIdentifier");
  p.StorageType = Text(n, "StorageType");
  p.CACertificateIdentifier = Text(n, "CACertificateIdentifier");
  p.DBSubnetGroupName = Text(n, "DBSubnetGroupName");
  p.IAMDatabaseAuthenticationEnabled = Bool(n, "IAMDatabaseAuthenticationEnabled");
  p.Engine = Text(n, "Engine");
  return p;
}

DBInstance DecodeDBInstance(pugi::xml_node n) {
  DBInstance d;
  d.DBInstanceIdentifier = Text(n, "DBInstanceIdentifier");
  d.DBInstanceArn = Text(n, "DBInstanceArn");
  d.DBInstanceClass = Text(n, "DBInstanceClass");
  d.Engine = Text(n, "Engine");
  d.EngineVersion = Text(n, "EngineVersion");
  d.DBInstanceStatus = Text(n, "DBInstanceStatus");
  d.MasterUsername = Text(n, "MasterUsername");
  d.DBName = Text(n, "DBName");
  if (pugi::xml_node e = n.child("Endpoint")) d.Endpoint = DecodeEndpoint(e);
  d.AllocatedStorage = Int(n, "AllocatedStorage");
  d.MaxAllocatedStorage = Int(n, "MaxAllocatedStorage");
  d.StorageType = Text(n, "StorageType");
  d.Iops = Int(n, "Iops");
  d.StorageEncrypted = Bool(n, "StorageEncrypted");
  d.KmsKeyId = Text(n, "KmsKeyId");
  d.InstanceCreateTime = Text(n, "InstanceCreateTime");
  d.BackupRetentionPeriod = Int(n, "BackupRetentionPeriod");
  d.PreferredBackupWindow = Text(n, "PreferredBackupWindow");
  d.PreferredMaintenanceWindow = Text(n, "PreferredMaintenanceWindow");
  d.LatestRestorableTime = Text(n, "LatestRestorableTime");
  d.MultiAZ = Bool(n, "MultiAZ");
  d.AvailabilityZone = Text(n, "AvailabilityZone");
  d.SecondaryAvailabilityZone = Text(n, "SecondaryAvailabilityZone");
  d.PubliclyAccessible = Bool(n, "PubliclyAccessible");
  d.DeletionProtection = Bool(n, "DeletionProtection");
  d.DbiResourceId = Text(n, "DbiResourceId");
  d.ReadReplicaSourceDBInstanceIdentifier = Text(n, "ReadReplicaSourceDBInstanceIdentifier");
  d.ReadReplicaDBInstanceIdentifiers = Strings(n, "ReadReplicaDBInstanceIdentifiers");
  if (pugi::xml_node g = n.child("DBSubnetGroup")) d.DBSubnetGroup = DecodeDBSubnetGroup(g);
  d.VpcSecurityGroups =
      List<VpcSecurityGroupMembership>(n, "VpcSecurityGroups", [](pugi::xml_node m) {
        return VpcSecurityGroupMembership{Text(m, "VpcSecurityGroupId"), Text(m, "Status")};
      });
  d.TagList = List<Tag>(n, "TagList", DecodeTag);
  if (pugi::xml_node p = n.child("PendingModifiedValues")) {
    d.PendingModifiedValues = DecodePendingModifiedValues(p);
  }
  d.StatusInfos = List<DBInstanceStatusInfo>(n, "StatusInfos", [](pugi::xml_node s) {
    return DBInstanceStatusInfo{Text(s, "StatusType"), Bool(s, "Normal"), Text(s, "Status"),
                                Text(s, "Message")};
  });
  return d;
}

DBSnapshot DecodeDBSnapshot(pugi::xml_node n) {
  DBSnapshot s;
  s.DBSnapshotIdentifier = Text(n, "DBSnapshotIdentifier");
  s.DBInstanceIdentifier = Text(n, "DBInstanceIdentifier");
  s.DBSnapshotArn = Text(n, "DBSnapshotArn");
  s.SnapshotCreateTime = Text(n, "SnapshotCreateTime");
  s.Engine = Text(n, "Engine");
  s.EngineVersion = Text(n, "EngineVersion");
  s.AllocatedStorage = Int(n, "AllocatedStorage");
  s.Status = Text(n, "Status");
  s.Port = Int(n, "Port");
  s.AvailabilityZone = Text(n, "AvailabilityZone");
  s.VpcId = Text(n, "VpcId");
  s.MasterUsername = Text(n, "MasterUsername");
  s.SnapshotType = Text(n, "SnapshotType");
  s.PercentProgress = Int(n, "PercentProgress");
  s.SourceRegion = Text(n, "SourceRegion");
  s.SourceDBSnapshotIdentifier = Text(n, "SourceDBSnapshotIdentifier");
  s.StorageType = Text(n, "StorageType");
  s.Encrypted = Bool(n, "Encrypted");
  s.KmsKeyId = Text(n, "KmsKeyId");
  s.TagList = List<Tag>(n, "TagList", DecodeTag);
  return s;
}

Event DecodeEvent(pugi::xml_node n) {
  Event e;
  e.SourceIdentifier = Text(n, "SourceIdentifier");
  e.SourceType = Text(n, "SourceType");
  e.Message = Text(n, "Message");
  e.EventCategories = Strings(n, "EventCategories");
  e.Date = Text(n, "Date");
  e.SourceArn = Text(n, "SourceArn");
  return e;
}

}  // namespace

Result<DBInstance> DecodeDBInstanceResult(std::string_view action, std::string_view xml) {
  return DecodeMember<DBInstance>(kService, action, xml, "DBInstance", DecodeDBInstance);
}

Result<DBSnapshot> DecodeDBSnapshotResult(std::string_view action, std::string_view xml) {
  return DecodeMember<DBSnapshot>(kService, action, xml, "DBSnapshot", DecodeDBSnapshot);
}

Result<DBInstanceMessage> DecodeDescribeDBInstances(std::string_view xml) {
  return DecodeResult<DBInstanceMessage>(
      kService, "DescribeDBInstances", xml, [](pugi::xml_node result) {
        DBInstanceMessage out;
        out.Marker = Text(result, "Marker");
        out.DBInstances = List<DBInstance>(result, "DBInstances", DecodeDBInstance);
        return out;
      });
}

Result<DBSnapshotMessage> DecodeDescribeDBSnapshots(std::string_view xml) {
  return DecodeResult<DBSnapshotMessage>(
      kService, "DescribeDBSnapshots", xml, [](pugi::xml_node result) {
        DBSnapshotMessage out;
        out.Marker = Text(result, "Marker");
        out.DBSnapshots = List<DBSnapshot>(result, "DBSnapshots", DecodeDBSnapshot);
        return out;
      });
}

Result<DBInstanceAutomatedBackup> DecodeStartDBInstanceAutomatedBackupsReplication(
    std::string_view xml) {
  return DecodeMember<DBInstanceAutomatedBackup>(
      kService, "StartDBInstanceAutomatedBackupsReplication", xml, "DBInstanceAutomatedBackup",
      [](pugi::xml_node n) {
        DBInstanceAutomatedBackup b;
        b.DBInstanceArn = Text(n, "DBInstanceArn");
        b.DbiResourceId = Text(n, "DbiResourceId");
        b.Region = Text(n, "Region");
        b.DBInstanceIdentifier = Text(n, "DBInstanceIdentifier");
        b.Status = Text(n, "Status");
        b.Engine = Text(n, "Engine");
        b.Encrypted = Bool(n, "Encrypted");
        b.KmsKeyId = Text(n, "KmsKeyId");
        b.BackupRetentionPeriod = Int(n, "BackupRetentionPeriod");
        b.DBInstanceAutomatedBackupsArn = Text(n, "DBInstanceAutomatedBackupsArn");
        return b;
      });
}

Result<EventsMessage> DecodeDescribeEvents(std::string_view xml) {
  return DecodeResult<EventsMessage>(kService, "DescribeEvents", xml, [](pugi::xml_node result) {
    EventsMessage out;
    out.Marker = Text(result, "Marker");
    out.Events = List<Event>(result, "Events", DecodeEvent);
    return out;
  });
}

Result<Empty> DecodeAddTagsToResource(std::string_view xml) {
  return DecodeResult<Empty>(kService, "AddTagsToResource", xml,
                             [](pugi::xml_node) { return Empty{}; });
}

Result<TagListMessage> DecodeListTagsForResource(std::string_view xml) {
  return DecodeResult<TagListMessage>(
      kService, "ListTagsForResource", xml, [](pugi::xml_node result) {
        return TagListMessage{List<Tag>(result, "TagList", DecodeTag)};
      });
}

Result<DBSubnetGroup> DecodeCreateDBSubnetGroup(std::string_view xml) {
  return DecodeMember<DBSubnetGroup>(kService, "CreateDBSubnetGroup", xml, "DBSubnetGroup",
                                     DecodeDBSubnetGroup);
}

Result<Empty> DecodeDeleteDBSubnetGroup(std::string_view xml) {
  return DecodeResult<Empty>(kService, "DeleteDBSubnetGroup", xml,
                             [](pugi::xml_node) { return Empty{}; });
}

Result<DBSubnetGroupMessage> DecodeDescribeDBSubnetGroups(std::string_view xml) {
  return DecodeResult<DBSubnetGroupMessage>(
      kService, "DescribeDBSubnetGroups", xml, [](pugi::xml_node result) {
        DBSubnetGroupMessage out;
        out.Marker = Text(result, "Marker");
        out.DBSubnetGroups = List<DBSubnetGroup>(result, "DBSubnetGroups", DecodeDBSubnetGroup);
        return out;
      });
}

}  // namespace po::aws::rds
