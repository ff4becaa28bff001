// Request and response shapes of the Amazon S3 API (2006-03-01) operations the operator uses —
// bucket configuration, and the object listing and deletion that empty a bucket — named and
// spelled exactly as in the service model. Optional members are std::optional.
// Plain values; safe to copy and share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace po::aws::s3 {

inline constexpr char kSigningName[] = "s3";

struct Tag {
  std::string Key;
  std::string Value;
  bool operator==(const Tag&) const = default;
};

// ---- CreateBucket / HeadBucket / DeleteBucket ----

struct CreateBucketConfiguration {
  std::optional<std::string> LocationConstraint;  // the region; never sent for us-east-1
};

struct CreateBucketRequest {
  std::string Bucket;
  std::optional<s3::CreateBucketConfiguration> CreateBucketConfiguration;
};

struct HeadBucketRequest {
  std::string Bucket;
};

struct HeadBucketOutput {
  std::optional<std::string> BucketRegion;  // x-amz-bucket-region
};

struct DeleteBucketRequest {
  std::string Bucket;
};

// ---- Versioning, encryption, public access ----

struct VersioningConfiguration {
  std::optional<std::string> Status;  // "Enabled" | "Suspended"
};

struct PutBucketVersioningRequest {
  std::string Bucket;
  s3::VersioningConfiguration VersioningConfiguration;
};

struct ServerSideEncryptionByDefault {
  std::string SSEAlgorithm;                   // "aws:kms" | "AES256" | "aws:kms:dsse"
  std::optional<std::string> KMSMasterKeyID;  // key ARN, ID or alias (SSE-KMS only)
};

struct ServerSideEncryptionRule {
  std::optional<ServerSideEncryptionByDefault> ApplyServerSideEncryptionByDefault;
  std::optional<bool> BucketKeyEnabled;
};

struct ServerSideEncryptionConfiguration {
  std::vector<ServerSideEncryptionRule> Rules;
};

struct PutBucketEncryptionRequest {
  std::string Bucket;
  s3::ServerSideEncryptionConfiguration ServerSideEncryptionConfiguration;
};

struct PublicAccessBlockConfiguration {
  std::optional<bool> BlockPublicAcls;
  std::optional<bool> IgnorePublicAcls;
  std::optional<bool> BlockPublicPolicy;
  std::optional<bool> RestrictPublicBuckets;
};

struct PutPublicAccessBlockRequest {
  std::string Bucket;
  s3::PublicAccessBlockConfiguration PublicAccessBlockConfiguration;
};

// ---- Lifecycle ----

struct LifecycleRuleFilter {
  std::optional<std::string> Prefix;
};

struct Transition {
  std::optional<int> Days;
  std::optional<std::string> StorageClass;  // "STANDARD_IA" | "GLACIER" | …
};

struct LifecycleExpiration {
  std::optional<int> Days;
};

struct NoncurrentVersionExpiration {
  std::optional<int> NoncurrentDays;
};

struct LifecycleRule {
  std::optional<std::string> ID;
  std::string Status;  // "Enabled" | "Disabled"
  std::optional<LifecycleRuleFilter> Filter;
  std::vector<Transition> Transitions;
  std::optional<LifecycleExpiration> Expiration;
  std::optional<s3::NoncurrentVersionExpiration> NoncurrentVersionExpiration;
};

struct BucketLifecycleConfiguration {
  std::vector<LifecycleRule> Rules;
};

struct PutBucketLifecycleConfigurationRequest {
  std::string Bucket;
  BucketLifecycleConfiguration LifecycleConfiguration;
};

struct GetBucketLifecycleConfigurationRequest {
  std::string Bucket;
};

struct GetBucketLifecycleConfigurationOutput {
  std::vector<LifecycleRule> Rules;
};

// ---- Replication ----

struct ReplicationRuleFilter {
  std::optional<std::string> Prefix;
};

struct DeleteMarkerReplication {
  std::optional<std::string> Status;  // "Enabled" | "Disabled"
};

struct Destination {
  std::string Bucket;  // the destination bucket's ARN: arn:aws:s3:::name
  std::optional<std::string> StorageClass;
};

struct ReplicationRule {
  std::optional<std::string> ID;
  std::optional<int> Priority;
  std::optional<ReplicationRuleFilter> Filter;
  std::string Status;  // "Enabled" | "Disabled"
  std::optional<s3::DeleteMarkerReplication> DeleteMarkerReplication;
  s3::Destination Destination;
};

struct ReplicationConfiguration {
  std::string Role;  // IAM role ARN S3 assumes to replicate
  std::vector<ReplicationRule> Rules;
};

struct PutBucketReplicationRequest {
  std::string Bucket;
  s3::ReplicationConfiguration ReplicationConfiguration;
};

// ---- Tagging ----

struct Tagging {
  std::vector<Tag> TagSet;
};

struct PutBucketTaggingRequest {
  std::string Bucket;
  s3::Tagging Tagging;
};

struct GetBucketTaggingRequest {
  std::string Bucket;
};

struct GetBucketTaggingOutput {
  std::vector<Tag> TagSet;
};

// ---- Emptying a bucket: ListObjectVersions / DeleteObjects ----

struct ListObjectVersionsRequest {
  std::string Bucket;
  std::optional<std::string> KeyMarker;
  std::optional<std::string> VersionIdMarker;
  std::optional<int> MaxKeys;  // at most 1000
};

// A version of an object, or a delete marker.
struct ObjectVersion {
  std::string Key;
  std::optional<std::string> VersionId;  // "null" for objects written before versioning
};

struct ListObjectVersionsOutput {
  std::vector<ObjectVersion> Versions;
  std::vector<ObjectVersion> DeleteMarkers;
  bool IsTruncated = false;
  std::optional<std::string> NextKeyMarker;
  std::optional<std::string> NextVersionIdMarker;
};

struct ObjectIdentifier {
  std::string Key;
  std::optional<std::string> VersionId;
};

struct Delete {
  std::vector<ObjectIdentifier> Objects;  // at most 1000
  std::optional<bool> Quiet;              // report only the failures
};

struct DeleteObjectsRequest {
  std::string Bucket;
  s3::Delete Delete;
};

struct DeleteError {
  std::string Key;
  std::optional<std::string> VersionId;
  std::string Code;
  std::string Message;
};

struct DeleteObjectsOutput {
  std::vector<ObjectIdentifier> Deleted;
  std::vector<DeleteError> Errors;
};

}  // namespace po::aws::s3
