// Environment-variable credentials.
#include "operator/aws/credentials_environment.h"

namespace po::aws {

Result<Credentials> EnvironmentCredentialsProvider::Get() {
  auto id = env_("AWS_ACCESS_KEY_ID");
  if (!id) return NotFound("AWS_ACCESS_KEY_ID not set");
  auto secret = env_("AWS_SECRET_ACCESS_KEY");
  if (!secret) return NotFound("AWS_ACCESS_KEY_ID set but AWS_SECRET_ACCESS_KEY not set");
  Credentials credentials;
  credentials.access_key_id = *id;
  credentials.secret_access_key = *secret;
  credentials.session_token = env_("AWS_SESSION_TOKEN").value_or("");
  return credentials;
}

}  // namespace po::aws
