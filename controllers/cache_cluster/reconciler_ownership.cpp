// CacheClusterReconciler: whether a found replication group is ours (or adopted), and its tags.
#include "controllers/cache_cluster/observed.h"
#include "controllers/cache_cluster/reconciler.h"
#include "controllers/cache_cluster/reconciler_support.h"
#include "controllers/cache_cluster/status.h"
#include "controllers/common/ownership.h"
#include "operator/kube/event_correlator.h"
#include "operator/runtime/finalizers.h"

namespace po::controllers::cache_cluster {

namespace ec = aws::elasticache;
using nlohmann::json;
using runtime::ReconcileResult;

Status CacheClusterReconciler::CheckOwnership(Round& round, const ec::ReplicationGroup& group) {
  const std::string arn = group.ARN.value_or("");
  if (!arn.empty() && StatusString(round.object, "arn") == arn) return Status::Ok();
  ec::ListTagsForResourceMessage list;
  list.ResourceName = arn;
  auto tags = deps_.api.ListTagsForResource(round.spec.region, list);
  if (!tags.ok()) {
    return tags.error().ToStatus().WithContext("while reading the tags of " + round.group_id);
  }
  TagMap tag_map;
  for (const ec::Tag& tag : tags->TagList) tag_map[tag.Key] = tag.Value;
  switch (ClassifyOwnership(tag_map, round.object)) {
    case Ownership::kOurs:
      return Status::Ok();
    case Ownership::kOtherOwner:
      return FailedPrecondition("replication group " + round.group_id +
                                " belongs to another CacheCluster");
    case Ownership::kUnowned:
      break;
  }
  if (!AdoptionAllowed(round.object)) {
    return FailedPrecondition("replication group " + round.group_id +
                              " exists and is not managed by this operator; set the annotation " +
                              std::string(kAdoptAnnotation) + "=true to adopt it");
  }
  ec::AddTagsToResourceMessage add;
  add.ResourceName = arn;
  for (const auto& [k, v] : DesiredTags(round.spec.tags, round.object)) add.Tags.push_back({k, v});
  auto added = deps_.api.AddTagsToResource(round.spec.region, add);
  if (!added.ok()) {
    return added.error().ToStatus().WithContext("while tagging " + round.group_id);
  }
  Event(round, kube::EventType::kNormal, "Adopted",
        "adopted existing replication group " + round.group_id);
  return Status::Ok();
}

Status CacheClusterReconciler::ApplyTags(Round& round, const ec::ReplicationGroup& group) {
  const std::int64_t generation = round.object["metadata"].value("generation", std::int64_t{0});
  {
    std::lock_guard lock(mu_);
    auto it = tags_applied_.find(round.key);
    if (it != tags_applied_.end() && it->second == generation) return Status::Ok();
  }
  ec::ListTagsForResourceMessage list;
  list.ResourceName = group.ARN.value_or("");
  auto current = deps_.api.ListTagsForResource(round.spec.region, list);
  if (!current.ok()) {
    return current.error().ToStatus().WithContext("while reading the tags of " + round.group_id);
  }
  TagMap have;
  for (const ec::Tag& tag : current->TagList) have[tag.Key] = tag.Value;
  ec::AddTagsToResourceMessage add;
  add.ResourceName = list.ResourceName;
  for (const auto& [key, value] : DesiredTags(round.spec.tags, round.object)) {
    auto it = have.find(key);
    if (it == have.end() || it->second != value) add.Tags.push_back({key, value});
  }
  if (!add.Tags.empty()) {
    auto added = deps_.api.AddTagsToResource(round.spec.region, add);
    if (!added.ok()) {
      return added.error().ToStatus().WithContext("while tagging " + round.group_id);
    }
    std::string keys;
    for (const ec::Tag& tag : add.Tags) keys += (keys.empty() ? "" : ", ") + tag.Key;
    Event(round, kube::EventType::kNormal, "TagsUpdated", "tags set: " + keys);
  }
  std::lock_guard lock(mu_);
  tags_applied_[round.key] = generation;
  return Status::Ok();
}

}  // namespace po::controllers::cache_cluster
