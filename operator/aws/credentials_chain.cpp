// The provider chain and the default chain's construction.
#include "operator/aws/credentials_chain.h"

#include "operator/aws/credentials_cache.h"
#include "operator/aws/credentials_container.h"
#include "operator/aws/credentials_environment.h"
#include "operator/aws/credentials_imds.h"
#include "operator/aws/credentials_profile.h"
#include "operator/aws/credentials_web_identity.h"

namespace po::aws {

ChainCredentialsProvider::ChainCredentialsProvider(
    std::vector<std::unique_ptr<CredentialsProvider>> providers)
    : providers_(std::move(providers)) {}

Result<Credentials> ChainCredentialsProvider::Get() {
  std::string tried;
  for (const auto& provider : providers_) {
    Result<Credentials> credentials = provider->Get();
    if (credentials.ok()) return credentials;
    tried += (tried.empty() ? "" : "; ") + provider->Name() + ": " + credentials.status().message();
    if (credentials.status().code() != StatusCode::kNotFound) {
      return Status(credentials.status().code(), "no credentials: " + tried);
    }
  }
  return Status(StatusCode::kUnauthenticated, "no credentials: " + tried);
}

std::unique_ptr<CredentialsProvider> MakeDefaultCredentialsChain(DefaultChainDeps deps) {
  std::vector<std::unique_ptr<CredentialsProvider>> providers;
  providers.push_back(std::make_unique<EnvironmentCredentialsProvider>(deps.env));
  providers.push_back(std::make_unique<WebIdentityCredentialsProvider>(
      deps.env, deps.files, deps.transport, deps.endpoints, deps.clock));
  providers.push_back(
      std::make_unique<ContainerCredentialsProvider>(deps.env, deps.files, deps.transport));
  providers.push_back(std::make_unique<ProfileCredentialsProvider>(deps.env, deps.files));
  providers.push_back(
      std::make_unique<InstanceMetadataCredentialsProvider>(deps.env, deps.transport));
  return std::make_unique<CachingCredentialsProvider>(
      std::make_unique<ChainCredentialsProvider>(std::move(providers)), deps.clock);
}

}  // namespace po::aws
