// FakeElastiCache: an in-memory ElastiCacheApi for the CacheCluster controller's unit tests. It
// keeps replication groups whose status a test sets freely (creating, modifying, snapshotting,
// create-failed — states moto does not show), applies the operations the controller uses, records
// every call by action name, and fails the next call of an action when told to. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "operator/aws/elasticache/api.h"

namespace po::controllers::cache_cluster::testing {

namespace ec = aws::elasticache;

class FakeElastiCache final : public ec::ElastiCacheApi {
 public:
  struct Call {
    std::string action;
    std::string region;
    std::string group_id;
    std::string detail;  // e.g. "ROTATE", "NodeGroupCount=5", "FinalSnapshotIdentifier=x"
  };

  // Puts a group with `shards` shards of 1 + `replicas` members, status `status`, tagged `tags`.
  void AddGroup(const std::string& region, const std::string& id, int shards, int replicas,
                const std::string& status, std::vector<ec::Tag> tags);
  void SetStatus(const std::string& region, const std::string& id, const std::string& status);
  void SetAtRest(const std::string& region, const std::string& id, bool encrypted);
  // The group finished deleting.
  void RemoveGroup(const std::string& region, const std::string& id);
  // Cache subnet groups by "region/name" → subnet IDs.
  std::map<std::string, std::vector<std::string>> SubnetGroups() const;
  std::optional<ec::ReplicationGroup> Group(const std::string& region, const std::string& id);
  std::vector<ec::Tag> Tags(const std::string& region, const std::string& id);
  std::optional<ec::CreateReplicationGroupMessage> LastCreate() const;
  std::vector<std::string> Snapshots() const;

  // The next call of `action` fails with `code` (queued; one per call).
  void FailNext(const std::string& action, const std::string& code);
  std::vector<Call> Calls() const;
  std::vector<Call> CallsOf(const std::string& action) const;
  // Actions other than the Describe/ListTags reads, in order.
  std::vector<std::string> Changes() const;
  // The group's current AUTH tokens (ROTATE keeps the previous one).
  std::vector<std::string> AuthTokens(const std::string& region, const std::string& id) const;

  aws::Outcome<ec::ReplicationGroup> CreateReplicationGroup(
      const std::string& region, const ec::CreateReplicationGroupMessage& request) override;
  aws::Outcome<ec::ReplicationGroupMessage> DescribeReplicationGroups(
      const std::string& region, const ec::DescribeReplicationGroupsMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> ModifyReplicationGroup(
      const std::string& region, const ec::ModifyReplicationGroupMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> ModifyReplicationGroupShardConfiguration(
      const std::string& region,
      const ec::ModifyReplicationGroupShardConfigurationMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> IncreaseReplicaCount(
      const std::string& region, const ec::IncreaseReplicaCountMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> DecreaseReplicaCount(
      const std::string& region, const ec::DecreaseReplicaCountMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> DeleteReplicationGroup(
      const std::string& region, const ec::DeleteReplicationGroupMessage& request) override;
  aws::Outcome<ec::ReplicationGroup> TestFailover(const std::string& region,
                                                  const ec::TestFailoverMessage& request) override;
  aws::Outcome<ec::Snapshot> CreateSnapshot(const std::string& region,
                                            const ec::CreateSnapshotMessage& request) override;
  aws::Outcome<ec::DescribeSnapshotsListMessage> DescribeSnapshots(
      const std::string& region, const ec::DescribeSnapshotsMessage& request) override;
  aws::Outcome<ec::Snapshot> DeleteSnapshot(const std::string& region,
                                            const ec::DeleteSnapshotMessage& request) override;
  aws::Outcome<ec::Snapshot> CopySnapshot(const std::string& region,
                                          const ec::CopySnapshotMessage& request) override;
  aws::Outcome<ec::EventsMessage> DescribeEvents(const std::string& region,
                                                 const ec::DescribeEventsMessage& request) override;
  aws::Outcome<ec::CacheSubnetGroup> CreateCacheSubnetGroup(
      const std::string& region, const ec::CreateCacheSubnetGroupMessage& request) override;
  aws::Outcome<aws::Empty> DeleteCacheSubnetGroup(
      const std::string& region, const ec::DeleteCacheSubnetGroupMessage& request) override;
  aws::Outcome<ec::TagListMessage> ListTagsForResource(
      const std::string& region, const ec::ListTagsForResourceMessage& request) override;
  aws::Outcome<ec::TagListMessage> AddTagsToResource(
      const std::string& region, const ec::AddTagsToResourceMessage& request) override;

 private:
  struct Stored {
    ec::ReplicationGroup group;
    std::vector<ec::Tag> tags;
    std::vector<std::string> tokens;
    std::string subnet_group;
  };

  std::optional<aws::AwsError> Begin(const std::string& action, const std::string& region,
                                     const std::string& id, const std::string& detail);
  Stored* Find(const std::string& region, const std::string& id);
  static void Resize(ec::ReplicationGroup& group, int shards, int replicas);
  static aws::AwsError NotFound(const std::string& id);

  mutable std::mutex mu_;
  std::map<std::string, Stored> groups_;  // by "region/id"
  std::map<std::string, std::vector<std::string>> failures_;
  std::vector<Call> calls_;
  std::optional<ec::CreateReplicationGroupMessage> last_create_;
  std::vector<std::string> snapshots_;
  std::map<std::string, std::vector<std::string>> subnet_groups_;
};

}  // namespace po::controllers::cache_cluster::testing
