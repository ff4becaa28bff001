// Decodes ElastiCache Query-protocol XML response bodies into typed results.
#include "operator/aws/elasticache/decode.h"

#include <charconv>
#include <cstdlib>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace po::aws::elasticache {
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

std::optional<double> Double(pugi::xml_node parent, const char* name) {
  std::optional<std::string> text = Text(parent, name);
  if (!text || text->empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size()) return std::nullopt;
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

std::optional<Endpoint> OptionalEndpoint(pugi::xml_node parent, const char* name) {
  pugi::xml_node n = parent.child(name);
  if (!n) return std::nullopt;
  return Endpoint{Text(n, "Address"), Int(n, "Port")};
}

NodeGroup DecodeNodeGroup(pugi::xml_node n) {
  NodeGroup g;
  g.NodeGroupId = Text(n, "NodeGroupId");
  g.Status = Text(n, "Status");
  g.PrimaryEndpoint = OptionalEndpoint(n, "PrimaryEndpoint");
  g.ReaderEndpoint = OptionalEndpoint(n, "ReaderEndpoint");
  g.Slots = Text(n, "Slots");
  g.NodeGroupMembers = List<NodeGroupMember>(n, "NodeGroupMembers", [](pugi::xml_node m) {
    NodeGroupMember member;
    member.CacheClusterId = Text(m, "CacheClusterId");
    member.CacheNodeId = Text(m, "CacheNodeId");
    member.ReadEndpoint = OptionalEndpoint(m, "ReadEndpoint");
    member.PreferredAvailabilityZone = Text(m, "PreferredAvailabilityZone");
    member.CurrentRole = Text(m, "CurrentRole");
    return member;
  });
  return g;
}

ReplicationGroupPendingModifiedValues DecodePendingModifiedValues(pugi::xml_node n) {
  ReplicationGroupPendingModifiedValues p;
  p.PrimaryClusterId = Text(n, "PrimaryClusterId");
  p.AutomaticFailoverStatus = Text(n, "AutomaticFailoverStatus");
  if (pugi::xml_node r = n.child("Resharding")) {
    ReshardingStatus resharding;
    if (pugi::xml_node s = r.child("SlotMigration")) {
      resharding.SlotMigration = SlotMigration{Double(s, "ProgressPercentage")};
    }
    p.Resharding = resharding;
  }
  p.AuthTokenStatus = Text(n, "AuthTokenStatus");
  p.TransitEncryptionEnabled = Bool(n, "TransitEncryptionEnabled");
  p.TransitEncryptionMode = Text(n, "TransitEncryptionMode");
  p.ClusterMode = Text(n, "ClusterMode");
  return p;
}

ReplicationGroup DecodeReplicationGroup(pugi::xml_node n) {
  ReplicationGroup g;
  g.ReplicationGroupId = Text(n, "ReplicationGroupId");
  g.Description = Text(n, "Description");
  g.Status = Text(n, "Status");
  if (pugi::xml_node p = n.child("PendingModifiedValues")) {
    g.PendingModifiedValues = DecodePendingModifiedValues(p);
  }
  g.MemberClusters = Strings(n, "MemberClusters");
  g.NodeGroups = List<NodeGroup>(n, "NodeGroups", DecodeNodeGroup);
  g.SnapshottingClusterId = Text(n, "SnapshottingClusterId");
  g.AutomaticFailover = Text(n, "AutomaticFailover");
  g.MultiAZ = Text(n, "MultiAZ");
  g.ConfigurationEndpoint = OptionalEndpoint(n, "ConfigurationEndpoint");
  g.SnapshotRetentionLimit = Int(n, "SnapshotRetentionLimit");
  g.SnapshotWindow = Text(n, "SnapshotWindow");
  g.ClusterEnabled = Bool(n, "ClusterEnabled");
  g.CacheNodeType = Text(n, "CacheNodeType");
  g.AuthTokenEnabled = Bool(n, "AuthTokenEnabled");
  g.AuthTokenLastModifiedDate = Text(n, "AuthTokenLastModifiedDate");
  g.TransitEncryptionEnabled = Bool(n, "TransitEncryptionEnabled");
  g.AtRestEncryptionEnabled = Bool(n, "AtRestEncryptionEnabled");
  g.KmsKeyId = Text(n, "KmsKeyId");
  g.ARN = Text(n, "ARN");
  g.ReplicationGroupCreateTime = Text(n, "ReplicationGroupCreateTime");
  g.AutoMinorVersionUpgrade = Bool(n, "AutoMinorVersionUpgrade");
  g.TransitEncryptionMode = Text(n, "TransitEncryptionMode");
  g.ClusterMode = Text(n, "ClusterMode");
  g.Engine = Text(n, "Engine");
  return g;
}

Snapshot DecodeSnapshot(pugi::xml_node n) {
  Snapshot s;
  s.SnapshotName = Text(n, "SnapshotName");
  s.ReplicationGroupId = Text(n, "ReplicationGroupId");
  s.ReplicationGroupDescription = Text(n, "ReplicationGroupDescription");
  s.CacheClusterId = Text(n, "CacheClusterId");
  s.SnapshotStatus = Text(n, "SnapshotStatus");
  s.SnapshotSource = Text(n, "SnapshotSource");
  s.CacheNodeType = Text(n, "CacheNodeType");
  s.Engine = Text(n, "Engine");
  s.EngineVersion = Text(n, "EngineVersion");
  s.NumCacheNodes = Int(n, "NumCacheNodes");
  s.Port = Int(n, "Port");
  s.CacheSubnetGroupName = Text(n, "CacheSubnetGroupName");
  s.SnapshotRetentionLimit = Int(n, "SnapshotRetentionLimit");
  s.SnapshotWindow = Text(n, "SnapshotWindow");
  s.NumNodeGroups = Int(n, "NumNodeGroups");
  s.AutomaticFailover = Text(n, "AutomaticFailover");
  s.KmsKeyId = Text(n, "KmsKeyId");
  s.ARN = Text(n, "ARN");
  return s;
}

// Parses `xml` into `doc` and returns its <ActionResult> element (an empty node when the action has
// no result members), or an error when the body is not an <ActionResponse> document.
Result<pugi::xml_node> ResultNode(pugi::xml_document& doc, std::string_view action,
                                  std::string_view xml) {
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  const std::string name(action);
  if (!parsed) {
    return Internal("malformed XML in ElastiCache " + name + " response: " + parsed.description());
  }
  pugi::xml_node response = doc.child((name + "Response").c_str());
  if (!response) {
    return Internal("ElastiCache " + name + " response has no <" + name + "Response> element");
  }
  return response.child((name + "Result").c_str());
}

template <typename T, typename DecodeFn>
Result<T> DecodeMember(std::string_view action, std::string_view xml, const char* element,
                       DecodeFn decode) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, action, xml));
  pugi::xml_node member = result.child(element);
  if (!member) {
    return Internal("ElastiCache " + std::string(action) + " response has no <" + element +
                    "> element");
  }
  return decode(member);
}

}  // namespace

Result<ReplicationGroup> DecodeReplicationGroupResult(std::string_view action,
                                                      std::string_view xml) {
  return DecodeMember<ReplicationGroup>(action, xml, "ReplicationGroup", DecodeReplicationGroup);
}

Result<Snapshot> DecodeSnapshotResult(std::string_view action, std::string_view xml) {
  return DecodeMember<Snapshot>(action, xml, "Snapshot", DecodeSnapshot);
}

Result<ReplicationGroupMessage> DecodeDescribeReplicationGroups(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeReplicationGroups", xml));
  ReplicationGroupMessage out;
  out.Marker = Text(result, "Marker");
  out.ReplicationGroups =
      List<ReplicationGroup>(result, "ReplicationGroups", DecodeReplicationGroup);
  return out;
}

Result<DescribeSnapshotsListMessage> DecodeDescribeSnapshots(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeSnapshots", xml));
  DescribeSnapshotsListMessage out;
  out.Marker = Text(result, "Marker");
  out.Snapshots = List<Snapshot>(result, "Snapshots", DecodeSnapshot);
  return out;
}

Result<EventsMessage> DecodeDescribeEvents(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "DescribeEvents", xml));
  EventsMessage out;
  out.Marker = Text(result, "Marker");
  out.Events = List<Event>(result, "Events", [](pugi::xml_node n) {
    return Event{Text(n, "SourceIdentifier"), Text(n, "SourceType"), Text(n, "Message"),
                 Text(n, "Date")};
  });
  return out;
}

Result<TagListMessage> DecodeAddTagsToResource(std::string_view xml) {
  pugi::xml_document doc;
  PO_ASSIGN_OR_RETURN(pugi::xml_node result, ResultNode(doc, "AddTagsToResource", xml));
  return TagListMessage{List<Tag>(result, "TagList", DecodeTag)};
}

}  // namespace po::aws::elasticache
