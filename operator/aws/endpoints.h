// Resolves the base URL of a service in a region: the standard regional endpoint
// (https://rds.us-east-1.amazonaws.com), or an override — per service (AWS_ENDPOINT_URL_RDS, …)
// winning over the global one (the --aws-endpoint-url flag, else AWS_ENDPOINT_URL), as the SDKs do.
// Immutable after construction; thread-safe.
#pragma once

#include <string>

#include "operator/aws/env_lookup.h"
#include "operator/common/status.h"

namespace po::aws {

struct Endpoint {
  std::string scheme;     // "https", or "http" for an explicit override
  std::string authority;  // host[:port], the value of the Host header
  std::string base_path;  // path prefix of an override ("" or "/prefix"), no trailing slash
  bool overridden = false;

  std::string BaseUrl() const { return scheme + "://" + authority + base_path; }
};

class EndpointResolver {
 public:
  // `global_override` is the --aws-endpoint-url flag ("" when not given).
  EndpointResolver(std::string global_override, EnvLookup env);

  // `service` is the signing name: rds, elasticache, s3, eks, sts, logs. Fails for a malformed
  // override URL.
  Result<Endpoint> Resolve(const std::string& service, const std::string& region) const;

  // "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS" for "logs", "AWS_ENDPOINT_URL_RDS" for "rds", …
  static std::string ServiceEnvVar(const std::string& service);

 private:
  std::string global_override_;
  EnvLookup env_;
};

// Parses "http://127.0.0.1:5000/prefix" into an Endpoint (overridden = true).
Result<Endpoint> ParseEndpointUrl(const std::string& url);

}  // namespace po::aws
