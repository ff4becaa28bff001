// The process's real AWS service clients over one signing caller.
#include "operator/aws/clients.h"

#include "operator/aws/cpprest_http_transport.h"
#include "operator/aws/credentials_chain.h"
#include "operator/aws/elasticache/client.h"
#include "operator/aws/env_lookup.h"
#include "operator/aws/logs/client.h"
#include "operator/aws/rds/client.h"
#include "operator/aws/s3/client.h"

namespace po::aws {

ServiceClients::ServiceClients(const std::string& endpoint_override, std::string default_region,
                               Clock& clock, prometheus::Registry& registry)
    : transport_(std::make_unique<CpprestHttpTransport>()),
      endpoints_(std::make_unique<EndpointResolver>(endpoint_override, ProcessEnvironment())) {
  credentials_ = MakeDefaultCredentialsChain(
      DefaultChainDeps{ProcessEnvironment(), files_, *transport_, *endpoints_, clock});
  caller_ = std::make_unique<SigningApiCaller>(
      ApiCallerDeps{*transport_, *credentials_, *endpoints_, clock, random_, registry});
  rds_ = std::make_unique<rds::RdsClient>(*caller_);
  elasticache_ = std::make_unique<elasticache::ElastiCacheClient>(*caller_);
  s3_ = std::make_unique<s3::S3Client>(*caller_);
  logs_ = std::make_unique<logs::LogsClient>(*caller_);
  clients_ = std::make_unique<Clients>(
      Clients{*rds_, *elasticache_, *s3_, *logs_, std::move(default_region)});
}

ServiceClients::~ServiceClients() = default;

}  // namespace po::aws
