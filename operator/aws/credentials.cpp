// Credentials' loggable description.
#include "operator/aws/credentials.h"

namespace po::aws {

std::string Credentials::Describe() const {
  const std::string& id = access_key_id;
  if (id.size() <= 8) return "access key " + std::string(id.empty() ? "(none)" : "****");
  return "access key " + id.substr(0, 4) + "…" + id.substr(id.size() - 4) +
         (session_token.empty() ? "" : " (temporary)");
}

}  // namespace po::aws
