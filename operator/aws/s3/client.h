// S3Client: S3Api over an ApiCaller (REST-XML calls to the "s3" service). Holds only a reference to
// the caller; as thread-safe as the ApiCaller it is given (which must be).
#pragma once

#include "operator/aws/api_caller.h"
#include "operator/aws/s3/api.h"

namespace po::aws::s3 {

class S3Client final : public S3Api {
 public:
  explicit S3Client(ApiCaller& caller) : caller_(caller) {}

  Outcome<Empty> CreateBucket(const std::string& region,
                              const CreateBucketRequest& request) override;
  Outcome<HeadBucketOutput> HeadBucket(const std::string& region,
                                       const HeadBucketRequest& request) override;
  Outcome<Empty> PutBucketVersioning(const std::string& region,
                                     const PutBucketVersioningRequest& request) override;
  Outcome<Empty> PutBucketEncryption(const std::string& region,
                                     const PutBucketEncryptionRequest& request) override;
  Outcome<Empty> PutPublicAccessBlock(const std::string& region,
                                      const PutPublicAccessBlockRequest& request) override;
  Outcome<Empty> PutBucketLifecycleConfiguration(
      const std::string& region, const PutBucketLifecycleConfigurationRequest& request) override;
  Outcome<GetBucketLifecycleConfigurationOutput> GetBucketLifecycleConfiguration(
      const std::string& region, const GetBucketLifecycleConfigurationRequest& request) override;
  Outcome<Empty> PutBucketReplication(const std::string& region,
                                      const PutBucketReplicationRequest& request) override;
  Outcome<Empty> PutBucketTagging(const std::string& region,
                                  const PutBucketTaggingRequest& request) override;
  Outcome<Empty> DeleteBucket(const std::string& region,
                              const DeleteBucketRequest& request) override;
  Outcome<GetBucketTaggingOutput> GetBucketTagging(const std::string& region,
                                                   const GetBucketTaggingRequest& request) override;
  Outcome<ListObjectVersionsOutput> ListObjectVersions(
      const std::string& region, const ListObjectVersionsRequest& request) override;
  Outcome<DeleteObjectsOutput> DeleteObjects(const std::string& region,
                                             const DeleteObjectsRequest& request) override;

 private:
  Outcome<Empty> CallWithoutResult(const std::string& region, const std::string& operation,
                                   const RestRequest& request);

  ApiCaller& caller_;
};

}  // namespace po::aws::s3
