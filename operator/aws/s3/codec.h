// Encoders (request → RestRequest with the REST-XML body, subresource query and headers) and
// decoders (reply → output) of the S3 bucket operations the operator uses. Paths are relative to
// the bucket ("/"); RestRequest.bucket names it so the ApiCaller picks path-style or virtual-hosted
// addressing. Pure functions; thread-safe; never throw.
#pragma once

#include <string>
#include <string_view>

#include "operator/aws/api_caller.h"
#include "operator/aws/s3/types.h"
#include "operator/common/status.h"

namespace po::aws::s3 {

RestRequest EncodeCreateBucket(const CreateBucketRequest& request);
RestRequest EncodeHeadBucket(const HeadBucketRequest& request);
RestRequest EncodeDeleteBucket(const DeleteBucketRequest& request);
RestRequest EncodePutBucketVersioning(const PutBucketVersioningRequest& request);
RestRequest EncodePutBucketEncryption(const PutBucketEncryptionRequest& request);
RestRequest EncodePutPublicAccessBlock(const PutPublicAccessBlockRequest& request);
// Sets Content-MD5, which S3 requires for this call.
RestRequest EncodePutBucketLifecycleConfiguration(
    const PutBucketLifecycleConfigurationRequest& request);
RestRequest EncodeGetBucketLifecycleConfiguration(
    const GetBucketLifecycleConfigurationRequest& request);
RestRequest EncodePutBucketReplication(const PutBucketReplicationRequest& request);
RestRequest EncodePutBucketTagging(const PutBucketTaggingRequest& request);
RestRequest EncodeGetBucketTagging(const GetBucketTaggingRequest& request);
RestRequest EncodeListObjectVersions(const ListObjectVersionsRequest& request);
// Sets Content-MD5, which S3 requires for this call.
RestRequest EncodeDeleteObjects(const DeleteObjectsRequest& request);

HeadBucketOutput DecodeHeadBucket(const RestResponse& response);
Result<GetBucketLifecycleConfigurationOutput> DecodeGetBucketLifecycleConfiguration(
    std::string_view xml);

Result<GetBucketTaggingOutput> DecodeGetBucketTagging(std::string_view xml);
Result<ListObjectVersionsOutput> DecodeListObjectVersions(std::string_view xml);
Result<DeleteObjectsOutput> DecodeDeleteObjects(std::string_view xml);

// base64(MD5(body)), the value of a Content-MD5 header.
std::string ContentMd5(std::string_view body);

}  // namespace po::aws::s3
