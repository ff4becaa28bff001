// Decodes RDS Query-protocol XML response bodies into typed results.
#include "operator/aws/rds/decode.h"

#include <charconv>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace po::aws::rds {
namespace {

std::optional<std::string> Text(pugi::xml_node parent, const char* name) {
  pugi::xml_node child = parent.child(name);
  if (!child) return std::nullopt;
  return std::string(child.text().get());
}

std::optional<int> Int(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::optional<bool> Bool(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  return std::nullopt;
}

// The element children of <name>, whatever each member element is called.
template <typename T, typename DecodeFn>
std::vector<T> List(pugi::xml_node parent, const char* name, DecodeFn decode) {
  std::vector<T> out;
  for (pugi::xml_node member : parent.child(name).children()) {
    if (member.type() == pugi::node_element) out.push_back(decode(member));
  }
  return out;
}

std::vector<std::string> Strings(pugi::xml_node parent, const char* name) {
  return List<std::string>(parent, name,
                           [](pugi::xml_node n) { return std::string(n.text().get()); });
}

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

// Parses `xml` into `doc` and returns its <ActionResult> element (an empty node when the action has
// no result members), or an error when the body is not an <ActionResponse> document.
Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view action,
                                  std::string_view xml) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  const std::string name(action);
  if (!parsed) {
    return Internal("malformed XML in RDS " + name + " response: " + parsed.description());
  }
  pugi::xml_node response = doc.child((name + "Response").c_str());
  if (!response) {
    return Internal("RDS " + name + " response has no <" + name + "Response> element");
  }
  return response.child((name + "Result").c_str());
}

// Decodes the single member `element` of the action's result with `decode`.
template <typename T, typename DecodeFn>
Result<T> DecodeMember(std::string_view action, std::string_view xml, const char* element,
                       DecodeFn decode) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, action, xml));
  pugi::xml_node member = result.child(element);
  if (!member) {
    return Internal("RDS " + std::string(action) + " response has no <" + element + "> element");
  }
  return decode(member);
}

}  // namespace

Result<DBInstance> DecodeDBInstanceResult(std::string_view action, std::string_view xml) {
  return DecodeMember<DBInstance>(action, xml, "DBInstance", DecodeDBInstance);
}

Result<DBSnapshot> DecodeDBSnapshotResult(std::string_view action, std::string_view xml) {
  return DecodeMember<DBSnapshot>(action, xml, "DBSnapshot", DecodeDBSnapshot);
}

Result<DBInstanceMessage> DecodeDescribeDBInstances(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeDBInstances", xml));
  DBInstanceMessage out;
  out.Marker = Text(result, "Marker");
  out.DBInstances = List<DBInstance>(result, "DBInstances", DecodeDBInstance);
  return out;
}

Result<DBSnapshotMessage> DecodeDescribeDBSnapshots(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeDBSnapshots", xml));
  DBSnapshotMessage out;
  out.Marker = Text(result, "Marker");
  out.DBSnapshots = List<DBSnapshot>(result, "DBSnapshots", DecodeDBSnapshot);
  return out;
}

Result<DBInstanceAutomatedBackup> DecodeStartDBInstanceAutomatedBackupsReplication(
    std::string_view xml) {
  return DecodeMember<DBInstanceAutomatedBackup>(
      "StartDBInstanceAutomatedBackupsReplication", xml, "DBInstanceAutomatedBackup",
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
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeEvents", xml));
  EventsMessage out;
  out.Marker = Text(result, "Marker");
  out.Events = List<Event>(result, "Events", DecodeEvent);
  return out;
}

Result<Empty> DecodeAddTagsToResource(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "AddTagsToResource", xml));
  (void)result;
  return Empty{};
}

Result<TagListMessage> DecodeListTagsForResource(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "ListTagsForResource", xml));
  return TagListMessage{List<Tag>(result, "TagList", DecodeTag)};
}

Result<DBSubnetGroup> DecodeCreateDBSubnetGroup(std::string_view xml) {
  return DecodeMember<DBSubnetGroup>("CreateDBSubnetGroup", xml, "DBSubnetGroup",
                                     DecodeDBSubnetGroup);
}

Result<DBSubnetGroupMessage> DecodeDescribeDBSubnetGroups(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeDBSubnetGroups", xml));
  DBSubnetGroupMessage out;
  out.Marker = Text(result, "Marker");
  out.DBSubnetGroups = List<DBSubnetGroup>(result, "DBSubnetGroups", DecodeDBSubnetGroup);
  return out;
}

}  // namespace po::aws::rds
