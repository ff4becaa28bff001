// In-memory S3 and CloudWatch Logs for unit tests.
#include "tests/unit/controllers/metrics_platform/fake_aws.h"

namespace po::controllers::metrics_platform::testing {

namespace s3 = aws::s3;
namespace logs = aws::logs;
using aws::AwsError;
using aws::Empty;
using aws::Outcome;

namespace {
AwsError NoSuchBucket() {
  return {"NoSuchBucket", "no such bucket", "", 404, false};
}
}  // namespace

std::optional<AwsError> FakeS3::Take(const std::string& operation) {
  calls_.push_back(operation);
  auto it = failures_.find(operation);
  if (it == failures_.end()) return std::nullopt;
  AwsError error = it->second;
  failures_.erase(it);
  return error;
}

void FakeS3::FailNext(const std::string& operation, const std::string& code, int http_status) {
  std::lock_guard lock(mu_);
  failures_[operation] = {code, "injected", "", http_status, false};
}

std::vector<std::string> FakeS3::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}
void FakeS3::ClearCalls() {
  std::lock_guard lock(mu_);
  calls_.clear();
}
std::map<std::string, FakeS3::Bucket> FakeS3::Buckets() const {
  std::lock_guard lock(mu_);
  return buckets_;
}
void FakeS3::PutObject(const std::string& bucket, const std::string& key) {
  std::lock_guard lock(mu_);
  buckets_[bucket].objects.push_back(key);
}
void FakeS3::AddBucket(const std::string& bucket, const std::vector<s3::Tag>& tags) {
  std::lock_guard lock(mu_);
  buckets_[bucket].region = "us-east-1";
  buckets_[bucket].tags = tags;
}

Outcome<s3::GetBucketTaggingOutput> FakeS3::GetBucketTagging(const std::string&,
                                                             const s3::GetBucketTaggingRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("GetBucketTagging")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return NoSuchBucket();
  if (it->second.tags.empty()) return AwsError{"NoSuchTagSet", "no tags", "", 404, false};
  return s3::GetBucketTaggingOutput{it->second.tags};
}

// One version per key; pages of MaxKeys keys.
Outcome<s3::ListObjectVersionsOutput> FakeS3::ListObjectVersions(
    const std::string&, const s3::ListObjectVersionsRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("ListObjectVersions")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return NoSuchBucket();
  s3::ListObjectVersionsOutput out;
  const size_t max = static_cast<size_t>(r.MaxKeys.value_or(1000));
  for (const auto& key : it->second.objects) {
    if (r.KeyMarker && key <= *r.KeyMarker) continue;
    if (out.Versions.size() == max) {
      out.IsTruncated = true;
      out.NextKeyMarker = out.Versions.back().Key;
      out.NextVersionIdMarker = "v1";
      break;
    }
    out.Versions.push_back({key, "v1"});
  }
  return out;
}

Outcome<s3::DeleteObjectsOutput> FakeS3::DeleteObjects(const std::string&,
                                                       const s3::DeleteObjectsRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("DeleteObjects")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return NoSuchBucket();
  s3::DeleteObjectsOutput out;
  for (const auto& object : r.Delete.Objects) {
    std::erase(it->second.objects, object.Key);
    out.Deleted.push_back(object);
  }
  return out;
}

Outcome<Empty> FakeS3::CreateBucket(const std::string& region, const s3::CreateBucketRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("CreateBucket")) return *e;
  if (buckets_.contains(r.Bucket)) {
    return AwsError{"BucketAlreadyOwnedByYou", "yours", "", 409, false};
  }
  buckets_[r.Bucket].region = region;
  return Empty{};
}

Outcome<s3::HeadBucketOutput> FakeS3::HeadBucket(const std::string&,
                                                 const s3::HeadBucketRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("HeadBucket")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return AwsError{"NotFound", "", "", 404, false};
  return s3::HeadBucketOutput{it->second.region};
}

#define PO_FAKE_BUCKET_OP(Op, Request, body)                            \
  Outcome<Empty> FakeS3::Op(const std::string&, const s3::Request& r) { \
    std::lock_guard lock(mu_);                                          \
    if (auto e = Take(#Op)) return *e;                                  \
    auto it = buckets_.find(r.Bucket);                                  \
    if (it == buckets_.end()) return NoSuchBucket();                    \
    Bucket& b = it->second;                                             \
    body;                                                               \
    return Empty{};                                                     \
  }

PO_FAKE_BUCKET_OP(PutBucketVersioning, PutBucketVersioningRequest,
                  b.versioning = r.VersioningConfiguration.Status == "Enabled")
PO_FAKE_BUCKET_OP(PutBucketEncryption, PutBucketEncryptionRequest,
                  b.encrypted = !r.ServerSideEncryptionConfiguration.Rules.empty())
PO_FAKE_BUCKET_OP(
    PutPublicAccessBlock, PutPublicAccessBlockRequest,
    b.public_blocked = r.PublicAccessBlockConfiguration.BlockPublicAcls.value_or(false))
PO_FAKE_BUCKET_OP(PutBucketLifecycleConfiguration, PutBucketLifecycleConfigurationRequest,
                  b.lifecycle = r.LifecycleConfiguration.Rules)
PO_FAKE_BUCKET_OP(PutBucketReplication, PutBucketReplicationRequest,
                  b.replication = r.ReplicationConfiguration)
PO_FAKE_BUCKET_OP(PutBucketTagging, PutBucketTaggingRequest, b.tags = r.Tagging.TagSet)
#undef PO_FAKE_BUCKET_OP

Outcome<s3::GetBucketLifecycleConfigurationOutput> FakeS3::GetBucketLifecycleConfiguration(
    const std::string&, const s3::GetBucketLifecycleConfigurationRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("GetBucketLifecycleConfiguration")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return NoSuchBucket();
  return s3::GetBucketLifecycleConfigurationOutput{it->second.lifecycle};
}

Outcome<Empty> FakeS3::DeleteBucket(const std::string&, const s3::DeleteBucketRequest& r) {
  std::lock_guard lock(mu_);
  if (auto e = Take("DeleteBucket")) return *e;
  auto it = buckets_.find(r.Bucket);
  if (it == buckets_.end()) return NoSuchBucket();
  if (!it->second.objects.empty()) {
    return AwsError{"BucketNotEmpty", "not empty", "", 409, false};
  }
  buckets_.erase(it);
  return Empty{};
}

Outcome<Empty> FakeLogs::CreateLogGroup(const std::string& region,
                                        const logs::CreateLogGroupRequest& r) {
  std::lock_guard lock(mu_);
  calls_.push_back("CreateLogGroup");
  if (groups_.contains(r.logGroupName)) {
    return AwsError{"ResourceAlreadyExistsException", "exists", "", 400, false};
  }
  logs::LogGroup group;
  group.logGroupName = r.logGroupName;
  group.arn = "arn:aws:logs:" + region + ":123456789012:log-group:" + r.logGroupName + ":*";
  groups_[r.logGroupName] = group;
  return Empty{};
}

Outcome<Empty> FakeLogs::PutRetentionPolicy(const std::string&,
                                            const logs::PutRetentionPolicyRequest& r) {
  std::lock_guard lock(mu_);
  calls_.push_back("PutRetentionPolicy");
  auto it = groups_.find(r.logGroupName);
  if (it == groups_.end()) return AwsError{"ResourceNotFoundException", "", "", 400, false};
  it->second.retentionInDays = r.retentionInDays;
  return Empty{};
}

Outcome<logs::DescribeLogGroupsResponse> FakeLogs::DescribeLogGroups(
    const std::string&, const logs::DescribeLogGroupsRequest& r) {
  std::lock_guard lock(mu_);
  calls_.push_back("DescribeLogGroups");
  logs::DescribeLogGroupsResponse out;
  const std::string prefix = r.logGroupNamePrefix.value_or("");
  for (const auto& [name, group] : groups_) {
    if (name.rfind(prefix, 0) == 0) out.logGroups.push_back(group);
  }
  return out;
}

Outcome<Empty> FakeLogs::DeleteLogGroup(const std::string&, const logs::DeleteLogGroupRequest& r) {
  std::lock_guard lock(mu_);
  calls_.push_back("DeleteLogGroup");
  if (groups_.erase(r.logGroupName) == 0) {
    return AwsError{"ResourceNotFoundException", "", "", 400, false};
  }
  return Empty{};
}

std::vector<std::string> FakeLogs::Calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}
void FakeLogs::ClearCalls() {
  std::lock_guard lock(mu_);
  calls_.clear();
}
std::map<std::string, int> FakeLogs::Groups() const {
  std::lock_guard lock(mu_);
  std::map<std::string, int> out;
  for (const auto& [name, group] : groups_) out[name] = group.retentionInDays.value_or(0);
  return out;
}

}  // namespace po::controllers::metrics_platform::testing
