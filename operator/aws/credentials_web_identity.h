// Web identity (IRSA) credentials: exchanges the token in AWS_WEB_IDENTITY_TOKEN_FILE for temporary
// credentials of AWS_ROLE_ARN with STS AssumeRoleWithWebIdentity, an unsigned Query call to the STS
// endpoint (overridable like any service). The token file is re-read on every call, since the
// kubelet rotates it. Thread-safe.
#pragma once

#include <chrono>

#include "operator/aws/credentials.h"
#include "operator/aws/endpoints.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/http_transport.h"
#include "operator/common/clock.h"

namespace po::aws {

class WebIdentityCredentialsProvider final : public CredentialsProvider {
 public:
  WebIdentityCredentialsProvider(EnvLookup env, FileReader& files, HttpTransport& transport,
                                 const EndpointResolver& endpoints, Clock& clock,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(5));
  Result<Credentials> Get() override;
  std::string Name() const override { return "web identity"; }

 private:
  EnvLookup env_;
  FileReader& files_;
  HttpTransport& transport_;
  const EndpointResolver& endpoints_;
  Clock& clock_;
  std::chrono::milliseconds timeout_;
};

}  // namespace po::aws
