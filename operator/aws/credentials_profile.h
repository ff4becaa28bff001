// Shared-file credentials: the profile named by AWS_PROFILE (else "default") from the credentials
// file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials), then from the config file
// (AWS_CONFIG_FILE, else ~/.aws/config, section "[profile name]" or "[default]"). Thread-safe.
#pragma once

#include <map>
#include <string>

#include "operator/aws/credentials.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/file_reader.h"

namespace po::aws {

class ProfileCredentialsProvider final : public CredentialsProvider {
 public:
  ProfileCredentialsProvider(EnvLookup env, FileReader& files)
      : env_(std::move(env)), files_(files) {}
  Result<Credentials> Get() override;
  std::string Name() const override { return "shared credentials file"; }

 private:
  EnvLookup env_;
  FileReader& files_;
};

// Section name -> key -> value of an INI file as the AWS CLI writes it (keys lower-cased,
// "#" and ";" comments ignored).
std::map<std::string, std::map<std::string, std::string>> ParseIni(const std::string& text);

}  // namespace po::aws
