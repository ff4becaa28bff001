// EC2 instance metadata (IMDSv2) credentials: PUT /latest/api/token for a session token, then GET
// /latest/meta-data/iam/security-credentials/ for the role name and again for the role's
// credentials. Endpoint from AWS_EC2_METADATA_SERVICE_ENDPOINT (default http://169.254.169.254);
// disabled by AWS_EC2_METADATA_DISABLED=true. Short timeouts (1 s), since off EC2 nothing answers.
// Thread-safe.
#pragma once

#include <chrono>

#include "operator/aws/credentials.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/http_transport.h"

namespace po::aws {

class InstanceMetadataCredentialsProvider final : public CredentialsProvider {
 public:
  InstanceMetadataCredentialsProvider(EnvLookup env, HttpTransport& transport,
                                      std::chrono::milliseconds timeout = std::chrono::seconds(1));
  Result<Credentials> Get() override;
  std::string Name() const override { return "instance metadata"; }

 private:
  Result<std::string> Fetch(const std::string& method, const std::string& url,
                            const KeyValueList& headers);

  EnvLookup env_;
  HttpTransport& transport_;
  std::chrono::milliseconds timeout_;
};

}  // namespace po::aws
