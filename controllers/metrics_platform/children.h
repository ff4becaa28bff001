// The platform's owned DatabaseCluster and CacheCluster: their desired objects (spec = the
// effective database and cache settings) and the roll-up of their status. Pure functions;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform {

nlohmann::json DesiredDatabaseCluster(const nlohmann::json& platform, const Effective& effective);
nlohmann::json DesiredCacheCluster(const nlohmann::json& platform, const Effective& effective);

// What the platform needs to know of a child: whether it is Ready, a one-line summary, and the
// Secret with its connection details ("" until the child publishes it).
struct ChildSummary {
  bool exists = false;
  bool ready = false;
  std::string reason;   // CamelCase, for the platform's condition
  std::string message;  // human readable
  std::string connection_secret;
  std::string endpoint;  // "host:port", "" until known
};

// `child` is the observed object, or null when it does not exist yet. `what` names it in messages
// ("database", "cache").
ChildSummary SummarizeChild(const nlohmann::json& child, const std::string& what);

}  // namespace po::controllers::metrics_platform
