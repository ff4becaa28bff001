// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. Thread-safe.
#pragma once

#include "operator/aws/credentials.h"
#include "operator/aws/env_lookup.h"

namespace po::aws {

class EnvironmentCredentialsProvider final : public CredentialsProvider {
 public:
  explicit EnvironmentCredentialsProvider(EnvLookup env) : env_(std::move(env)) {}
  Result<Credentials> Get() override;
  std::string Name() const override { return "environment"; }

 private:
  EnvLookup env_;
};

}  // namespace po::aws
