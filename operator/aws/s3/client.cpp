// S3Client: encodes each S3 request, makes the REST call and decodes the reply.
#include "operator/aws/s3/client.h"

#include "operator/aws/decoded_outcome.h"
#include "operator/aws/s3/codec.h"

namespace po::aws::s3 {

Outcome<Empty> S3Client::CallWithoutResult(const std::string& region, const std::string& operation,
                                           const RestRequest& request) {
  Outcome<RestResponse> reply = caller_.Rest(CallTarget{kSigningName, region}, operation, request);
  if (!reply.ok()) return reply.error();
  return Empty{};
}

Outcome<Empty> S3Client::CreateBucket(const std::string& region,
                                      const CreateBucketRequest& request) {
  CreateBucketRequest located = request;
  if (region != "us-east-1" && !(located.CreateBucketConfiguration &&
                                 located.CreateBucketConfiguration->LocationConstraint)) {
    located.CreateBucketConfiguration = CreateBucketConfiguration{region};
  }
  return CallWithoutResult(region, "CreateBucket", EncodeCreateBucket(located));
}

Outcome<HeadBucketOutput> S3Client::HeadBucket(const std::string& region,
                                               const HeadBucketRequest& request) {
  Outcome<RestResponse> reply =
      caller_.Rest(CallTarget{kSigningName, region}, "HeadBucket", EncodeHeadBucket(request));
  if (!reply.ok()) return reply.error();
  return DecodeHeadBucket(reply.value());
}

Outcome<Empty> S3Client::PutBucketVersioning(const std::string& region,
                                             const PutBucketVersioningRequest& request) {
  return CallWithoutResult(region, "PutBucketVersioning", EncodePutBucketVersioning(request));
}

Outcome<Empty> S3Client::PutBucketEncryption(const std::string& region,
                                             const PutBucketEncryptionRequest& request) {
  return CallWithoutResult(region, "PutBucketEncryption", EncodePutBucketEncryption(request));
}

Outcome<Empty> S3Client::PutPublicAccessBlock(const std::string& region,
                                              const PutPublicAccessBlockRequest& request) {
  return CallWithoutResult(region, "PutPublicAccessBlock", EncodePutPublicAccessBlock(request));
}

Outcome<Empty> S3Client::PutBucketLifecycleConfiguration(
    const std::string& region, const PutBucketLifecycleConfigurationRequest& request) {
  return CallWithoutResult(region, "PutBucketLifecycleConfiguration",
                           EncodePutBucketLifecycleConfiguration(request));
}

Outcome<GetBucketLifecycleConfigurationOutput> S3Client::GetBucketLifecycleConfiguration(
    const std::string& region, const GetBucketLifecycleConfigurationRequest& request) {
  Outcome<RestResponse> reply =
      caller_.Rest(CallTarget{kSigningName, region}, "GetBucketLifecycleConfiguration",
                   EncodeGetBucketLifecycleConfiguration(request));
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<GetBucketLifecycleConfigurationOutput>(
      DecodeGetBucketLifecycleConfiguration(reply.value().body), reply.value().status);
}

Outcome<Empty> S3Client::PutBucketReplication(const std::string& region,
                                              const PutBucketReplicationRequest& request) {
  return CallWithoutResult(region, "PutBucketReplication", EncodePutBucketReplication(request));
}

Outcome<Empty> S3Client::PutBucketTagging(const std::string& region,
                                          const PutBucketTaggingRequest& request) {
  return CallWithoutResult(region, "PutBucketTagging", EncodePutBucketTagging(request));
}

Outcome<Empty> S3Client::DeleteBucket(const std::string& region,
                                      const DeleteBucketRequest& request) {
  return CallWithoutResult(region, "DeleteBucket", EncodeDeleteBucket(request));
}

Outcome<GetBucketTaggingOutput> S3Client::GetBucketTagging(const std::string& region,
                                                           const GetBucketTaggingRequest& request) {
  Outcome<RestResponse> reply = caller_.Rest(CallTarget{kSigningName, region}, "GetBucketTagging",
                                             EncodeGetBucketTagging(request));
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<GetBucketTaggingOutput>(DecodeGetBucketTagging(reply.value().body),
                                                reply.value().status);
}

Outcome<ListObjectVersionsOutput> S3Client::ListObjectVersions(
    const std::string& region, const ListObjectVersionsRequest& request) {
  Outcome<RestResponse> reply = caller_.Rest(CallTarget{kSigningName, region}, "ListObjectVersions",
                                             EncodeListObjectVersions(request));
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<ListObjectVersionsOutput>(DecodeListObjectVersions(reply.value().body),
                                                  reply.value().status);
}

Outcome<DeleteObjectsOutput> S3Client::DeleteObjects(const std::string& region,
                                                     const DeleteObjectsRequest& request) {
  Outcome<RestResponse> reply =
      caller_.Rest(CallTarget{kSigningName, region}, "DeleteObjects", EncodeDeleteObjects(request));
  if (!reply.ok()) return reply.error();
  return DecodedOutcome<DeleteObjectsOutput>(DecodeDeleteObjects(reply.value().body),
                                             reply.value().status);
}

}  // namespace po::aws::s3
