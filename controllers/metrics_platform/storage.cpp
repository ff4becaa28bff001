// Desired S3 bucket configuration and the calls that apply and delete it.
#include "controllers/metrics_platform/storage.h"

#include "controllers/common/ownership.h"
#include "operator/kube/resource.h"

namespace po::controllers::metrics_platform {

namespace s3 = aws::s3;

s3::BucketLifecycleConfiguration DesiredLifecycle(const LifecycleDays& days) {
  s3::LifecycleRule rule;
  rule.ID = kLifecycleRuleId;
  rule.Status = "Enabled";
  rule.Filter = s3::LifecycleRuleFilter{.Prefix = ""};
  if (days.infrequent_access > 0) {
    rule.Transitions.push_back({.Days = days.infrequent_access, .StorageClass = "STANDARD_IA"});
  }
  if (days.glacier > 0) {
    rule.Transitions.push_back({.Days = days.glacier, .StorageClass = "GLACIER"});
  }
  if (days.expire > 0) rule.Expiration = s3::LifecycleExpiration{.Days = days.expire};
  rule.NoncurrentVersionExpiration =
      s3::NoncurrentVersionExpiration{.NoncurrentDays = kNoncurrentVersionDays};
  return {.Rules = {rule}};
}

s3::ServerSideEncryptionConfiguration DesiredEncryption() {
  s3::ServerSideEncryptionRule rule;
  rule.ApplyServerSideEncryptionByDefault = s3::ServerSideEncryptionByDefault{
      .SSEAlgorithm = "aws:kms", .KMSMasterKeyID = std::nullopt};  // the aws/s3 key
  rule.BucketKeyEnabled = true;
  return {.Rules = {rule}};
}

s3::PublicAccessBlockConfiguration DesiredPublicAccessBlock() {
  return {.BlockPublicAcls = true,
          .IgnorePublicAcls = true,
          .BlockPublicPolicy = true,
          .RestrictPublicBuckets = true};
}

s3::ReplicationConfiguration DesiredReplication(const std::string& destination_bucket,
                                                const std::string& role_arn) {
  s3::ReplicationRule rule;
  rule.ID = kReplicationRuleId;
  rule.Priority = 1;
  rule.Filter = s3::ReplicationRuleFilter{.Prefix = ""};
  rule.Status = "Enabled";
  rule.DeleteMarkerReplication = s3::DeleteMarkerReplication{.Status = "Disabled"};
  rule.Destination = {.Bucket = "arn:aws:s3:::" + destination_bucket,
                      .StorageClass = "STANDARD_IA"};
  return {.Role = role_arn, .Rules = {rule}};
}

std::string ReplicationRoleArn(const std::string& account_id) {
  return "arn:aws:iam::" + account_id + ":role/platform-operator-s3-replication";
}

std::vector<s3::Tag> BucketTags(const nlohmann::json& platform) {
  std::vector<s3::Tag> tags;
  for (const auto& [key, value] : DesiredTags(nlohmann::json(), platform)) {
    tags.push_back({key, value});
  }
  return tags;
}

namespace {

std::string Fingerprint(const std::string& bucket, const std::vector<s3::Tag>& tags,
                        const LifecycleDays* lifecycle, const std::string& replication) {
  nlohmann::json out = {{"bucket", bucket}, {"replication", replication}};
  for (const auto& tag : tags) out["tags"][tag.Key] = tag.Value;
  if (lifecycle) {
    out["lifecycle"] = {lifecycle->infrequent_access, lifecycle->glacier, lifecycle->expire};
  }
  return out.dump();
}

}  // namespace

std::string BucketReconciler::CheckOwnership(const std::string& region, const std::string& bucket,
                                             const nlohmann::json& platform,
                                             StorageResult& result) {
  auto tagging = s3_.GetBucketTagging(region, {.Bucket = bucket});
  TagMap tags;
  if (tagging.ok()) {
    for (const auto& tag : tagging->TagSet) tags[tag.Key] = tag.Value;
  } else if (tagging.error().code != "NoSuchTagSet") {
    result.reason = "S3Error";
    return "reading the tags of " + bucket + ": " + tagging.error().ToString();
  }
  switch (ClassifyOwnership(tags, platform)) {
    case Ownership::kOurs:
      return "";
    case Ownership::kOtherOwner:
      result.reason = "BucketOwnedElsewhere";
      return "bucket " + bucket + " belongs to another custom resource (" +
             tags[std::string(kTagNamespace)] + "/" + tags[std::string(kTagName)] + ")";
    case Ownership::kUnowned:
      if (AdoptionAllowed(platform)) return "";
      result.reason = "BucketNotOwned";
      return "bucket " + bucket + " exists without this operator's tags; annotate the platform " +
             std::string(kAdoptAnnotation) + "=true to adopt it";
  }
  return "";
}

std::string BucketReconciler::EnsureBucket(const nlohmann::json& platform, const std::string& key,
                                           const std::string& region, const std::string& bucket,
                                           const std::vector<s3::Tag>& tags,
                                           const LifecycleDays* lifecycle, StorageResult& result) {
  auto head = s3_.HeadBucket(region, {.Bucket = bucket});
  bool created = false;
  if (!head.ok()) {
    if (head.error().http_status != 404) {
      result.reason = "S3Error";
      return "looking up bucket " + bucket + ": " + head.error().ToString();
    }
    auto create = s3_.CreateBucket(region, {.Bucket = bucket, .CreateBucketConfiguration = {}});
    if (!create.ok() && create.error().code == "BucketAlreadyExists") {
      result.reason = "BucketNameTaken";
      return "bucket name " + bucket + " is taken by another AWS account";
    }
    if (!create.ok() && create.error().code != "BucketAlreadyOwnedByYou") {
      result.reason = "S3Error";
      return "creating bucket " + bucket + ": " + create.error().ToString();
    }
    created = true;
  }
  const std::string fingerprint = Fingerprint(bucket, tags, lifecycle, "");
  {
    std::lock_guard lock(mu_);
    if (!created && applied_[key + ":" + bucket] == fingerprint) return "";
  }
  if (created) {
    // Tagged first, so a bucket this platform created always carries its ownership marks.
    auto tagging = s3_.PutBucketTagging(region, {.Bucket = bucket, .Tagging = {.TagSet = tags}});
    if (!tagging.ok()) {
      result.reason = "S3Error";
      return "tagging " + bucket + ": " + tagging.error().ToString();
    }
  } else if (std::string refusal = CheckOwnership(region, bucket, platform, result);
             !refusal.empty()) {
    return refusal;
  }
  auto versioning = s3_.PutBucketVersioning(
      region, {.Bucket = bucket, .VersioningConfiguration = {.Status = "Enabled"}});
  if (!versioning.ok()) {
    result.reason = "S3Error";
    return "turning on versioning of " + bucket + ": " + versioning.error().ToString();
  }
  auto encryption = s3_.PutBucketEncryption(
      region, {.Bucket = bucket, .ServerSideEncryptionConfiguration = DesiredEncryption()});
  if (!encryption.ok()) {
    result.reason = "S3Error";
    return "setting SSE-KMS on " + bucket + ": " + encryption.error().ToString();
  }
  auto block = s3_.PutPublicAccessBlock(
      region, {.Bucket = bucket, .PublicAccessBlockConfiguration = DesiredPublicAccessBlock()});
  if (!block.ok()) {
    result.reason = "S3Error";
    return "blocking public access to " + bucket + ": " + block.error().ToString();
  }
  if (lifecycle != nullptr) {
    auto rules = s3_.PutBucketLifecycleConfiguration(
        region, {.Bucket = bucket, .LifecycleConfiguration = DesiredLifecycle(*lifecycle)});
    if (!rules.ok()) {
      result.reason = "S3Error";
      return "setting the lifecycle rules of " + bucket + ": " + rules.error().ToString();
    }
  }
  auto tagging = s3_.PutBucketTagging(region, {.Bucket = bucket, .Tagging = {.TagSet = tags}});
  if (!tagging.ok()) {
    result.reason = "S3Error";
    return "tagging " + bucket + ": " + tagging.error().ToString();
  }
  std::lock_guard lock(mu_);
  applied_[key + ":" + bucket] = fingerprint;
  return "";
}

StorageResult BucketReconciler::Reconcile(const nlohmann::json& platform,
                                          const Effective& effective,
                                          const std::string& account_id) {
  StorageResult result;
  const std::string key = kube::ObjectKeyOf(platform);
  const auto tags = BucketTags(platform);
  const StorageSettings& storage = effective.storage;
  std::string error = EnsureBucket(platform, key, effective.region, storage.bucket_name, tags,
                                   &storage.lifecycle, result);
  if (!error.empty()) {
    result.message = error;
    return result;
  }
  if (storage.replicate_to_dr) {
    if (account_id.empty()) {
      result.reason = "WaitingForAccount";
      result.message = "replication waits for the AWS account ID";
      return result;
    }
    error = EnsureBucket(platform, key, effective.dr_region, storage.dr_bucket_name, tags, nullptr,
                         result);
    if (!error.empty()) {
      result.message = error;
      return result;
    }
    const std::string role = ReplicationRoleArn(account_id);
    const std::string fingerprint = "replication:" + storage.dr_bucket_name + ":" + role;
    bool apply = false;
    {
      std::lock_guard lock(mu_);
      apply = applied_[key + ":replication"] != fingerprint;
    }
    if (apply) {
      auto replication = s3_.PutBucketReplication(
          effective.region,
          {.Bucket = storage.bucket_name,
           .ReplicationConfiguration = DesiredReplication(storage.dr_bucket_name, role)});
      if (!replication.ok()) {
        result.reason = "S3Error";
        result.message = "replicating " + storage.bucket_name + " to " + storage.dr_bucket_name +
                         ": " + replication.error().ToString();
        return result;
      }
      std::lock_guard lock(mu_);
      applied_[key + ":replication"] = fingerprint;
    }
  }
  result.ready = true;
  result.reason = "BucketReady";
  result.message = "bucket " + storage.bucket_name + " in " + effective.region +
                   " (versioned, SSE-KMS, public access blocked" +
                   (storage.replicate_to_dr
                        ? ", replicated to " + storage.dr_bucket_name + " in " + effective.dr_region
                        : std::string()) +
                   ")";
  return result;
}

Status BucketReconciler::Empty(const std::string& region, const std::string& bucket) {
  s3::ListObjectVersionsRequest list{.Bucket = bucket,
                                     .KeyMarker = std::nullopt,
                                     .VersionIdMarker = std::nullopt,
                                     .MaxKeys = kDeleteBatch};
  for (int page = 0; page < kMaxEmptyPages; ++page) {
    auto versions = s3_.ListObjectVersions(region, list);
    if (!versions.ok()) {
      return versions.error().ToStatus().WithContext("while listing the objects of " + bucket);
    }
    s3::DeleteObjectsRequest batch{.Bucket = bucket, .Delete = {.Objects = {}, .Quiet = true}};
    for (const auto* group : {&versions->Versions, &versions->DeleteMarkers}) {
      for (const auto& version : *group) {
        batch.Delete.Objects.push_back({version.Key, version.VersionId});
      }
    }
    if (!batch.Delete.Objects.empty()) {
      auto deleted = s3_.DeleteObjects(region, batch);
      if (!deleted.ok()) {
        return deleted.error().ToStatus().WithContext("while deleting the objects of " + bucket);
      }
      if (!deleted->Errors.empty()) {
        const auto& first = deleted->Errors.front();
        return FailedPrecondition("deleting " + std::to_string(deleted->Errors.size()) +
                                  " objects of " + bucket + " failed, first " + first.Key + ": " +
                                  first.Code + " " + first.Message);
      }
    }
    if (!versions->IsTruncated) return Status::Ok();
    list.KeyMarker = versions->NextKeyMarker;
    list.VersionIdMarker = versions->NextVersionIdMarker;
  }
  return Unavailable("bucket " + bucket + " still holds objects after " +
                     std::to_string(kMaxEmptyPages * kDeleteBatch) + " deletions; continuing");
}

Status BucketReconciler::DeleteOne(const nlohmann::json& platform, const std::string& region,
                                   const std::string& bucket, BucketDeletion deletion,
                                   std::string& message) {
  auto head = s3_.HeadBucket(region, {.Bucket = bucket});
  if (!head.ok() && head.error().http_status == 404) {
    message += "bucket " + bucket + " already gone; ";
    return Status::Ok();
  }
  StorageResult ownership;
  if (std::string refusal = CheckOwnership(region, bucket, platform, ownership); !refusal.empty()) {
    if (ownership.reason == "S3Error") return Unavailable(refusal);
    message += "bucket " + bucket + " kept (" + refusal + "); ";
    return Status::Ok();
  }
  if (deletion == BucketDeletion::kDelete) {
    PO_RETURN_IF_ERROR(Empty(region, bucket));
  }
  auto deleted = s3_.DeleteBucket(region, {.Bucket = bucket});
  if (deleted.ok() || deleted.error().code == "NoSuchBucket" ||
      deleted.error().http_status == 404) {
    message += "bucket " + bucket + " deleted; ";
    return Status::Ok();
  }
  if (deleted.error().code == "BucketNotEmpty" && deletion == BucketDeletion::kDeleteIfEmpty) {
    message += "bucket " + bucket + " kept (not empty); ";
    return Status::Ok();
  }
  return deleted.error().ToStatus().WithContext("while deleting bucket " + bucket);
}

Status BucketReconciler::Delete(const nlohmann::json& platform, const Effective& effective,
                                std::string& message) {
  const StorageSettings& storage = effective.storage;
  if (storage.deletion == BucketDeletion::kRetain) {
    message += "bucket " + storage.bucket_name + " retained; ";
    return Status::Ok();
  }
  PO_RETURN_IF_ERROR(
      DeleteOne(platform, effective.region, storage.bucket_name, storage.deletion, message));
  if (storage.replicate_to_dr) {
    return DeleteOne(platform, effective.dr_region, storage.dr_bucket_name, storage.deletion,
                     message);
  }
  return Status::Ok();
}

void BucketReconciler::Forget(const std::string& key) {
  std::lock_guard lock(mu_);
  for (auto it = applied_.begin(); it != applied_.end();) {
    it = it->first.rfind(key + ":", 0) == 0 ? applied_.erase(it) : std::next(it);
  }
}

}  // namespace po::controllers::metrics_platform
