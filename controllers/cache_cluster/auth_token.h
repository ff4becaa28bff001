// AUTH token rotation as ElastiCache documents it: ModifyReplicationGroup with
// AuthTokenUpdateStrategy ROTATE (old and new token both valid), then — once the group is available
// again and the connection Secret carries the new token — SET (only the new one valid). The
// decision is a pure function of the user's token, the applied one and whether a rotation is half
// done; the requests are built here too. Pure functions.
#pragma once

#include <optional>
#include <string>

#include "operator/aws/elasticache/types.h"

namespace po::controllers::cache_cluster {

enum class AuthTokenAction {
  kNone,    // nothing to do
  kSet,     // the group has no token yet (or a rotation's second half): SET the user's token
  kRotate,  // the user's token changed: ROTATE to it
};

struct AuthTokenState {
  std::optional<std::string> user_token;     // from spec.auth's Secret; nullopt without auth
  std::optional<std::string> applied_token;  // from the connection Secret; nullopt when unknown
  bool group_auth_enabled = false;           // AuthTokenEnabled of the group
  bool rotation_pending = false;             // the AuthTokenRotation condition is True
};

AuthTokenAction DecideAuthToken(const AuthTokenState& state);

// ModifyReplicationGroup with AuthToken and AuthTokenUpdateStrategy for `action` (kSet/kRotate).
aws::elasticache::ModifyReplicationGroupMessage AuthTokenRequest(const std::string& group_id,
                                                                 AuthTokenAction action,
                                                                 const std::string& token);

}  // namespace po::controllers::cache_cluster
