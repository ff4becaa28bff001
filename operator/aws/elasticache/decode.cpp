// Decodes ElastiCache Query-protocol XML response bodies into typed results.
#include "operator/aws/elasticache/decode.h"

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "operator/aws/xml_reader.h"

namespace po::aws::elasticache {
namespace {

constexpr std::string_view kService = "ElastiCache";

using xml_reader::Bool;
using xml_reader::DecodeMember;
using xml_reader::DecodeResult;
using xml_reader::Double;
using xml_reader::Int;
using xml_reader::List;
using xml_reader::Strings;
using xml_reader::Text;

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

}  // namespace

Result<ReplicationGroup> DecodeReplicationGroupResult(std::string_view action,
                                                      std::string_view xml) {
  return DecodeMember<ReplicationGroup>(kService, action, xml, "ReplicationGroup",
                                        DecodeReplicationGroup);
}

Result<Snapshot> DecodeSnapshotResult(std::string_view action, std::string_view xml) {
  return DecodeMember<Snapshot>(kService, action, xml, "Snapshot", DecodeSnapshot);
}

Result<ReplicationGroupMessage> DecodeDescribeReplicationGroups(std::string_view xml) {
  return DecodeResult<ReplicationGroupMessage>(
      kService, "DescribeReplicationGroups", xml, [](pugi::xml_node result) {
        ReplicationGroupMessage out;
        out.Marker = Text(result, "Marker");
        out.ReplicationGroups =
            List<ReplicationGroup>(result, "ReplicationGroups", DecodeReplicationGroup);
        return out;
      });
}

Result<DescribeSnapshotsListMessage> DecodeDescribeSnapshots(std::string_view xml) {
  return DecodeResult<DescribeSnapshotsListMessage>(
      kService, "DescribeSnapshots", xml, [](pugi::xml_node result) {
        DescribeSnapshotsListMessage out;
        out.Marker = Text(result, "Marker");
        out.Snapshots = List<Snapshot>(result, "Snapshots", DecodeSnapshot);
        return out;
      });
}

Result<EventsMessage> DecodeDescribeEvents(std::string_view xml) {
  return DecodeResult<EventsMessage>(kService, "DescribeEvents", xml, [](pugi::xml_node result) {
    EventsMessage out;
    out.Marker = Text(result, "Marker");
    out.Events = List<Event>(result, "Events", [](pugi::xml_node n) {
      return Event{Text(n, "SourceIdentifier"), Text(n, "SourceType"), Text(n, "Message"),
                   Text(n, "Date")};
    });
    return out;
  });
}

Result<CacheSubnetGroup> DecodeCreateCacheSubnetGroup(std::string_view xml) {
  return DecodeMember<CacheSubnetGroup>(
      kService, "CreateCacheSubnetGroup", xml, "CacheSubnetGroup", [](pugi::xml_node n) {
        CacheSubnetGroup g;
        g.CacheSubnetGroupName = Text(n, "CacheSubnetGroupName");
        g.CacheSubnetGroupDescription = Text(n, "CacheSubnetGroupDescription");
        g.VpcId = Text(n, "VpcId");
        g.ARN = Text(n, "ARN");
        return g;
      });
}

Result<Empty> DecodeDeleteCacheSubnetGroup(std::string_view xml) {
  return DecodeResult<Empty>(kService, "DeleteCacheSubnetGroup", xml,
                             [](pugi::xml_node) { return Empty{}; });
}

Result<TagListMessage> DecodeListTagsForResource(std::string_view xml) {
  return DecodeResult<TagListMessage>(
      kService, "ListTagsForResource", xml, [](pugi::xml_node result) {
        return TagListMessage{List<Tag>(result, "TagList", DecodeTag)};
      });
}

Result<TagListMessage> DecodeAddTagsToResource(std::string_view xml) {
  return DecodeResult<TagListMessage>(
      kService, "AddTagsToResource", xml, [](pugi::xml_node result) {
        return TagListMessage{List<Tag>(result, "TagList", DecodeTag)};
      });
}

}  // namespace po::aws::elasticache
