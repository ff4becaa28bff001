// Decides and builds AUTH token changes (ROTATE, then SET).
#include "controllers/cache_cluster/auth_token.h"

namespace po::controllers::cache_cluster {

AuthTokenAction DecideAuthToken(const AuthTokenState& s) {
  if (!s.user_token) return AuthTokenAction::kNone;
  if (!s.group_auth_enabled) return AuthTokenAction::kSet;
  if (s.applied_token && *s.applied_token != *s.user_token) return AuthTokenAction::kRotate;
  if (s.rotation_pending) return AuthTokenAction::kSet;
  return AuthTokenAction::kNone;
}

aws::elasticache::ModifyReplicationGroupMessage AuthTokenRequest(const std::string& group_id,
                                                                 AuthTokenAction action,
                                                                 const std::string& token) {
  aws::elasticache::ModifyReplicationGroupMessage m;
  m.ReplicationGroupId = group_id;
  m.ApplyImmediately = true;
  m.AuthToken = token;
  m.AuthTokenUpdateStrategy = action == AuthTokenAction::kRotate ? "ROTATE" : "SET";
  return m;
}

}  // namespace po::controllers::cache_cluster
