// What the CacheClusterReconciler's files share: one reconcile's state (Round) and small helpers
// for conditions, status fields and ElastiCache errors. Internal to the controller; pure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "controllers/cache_cluster/reconciler.h"
#include "controllers/cache_cluster/spec.h"
#include "operator/aws/error.h"
#include "operator/runtime/conditions.h"

namespace po::controllers::cache_cluster {

struct CacheClusterReconciler::Round {
  runtime::Request request;
  std::string key;
  nlohmann::json object;
  CacheClusterSpec spec;
  std::string group_id;
  std::string connection_secret;  // written to status.connectionSecret once it exists
};

inline runtime::Condition Cond(const char* type, bool value, std::string reason,
                               std::string message) {
  return {type, std::string(value ? runtime::kConditionTrue : runtime::kConditionFalse),
          std::move(reason), std::move(message)};
}

inline std::string StatusString(const nlohmann::json& object, const char* key) {
  const nlohmann::json& status = object.contains("status") ? object["status"] : nlohmann::json();
  if (!status.is_object()) return "";
  auto it = status.find(key);
  return it != status.end() && it->is_string() ? it->get<std::string>() : "";
}

// Errors that retrying the same request cannot fix.
inline bool RequestRejected(const aws::AwsError& error) {
  return error.code.rfind("InvalidParameter", 0) == 0 ||
         error.code == "InsufficientCacheClusterCapacity" ||
         error.code == "CacheSubnetGroupNotFoundFault" ||
         error.code == "CacheParameterGroupNotFound" || error.code == "InvalidVPCNetworkStateFault";
}

}  // namespace po::controllers::cache_cluster
