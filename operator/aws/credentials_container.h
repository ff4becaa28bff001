// Container credentials: EKS Pod Identity and ECS. GETs AWS_CONTAINER_CREDENTIALS_FULL_URI (or
// http://169.254.170.2 + AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) with the Authorization token from
// AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (re-read each call) or AWS_CONTAINER_AUTHORIZATION_TOKEN,
// and reads AccessKeyId/SecretAccessKey/Token/Expiration from the JSON reply. Thread-safe.
#pragma once

#include <chrono>

#include "operator/aws/credentials.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/http_transport.h"

namespace po::aws {

class ContainerCredentialsProvider final : public CredentialsProvider {
 public:
  ContainerCredentialsProvider(EnvLookup env, FileReader& files, HttpTransport& transport,
                               std::chrono::milliseconds timeout = std::chrono::seconds(2));
  Result<Credentials> Get() override;
  std::string Name() const override { return "container"; }

 private:
  EnvLookup env_;
  FileReader& files_;
  HttpTransport& transport_;
  std::chrono::milliseconds timeout_;
};

// Parses the JSON document of the container and instance-metadata endpoints.
Result<Credentials> ParseJsonCredentials(const std::string& body);

}  // namespace po::aws
