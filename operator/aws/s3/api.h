// S3Api: the S3 bucket operations the operator uses, one method per API action, region chosen per
// call. S3Client is the real implementation; tests substitute a fake. Implementations must be
// thread-safe.
#pragma once

#include <string>

#include "operator/aws/error.h"
#include "operator/aws/s3/types.h"

namespace po::aws::s3 {

class S3Api {
 public:
  virtual ~S3Api() = default;

  // Outside us-east-1, a missing LocationConstraint is filled in with `region`.
  virtual Outcome<Empty> CreateBucket(const std::string& region,
                                      const CreateBucketRequest& request) = 0;
  // Fails with the HTTP status alone (404 "NotFound", 403 …) as HEAD replies have no body.
  virtual Outcome<HeadBucketOutput> HeadBucket(const std::string& region,
                                               const HeadBucketRequest& request) = 0;
  virtual Outcome<Empty> PutBucketVersioning(const std::string& region,
                                             const PutBucketVersioningRequest& request) = 0;
  virtual Outcome<Empty> PutBucketEncryption(const std::string& region,
                                             const PutBucketEncryptionRequest& request) = 0;
  virtual Outcome<Empty> PutPublicAccessBlock(const std::string& region,
                                              const PutPublicAccessBlockRequest& request) = 0;
  virtual Outcome<Empty> PutBucketLifecycleConfiguration(
      const std::string& region, const PutBucketLifecycleConfigurationRequest& request) = 0;
  virtual Outcome<GetBucketLifecycleConfigurationOutput> GetBucketLifecycleConfiguration(
      const std::string& region, const GetBucketLifecycleConfigurationRequest& request) = 0;
  virtual Outcome<Empty> PutBucketReplication(const std::string& region,
                                              const PutBucketReplicationRequest& request) = 0;
  virtual Outcome<Empty> PutBucketTagging(const std::string& region,
                                          const PutBucketTaggingRequest& request) = 0;
  virtual Outcome<Empty> DeleteBucket(const std::string& region,
                                      const DeleteBucketRequest& request) = 0;
  // Fails with "NoSuchTagSet" when the bucket has no tags.
  virtual Outcome<GetBucketTaggingOutput> GetBucketTagging(
      const std::string& region, const GetBucketTaggingRequest& request) = 0;
  // One page of object versions and delete markers.
  virtual Outcome<ListObjectVersionsOutput> ListObjectVersions(
      const std::string& region, const ListObjectVersionsRequest& request) = 0;
  // Deletes up to 1000 object versions in one call; per-object failures are in Errors.
  virtual Outcome<DeleteObjectsOutput> DeleteObjects(const std::string& region,
                                                     const DeleteObjectsRequest& request) = 0;
};

}  // namespace po::aws::s3
