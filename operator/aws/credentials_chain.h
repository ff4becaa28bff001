// ChainCredentialsProvider: asks its providers in order and returns the first credentials. A
// provider that is not configured (NotFound) passes to the next; one that is configured but fails
// stops the chain. The error names every source tried and why ("no credentials: environment:
// AWS_ACCESS_KEY_ID not set; web identity: AWS_ROLE_ARN not set; …"). MakeDefaultCredentialsChain
// builds the SDKs' default order, wrapped in the refreshing cache. Thread-safe.
#pragma once

#include <memory>
#include <vector>

#include "operator/aws/credentials.h"
#include "operator/aws/endpoints.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/http_transport.h"
#include "operator/common/clock.h"

namespace po::aws {

class ChainCredentialsProvider final : public CredentialsProvider {
 public:
  explicit ChainCredentialsProvider(std::vector<std::unique_ptr<CredentialsProvider>> providers);
  Result<Credentials> Get() override;
  std::string Name() const override { return "default chain"; }

 private:
  std::vector<std::unique_ptr<CredentialsProvider>> providers_;
};

struct DefaultChainDeps {
  EnvLookup env;
  FileReader& files;
  HttpTransport& transport;
  const EndpointResolver& endpoints;  // for the STS endpoint of web identity
  Clock& clock;
};

// environment → web identity → container (EKS Pod Identity) → shared files → IMDSv2, cached and
// refreshed 5 minutes before expiry.
std::unique_ptr<CredentialsProvider> MakeDefaultCredentialsChain(DefaultChainDeps deps);

}  // namespace po::aws
