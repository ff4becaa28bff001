// In-memory S3 and CloudWatch Logs for the MetricsPlatform unit tests: buckets and log groups kept
// in maps, every call recorded by operation name, and errors injectable per operation.
// Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "operator/aws/logs/api.h"
#include "operator/aws/s3/api.h"

namespace po::controllers::metrics_platform::testing {

class FakeS3 final : public aws::s3::S3Api {
 public:
  struct Bucket {
    std::string region;
    bool versioning = false;
    bool encrypted = false;
    bool public_blocked = false;
    std::vector<aws::s3::LifecycleRule> lifecycle;
    std::vector<aws::s3::Tag> tags;
    std::optional<aws::s3::ReplicationConfiguration> replication;
    std::vector<std::string> objects;  // keys, one version each
  };

  aws::Outcome<aws::Empty> CreateBucket(const std::string& region,
                                        const aws::s3::CreateBucketRequest& r) override;
  aws::Outcome<aws::s3::HeadBucketOutput> HeadBucket(const std::string& region,
                                                     const aws::s3::HeadBucketRequest& r) override;
  aws::Outcome<aws::Empty> PutBucketVersioning(
      const std::string& region, const aws::s3::PutBucketVersioningRequest& r) override;
  aws::Outcome<aws::Empty> PutBucketEncryption(
      const std::string& region, const aws::s3::PutBucketEncryptionRequest& r) override;
  aws::Outcome<aws::Empty> PutPublicAccessBlock(
      const std::string& region, const aws::s3::PutPublicAccessBlockRequest& r) override;
  aws::Outcome<aws::Empty> PutBucketLifecycleConfiguration(
      const std::string& region, const aws::s3::PutBucketLifecycleConfigurationRequest& r) override;
  aws::Outcome<aws::s3::GetBucketLifecycleConfigurationOutput> GetBucketLifecycleConfiguration(
      const std::string& region, const aws::s3::GetBucketLifecycleConfigurationRequest& r) override;
  aws::Outcome<aws::Empty> PutBucketReplication(
      const std::string& region, const aws::s3::PutBucketReplicationRequest& r) override;
  aws::Outcome<aws::Empty> PutBucketTagging(const std::string& region,
                                            const aws::s3::PutBucketTaggingRequest& r) override;
  aws::Outcome<aws::Empty> DeleteBucket(const std::string& region,
                                        const aws::s3::DeleteBucketRequest& r) override;
  aws::Outcome<aws::s3::GetBucketTaggingOutput> GetBucketTagging(
      const std::string& region, const aws::s3::GetBucketTaggingRequest& r) override;
  aws::Outcome<aws::s3::ListObjectVersionsOutput> ListObjectVersions(
      const std::string& region, const aws::s3::ListObjectVersionsRequest& r) override;
  aws::Outcome<aws::s3::DeleteObjectsOutput> DeleteObjects(
      const std::string& region, const aws::s3::DeleteObjectsRequest& r) override;

  // The next call of `operation` fails with `code` (and `http_status`).
  void FailNext(const std::string& operation, const std::string& code, int http_status = 400);
  std::vector<std::string> Calls() const;
  void ClearCalls();
  std::map<std::string, Bucket> Buckets() const;
  void PutObject(const std::string& bucket, const std::string& key);
  // A bucket made outside the operator, with these tags.
  void AddBucket(const std::string& bucket, const std::vector<aws::s3::Tag>& tags);

 private:
  std::optional<aws::AwsError> Take(const std::string& operation);

  mutable std::mutex mu_;
  std::map<std::string, Bucket> buckets_;
  std::map<std::string, aws::AwsError> failures_;
  std::vector<std::string> calls_;
};

class FakeLogs final : public aws::logs::LogsApi {
 public:
  aws::Outcome<aws::Empty> CreateLogGroup(const std::string& region,
                                          const aws::logs::CreateLogGroupRequest& r) override;
  aws::Outcome<aws::Empty> PutRetentionPolicy(
      const std::string& region, const aws::logs::PutRetentionPolicyRequest& r) override;
  aws::Outcome<aws::logs::DescribeLogGroupsResponse> DescribeLogGroups(
      const std::string& region, const aws::logs::DescribeLogGroupsRequest& r) override;
  aws::Outcome<aws::Empty> DeleteLogGroup(const std::string& region,
                                          const aws::logs::DeleteLogGroupRequest& r) override;

  std::vector<std::string> Calls() const;
  void ClearCalls();
  // name → retention (0 = never expires).
  std::map<std::string, int> Groups() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, aws::logs::LogGroup> groups_;
  std::vector<std::string> calls_;
};

}  // namespace po::controllers::metrics_platform::testing
