// AWS credentials and the CredentialsProvider interface every source implements (environment, web
// identity, container, profile files, instance metadata, the chain and the refreshing cache).
// Credentials are immutable values; providers must be safe to call from several threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "operator/common/status.h"

namespace po::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;  // secret: never logged or put in an error
  std::string session_token;      // secret; empty for long-term keys
  // When temporary credentials stop working; empty for long-term keys.
  std::optional<std::chrono::system_clock::time_point> expiration;

  // "AKIA…XYZW" style description that is safe to log (the key id's first and last 4 characters).
  std::string Describe() const;
};

class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  // Returns credentials, or an error that says why this source has none. A source that is simply
  // not configured returns NotFound, so a chain moves on; a configured source that fails returns
  // another code (Unavailable, Unauthenticated, …).
  virtual Result<Credentials> Get() = 0;
  // Short name used in errors: "environment", "web identity", …
  virtual std::string Name() const = 0;
};

}  // namespace po::aws
