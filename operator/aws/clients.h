// The typed AWS service clients the controllers use, as one bundle of interfaces (so controller
// tests substitute fakes), and ServiceClients, the process's real set: one signing caller (default
// credentials chain, endpoint resolution, retries, request metrics) shared by every service.
// Clients is a bundle of references; ServiceClients is thread-safe once built.
#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

#include "operator/aws/credentials.h"
#include "operator/aws/elasticache/api.h"
#include "operator/aws/endpoints.h"
#include "operator/aws/file_reader.h"
#include "operator/aws/http_transport.h"
#include "operator/aws/logs/api.h"
#include "operator/aws/random.h"
#include "operator/aws/rds/api.h"
#include "operator/aws/s3/api.h"
#include "operator/aws/signing_api_caller.h"
#include "operator/common/clock.h"

namespace po::aws {

struct Clients {
  rds::RdsApi& rds;
  elasticache::ElastiCacheApi& elasticache;
  s3::S3Api& s3;
  logs::LogsApi& logs;
  // The region for resources whose spec names none (--aws-region).
  std::string default_region;
};

class ServiceClients {
 public:
  // `endpoint_override` is --aws-endpoint-url ("" = AWS, or AWS_ENDPOINT_URL[_<SERVICE>]).
  // `clock` and `registry` must outlive this object.
  ServiceClients(const std::string& endpoint_override, std::string default_region, Clock& clock,
                 prometheus::Registry& registry);
  ~ServiceClients();

  Clients& clients() { return *clients_; }

 private:
  std::unique_ptr<HttpTransport> transport_;
  DiskFileReader files_;
  RealRandom random_;
  std::unique_ptr<EndpointResolver> endpoints_;
  std::unique_ptr<CredentialsProvider> credentials_;
  std::unique_ptr<SigningApiCaller> caller_;
  std::unique_ptr<rds::RdsApi> rds_;
  std::unique_ptr<elasticache::ElastiCacheApi> elasticache_;
  std::unique_ptr<s3::S3Api> s3_;
  std::unique_ptr<logs::LogsApi> logs_;
  std::unique_ptr<Clients> clients_;
};

}  // namespace po::aws
