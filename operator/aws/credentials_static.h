// StaticCredentialsProvider: always returns the credentials it was given (explicit keys from
// configuration, tests, benchmarks). Immutable; thread-safe.
#pragma once

#include "operator/aws/credentials.h"

namespace po::aws {

class StaticCredentialsProvider final : public CredentialsProvider {
 public:
  explicit StaticCredentialsProvider(Credentials credentials)
      : credentials_(std::move(credentials)) {}
  Result<Credentials> Get() override { return credentials_; }
  std::string Name() const override { return "static"; }

 private:
  const Credentials credentials_;
};

}  // namespace po::aws
