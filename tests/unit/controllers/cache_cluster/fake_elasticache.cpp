// FakeElastiCache: in-memory replication groups for the CacheCluster controller's unit tests.
#include "fake_elasticache.h"

#include <algorithm>
#include <cstdio>

namespace po::controllers::cache_cluster::testing {
namespace {

std::string Key(const std::string& region, const std::string& id) {
  return region + "/" + id;
}

std::string MemberId(const std::string& group, int shard, int member) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "-%04d-%03d", shard, member);
  return group + buf;
}

aws::AwsError Error(const std::string& code, const std::string& message = "") {
  aws::AwsError e;
  e.code = code;
  e.message = message.empty() ? code : message;
  e.http_status = 400;
  return e;
}

}  // namespace

aws::AwsError FakeElastiCache::NotFound(const std::string& id) {
  aws::AwsError e =
      Error("ReplicationGroupNotFoundFault", "Replication group " + id + " not found");
  e.http_status = 404;
  return e;
}

void FakeElastiCache::Resize(ec::ReplicationGroup& g, int shards, int replicas) {
  const std::string id = g.ReplicationGroupId.value_or("");
  g.NodeGroups.clear();
  g.MemberClusters.clear();
  for (int s = 1; s <= shards; ++s) {
    ec::NodeGroup ng;
    char ng_id[16];
    std::snprintf(ng_id, sizeof(ng_id), "%04d", s);
    ng.NodeGroupId = ng_id;
    ng.Status = "available";
    for (int m = 1; m <= 1 + replicas; ++m) {
      ec::NodeGroupMember member;
      member.CacheClusterId = MemberId(id, s, m);
      ng.NodeGroupMembers.push_back(member);
      g.MemberClusters.push_back(*member.CacheClusterId);
    }
    g.NodeGroups.push_back(ng);
  }
}

void FakeElastiCache::AddGroup(const std::string& region, const std::string& id, int shards,
                               int replicas, const std::string& status, std::vector<ec::Tag> tags) {
  std::lock_guard lock(mu_);
  Stored stored;
  ec::ReplicationGroup& g = stored.group;
  g.ReplicationGroupId = id;
  g.Status = status;
  g.ARN = "arn:aws:elasticache:" + region + ":123456789012:replicationgroup:" + id;
  g.ClusterEnabled = true;
  g.ClusterMode = "enabled";
  g.CacheNodeType = "cache.r5.large";
  g.AutomaticFailover = "enabled";
  g.MultiAZ = "enabled";
  g.AtRestEncryptionEnabled = true;
  g.TransitEncryptionEnabled = true;
  g.SnapshotRetentionLimit = 7;
  g.SnapshotWindow = "05:00-06:00";
  g.ConfigurationEndpoint = ec::Endpoint{"clustercfg." + id + ".cache.example", 6379};
  Resize(g, shards, replicas);
  stored.tags = std::move(tags);
  groups_[Key(region, id)] = std::move(stored);
}

void FakeElastiCache::SetStatus(const std::string& region, const std::string& id,
                                const std::string& status) {
  std::lock_guard lock(mu_);
  if (Stored* s = Find(region, id)) s->group.Status = status;
}

void FakeElastiCache::SetAtRest(const std::string& region, const std::string& id, bool encrypted) {
  std::lock_guard lock(mu_);
  if (Stored* s = Find(region, id)) s->group.AtRestEncryptionEnabled = encrypted;
}

void FakeElastiCache::RemoveGroup(const std::string& region, const std::string& id) {
  std::lock_guard lock(mu_);
  groups_.erase(Key(region, id));
}

std::map<std::string, std::vector<std::string>> FakeElastiCache::SubnetGroups() const {
  std::lock_guard lock(mu_);
  return subnet_groups_;
}

aws::Outcome<ec::CacheSubnetGroup> FakeElastiCache::CreateCacheSubnetGroup(
    const std::string& region, const ec::CreateCacheSubnetGroupMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("CreateCacheSubnetGroup", region, "", r.CacheSubnetGroupName)) return *e;
  const std::string key = Key(region, r.CacheSubnetGroupName);
  if (subnet_groups_.count(key)) return Error("CacheSubnetGroupAlreadyExists");
  subnet_groups_[key] = r.SubnetIds;
  ec::CacheSubnetGroup group;
  group.CacheSubnetGroupName = r.CacheSubnetGroupName;
  return group;
}

aws::Outcome<aws::Empty> FakeElastiCache::DeleteCacheSubnetGroup(
    const std::string& region, const ec::DeleteCacheSubnetGroupMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DeleteCacheSubnetGroup", region, "", r.CacheSubnetGroupName)) return *e;
  const std::string key = Key(region, r.CacheSubnetGroupName);
  if (!subnet_groups_.count(key)) return Error("CacheSubnetGroupNotFoundFault");
  for (const auto& [k, stored] : groups_) {
    if (k.rfind(region + "/", 0) == 0 && stored.subnet_group == r.CacheSubnetGroupName) {
      return Error("CacheSubnetGroupInUse");
    }
  }
  subnet_groups_.erase(key);
  return aws::Empty{};
}

std::optional<ec::ReplicationGroup> FakeElastiCache::Group(const std::string& region,
                                                           const std::string& id) {
  std::lock_guard lock(mu_);
  Stored* s = Find(region, id);
  if (!s) return std::nullopt;
  return s->group;
}

std::vector<ec::Tag> FakeElastiCache::Tags(const std::string& region, const std::string& id) {
  std::lock_guard lock(mu_);
  Stored* s = Find(region, id);
  return s ? s->tags : std::vector<ec::Tag>{};
}

std::optional<ec::CreateReplicationGroupMessage> FakeElastiCache::LastCreate() const {
  std::lock_guard lock(mu_);
  return last_create_;
}

std::vector<std::string> FakeElastiCache::Snapshots() const {
  std::lock_guard lock(mu_);
  return snapshots_;
}

std::vector<std::string> FakeElastiCache::AuthTokens(const std::string& region,
                                                     const std::string& id) const {
  std::lock_guard lock(mu_);
  auto it = groups_.find(Key(region, id));
  return it == groups_.end() ? std::vector<std::string>{} : it->second.tokens;
}

void FakeElastiCache::FailNext(const std::string& action, const std::string& code) {
  std::lock_guard lock(mu_);
  failures_[action].push_back(code);
}

std::vector<FakeElastiCache::Call> FakeElastiCache::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

std::vector<FakeElastiCache::Call> FakeElastiCache::CallsOf(const std::string& action) const {
  std::vector<Call> out;
  for (const Call& c : Calls()) {
    if (c.action == action) out.push_back(c);
  }
  return out;
}

std::vector<std::string> FakeElastiCache::Changes() const {
  std::vector<std::string> out;
  for (const Call& c : Calls()) {
    if (c.action != "DescribeReplicationGroups" && c.action != "ListTagsForResource") {
      out.push_back(c.action + (c.detail.empty() ? "" : " " + c.detail));
    }
  }
  return out;
}

FakeElastiCache::Stored* FakeElastiCache::Find(const std::string& region, const std::string& id) {
  auto it = groups_.find(Key(region, id));
  return it == groups_.end() ? nullptr : &it->second;
}

std::optional<aws::AwsError> FakeElastiCache::Begin(const std::string& action,
                                                    const std::string& region,
                                                    const std::string& id,
                                                    const std::string& detail) {
  calls_.push_back({action, region, id, detail});
  auto it = failures_.find(action);
  if (it == failures_.end() || it->second.empty()) return std::nullopt;
  const std::string code = it->second.front();
  it->second.erase(it->second.begin());
  return Error(code);
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::CreateReplicationGroup(
    const std::string& region, const ec::CreateReplicationGroupMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("CreateReplicationGroup", region, r.ReplicationGroupId, "")) return *e;
  last_create_ = r;
  if (Find(region, r.ReplicationGroupId)) return Error("ReplicationGroupAlreadyExistsFault");
  Stored stored;
  ec::ReplicationGroup& g = stored.group;
  g.ReplicationGroupId = r.ReplicationGroupId;
  g.Status = "creating";
  g.ARN =
      "arn:aws:elasticache:" + region + ":123456789012:replicationgroup:" + r.ReplicationGroupId;
  const bool cluster = r.ClusterMode.value_or("") == "enabled";
  g.ClusterEnabled = cluster;
  g.ClusterMode = r.ClusterMode;
  g.CacheNodeType = r.CacheNodeType;
  g.AutomaticFailover = r.AutomaticFailoverEnabled.value_or(false) ? "enabled" : "disabled";
  g.MultiAZ = r.MultiAZEnabled.value_or(false) ? "enabled" : "disabled";
  g.AtRestEncryptionEnabled = r.AtRestEncryptionEnabled;
  g.TransitEncryptionEnabled = r.TransitEncryptionEnabled;
  g.AuthTokenEnabled = r.AuthToken.has_value();
  if (r.AuthToken) stored.tokens = {*r.AuthToken};
  g.SnapshotRetentionLimit = r.SnapshotRetentionLimit.value_or(0);
  g.SnapshotWindow = r.SnapshotWindow.value_or("5:00-6:00");
  if (cluster) {
    g.ConfigurationEndpoint =
        ec::Endpoint{"clustercfg." + r.ReplicationGroupId + ".cache.example", 6379};
    Resize(g, r.NumNodeGroups.value_or(1), r.ReplicasPerNodeGroup.value_or(0));
  } else {
    Resize(g, 1, r.NumCacheClusters.value_or(1) - 1);
    g.NodeGroups[0].PrimaryEndpoint =
        ec::Endpoint{"master." + r.ReplicationGroupId + ".cache.example", 6379};
  }
  stored.tags = r.Tags;
  stored.subnet_group = r.CacheSubnetGroupName.value_or("");
  groups_[Key(region, r.ReplicationGroupId)] = stored;
  return g;
}

aws::Outcome<ec::ReplicationGroupMessage> FakeElastiCache::DescribeReplicationGroups(
    const std::string& region, const ec::DescribeReplicationGroupsMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DescribeReplicationGroups", region, r.ReplicationGroupId.value_or(""), ""))
    return *e;
  ec::ReplicationGroupMessage page;
  // One group per page, to walk the Marker.
  bool past_marker = !r.Marker.has_value();
  for (const auto& [key, stored] : groups_) {
    if (key.rfind(region + "/", 0) != 0) continue;
    if (!past_marker) {
      if (key == *r.Marker) past_marker = true;
      continue;
    }
    if (!page.ReplicationGroups.empty()) {
      page.Marker = Key(region, page.ReplicationGroups.back().ReplicationGroupId.value_or(""));
      break;
    }
    page.ReplicationGroups.push_back(stored.group);
  }
  return page;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::ModifyReplicationGroup(
    const std::string& region, const ec::ModifyReplicationGroupMessage& r) {
  std::lock_guard lock(mu_);
  std::string detail;
  if (r.AuthTokenUpdateStrategy) detail = "AuthToken " + *r.AuthTokenUpdateStrategy;
  if (r.CacheNodeType) detail += "CacheNodeType=" + *r.CacheNodeType;
  if (r.EngineVersion) detail += "EngineVersion=" + *r.EngineVersion;
  if (r.SnapshotRetentionLimit) {
    detail += "SnapshotRetentionLimit=" + std::to_string(*r.SnapshotRetentionLimit);
  }
  if (auto e = Begin("ModifyReplicationGroup", region, r.ReplicationGroupId, detail)) return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  ec::ReplicationGroup& g = s->group;
  if (g.Status != "available") return Error("InvalidReplicationGroupStateFault");
  if (r.CacheNodeType) g.CacheNodeType = r.CacheNodeType;
  if (r.AutomaticFailoverEnabled)
    g.AutomaticFailover = *r.AutomaticFailoverEnabled ? "enabled" : "disabled";
  if (r.MultiAZEnabled) g.MultiAZ = *r.MultiAZEnabled ? "enabled" : "disabled";
  if (r.SnapshotRetentionLimit) g.SnapshotRetentionLimit = r.SnapshotRetentionLimit;
  if (r.SnapshotWindow) g.SnapshotWindow = r.SnapshotWindow;
  if (r.TransitEncryptionEnabled) g.TransitEncryptionEnabled = r.TransitEncryptionEnabled;
  if (r.TransitEncryptionMode) g.TransitEncryptionMode = r.TransitEncryptionMode;
  if (r.AuthToken) {
    const std::string strategy = r.AuthTokenUpdateStrategy.value_or("SET");
    if (strategy == "ROTATE" && !s->tokens.empty()) {
      s->tokens = {s->tokens.back(), *r.AuthToken};
    } else {
      s->tokens = {*r.AuthToken};
    }
    g.AuthTokenEnabled = true;
  }
  return g;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::ModifyReplicationGroupShardConfiguration(
    const std::string& region, const ec::ModifyReplicationGroupShardConfigurationMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("ModifyReplicationGroupShardConfiguration", region, r.ReplicationGroupId,
                     "NodeGroupCount=" + std::to_string(r.NodeGroupCount)))
    return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  ec::ReplicationGroup& g = s->group;
  const int replicas = static_cast<int>(g.NodeGroups.front().NodeGroupMembers.size()) - 1;
  Resize(g, r.NodeGroupCount, replicas);
  return g;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::IncreaseReplicaCount(
    const std::string& region, const ec::IncreaseReplicaCountMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("IncreaseReplicaCount", region, r.ReplicationGroupId,
                     "NewReplicaCount=" + std::to_string(r.NewReplicaCount.value_or(-1))))
    return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  Resize(s->group, static_cast<int>(s->group.NodeGroups.size()), r.NewReplicaCount.value_or(0));
  return s->group;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::DecreaseReplicaCount(
    const std::string& region, const ec::DecreaseReplicaCountMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DecreaseReplicaCount", region, r.ReplicationGroupId,
                     "NewReplicaCount=" + std::to_string(r.NewReplicaCount.value_or(-1))))
    return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  Resize(s->group, static_cast<int>(s->group.NodeGroups.size()), r.NewReplicaCount.value_or(0));
  return s->group;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::DeleteReplicationGroup(
    const std::string& region, const ec::DeleteReplicationGroupMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin(
          "DeleteReplicationGroup", region, r.ReplicationGroupId,
          r.FinalSnapshotIdentifier ? "FinalSnapshotIdentifier=" + *r.FinalSnapshotIdentifier : ""))
    return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  if (s->group.Status != "available" && s->group.Status != "create-failed") {
    return Error("InvalidReplicationGroupStateFault");
  }
  if (r.FinalSnapshotIdentifier) snapshots_.push_back(*r.FinalSnapshotIdentifier);
  s->group.Status = "deleting";
  return s->group;
}

aws::Outcome<ec::ReplicationGroup> FakeElastiCache::TestFailover(const std::string& region,
                                                                 const ec::TestFailoverMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("TestFailover", region, r.ReplicationGroupId, r.NodeGroupId)) return *e;
  Stored* s = Find(region, r.ReplicationGroupId);
  if (!s) return NotFound(r.ReplicationGroupId);
  return s->group;
}

aws::Outcome<ec::Snapshot> FakeElastiCache::CreateSnapshot(const std::string& region,
                                                           const ec::CreateSnapshotMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("CreateSnapshot", region, r.ReplicationGroupId.value_or(""), r.SnapshotName))
    return *e;
  snapshots_.push_back(r.SnapshotName);
  ec::Snapshot snapshot;
  snapshot.SnapshotName = r.SnapshotName;
  return snapshot;
}

aws::Outcome<ec::DescribeSnapshotsListMessage> FakeElastiCache::DescribeSnapshots(
    const std::string& region, const ec::DescribeSnapshotsMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DescribeSnapshots", region, r.ReplicationGroupId.value_or(""), "")) return *e;
  ec::DescribeSnapshotsListMessage out;
  for (const std::string& name : snapshots_) {
    ec::Snapshot snapshot;
    snapshot.SnapshotName = name;
    out.Snapshots.push_back(snapshot);
  }
  return out;
}

aws::Outcome<ec::Snapshot> FakeElastiCache::DeleteSnapshot(const std::string& region,
                                                           const ec::DeleteSnapshotMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DeleteSnapshot", region, "", r.SnapshotName)) return *e;
  snapshots_.erase(std::remove(snapshots_.begin(), snapshots_.end(), r.SnapshotName),
                   snapshots_.end());
  ec::Snapshot snapshot;
  snapshot.SnapshotName = r.SnapshotName;
  return snapshot;
}

aws::Outcome<ec::Snapshot> FakeElastiCache::CopySnapshot(const std::string& region,
                                                         const ec::CopySnapshotMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("CopySnapshot", region, "", r.TargetSnapshotName)) return *e;
  snapshots_.push_back(r.TargetSnapshotName);
  ec::Snapshot snapshot;
  snapshot.SnapshotName = r.TargetSnapshotName;
  return snapshot;
}

aws::Outcome<ec::EventsMessage> FakeElastiCache::DescribeEvents(
    const std::string& region, const ec::DescribeEventsMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("DescribeEvents", region, r.SourceIdentifier.value_or(""), "")) return *e;
  return ec::EventsMessage{};
}

aws::Outcome<ec::TagListMessage> FakeElastiCache::ListTagsForResource(
    const std::string& region, const ec::ListTagsForResourceMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("ListTagsForResource", region, "", r.ResourceName)) return *e;
  for (const auto& [key, stored] : groups_) {
    if (stored.group.ARN == r.ResourceName) return ec::TagListMessage{stored.tags};
  }
  return Error("InvalidARNFault");
}

aws::Outcome<ec::TagListMessage> FakeElastiCache::AddTagsToResource(
    const std::string& region, const ec::AddTagsToResourceMessage& r) {
  std::lock_guard lock(mu_);
  if (auto e = Begin("AddTagsToResource", region, "", r.ResourceName)) return *e;
  for (auto& [key, stored] : groups_) {
    if (stored.group.ARN != r.ResourceName) continue;
    for (const ec::Tag& tag : r.Tags) {
      auto it = std::find_if(stored.tags.begin(), stored.tags.end(),
                             [&](const ec::Tag& t) { return t.Key == tag.Key; });
      if (it != stored.tags.end()) {
        it->Value = tag.Value;
      } else {
        stored.tags.push_back(tag);
      }
    }
    return ec::TagListMessage{stored.tags};
  }
  return Error("InvalidARNFault");
}

}  // namespace po::controllers::cache_cluster::testing
