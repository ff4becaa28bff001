// The platform's S3 bucket through the S3 API: the desired configuration as pure functions
// (versioning, SSE-KMS, public-access block, lifecycle rules, tags, replication to a bucket in the
// disaster-recovery region), BucketReconciler that applies it, and the deletion that follows the
// bucket's policy. BucketReconciler is thread-safe (the S3Api must be).
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "controllers/metrics_platform/effective.h"
#include "operator/aws/s3/api.h"

namespace po::controllers::metrics_platform {

// Days after which noncurrent object versions expire (versioning keeps every overwrite).
inline constexpr int kNoncurrentVersionDays = 30;
inline constexpr char kLifecycleRuleId[] = "metrics-platform-archive";
inline constexpr char kReplicationRuleId[] = "disaster-recovery";

aws::s3::BucketLifecycleConfiguration DesiredLifecycle(const LifecycleDays& days);
aws::s3::ServerSideEncryptionConfiguration DesiredEncryption();
aws::s3::PublicAccessBlockConfiguration DesiredPublicAccessBlock();
// Replication of every object to `destination_bucket` with the IAM role `role_arn`.
aws::s3::ReplicationConfiguration DesiredReplication(const std::string& destination_bucket,
                                                     const std::string& role_arn);
// The role S3 assumes to replicate, by convention, in account `account_id`.
std::string ReplicationRoleArn(const std::string& account_id);
// The ownership tags of the platform (controllers/common/ownership.h) as S3 tags.
std::vector<aws::s3::Tag> BucketTags(const nlohmann::json& platform);

struct StorageResult {
  bool ready = false;
  std::string reason;   // CamelCase
  std::string message;  // human readable
};

class BucketReconciler {
 public:
  explicit BucketReconciler(aws::s3::S3Api& s3) : s3_(s3) {}

  // Makes the bucket (and, when asked, its replica) exist with the desired configuration.
  // `account_id` ("" when unknown) names the replication role. The configuration calls are made
  // when the bucket is created and whenever the desired configuration changes.
  StorageResult Reconcile(const nlohmann::json& platform, const Effective& effective,
                          const std::string& account_id);

  // Deletes the bucket (and replica) as effective.storage.deletion says: kDelete empties it first
  // (every object version and delete marker), kDeleteIfEmpty keeps a bucket with objects, and a
  // bucket without this platform's ownership tags is never touched. `message` tells what was
  // done. An error when a deletion that should happen failed (retry later).
  Status Delete(const nlohmann::json& platform, const Effective& effective, std::string& message);

  // Forgets what was applied for this platform (after deletion).
  void Forget(const std::string& key);

 private:
  // Creates the bucket if missing (or checks that an existing one is the platform's) and applies
  // the configuration when it changed; "" on success, else why not (with result.reason set).
  std::string EnsureBucket(const nlohmann::json& platform, const std::string& key,
                           const std::string& region, const std::string& bucket,
                           const std::vector<aws::s3::Tag>& tags, const LifecycleDays* lifecycle,
                           StorageResult& result);
  // "" when the bucket carries this platform's ownership tags (or may be adopted), else why not.
  std::string CheckOwnership(const std::string& region, const std::string& bucket,
                             const nlohmann::json& platform, StorageResult& result);
  // Deletes every object version and delete marker, up to kMaxEmptyPages pages per call.
  Status Empty(const std::string& region, const std::string& bucket);
  Status DeleteOne(const nlohmann::json& platform, const std::string& region,
                   const std::string& bucket, BucketDeletion deletion, std::string& message);

  static constexpr int kDeleteBatch = 1000;
  static constexpr int kMaxEmptyPages = 20;

  aws::s3::S3Api& s3_;
  std::mutex mu_;
  std::map<std::string, std::string> applied_;  // "ns/name:bucket" → fingerprint of the config
};

}  // namespace po::controllers::metrics_platform
