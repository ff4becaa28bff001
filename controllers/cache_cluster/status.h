// The CacheCluster status a reconcile reports: the phase for an ElastiCache status, the endpoint
// fields and shards[] of an observed group, and the Ready/Synced/Degraded conditions. Pure
// functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "controllers/cache_cluster/diff.h"
#include "controllers/cache_cluster/observed.h"
#include "controllers/common/status_report.h"

namespace po::controllers::cache_cluster {

inline constexpr char kConditionReady[] = "Ready";
inline constexpr char kConditionSynced[] = "Synced";
inline constexpr char kConditionDegraded[] = "Degraded";
// True between the ROTATE and the SET of an AUTH token rotation.
inline constexpr char kConditionAuthTokenRotation[] = "AuthTokenRotation";

// The phase for ElastiCache's group status ("creating" → Creating, "available" → Available, …).
std::string PhaseFor(const std::string& group_status);

// endpoint, configurationEndpoint, readerEndpoint, shards[] and arn of `observed`.
nlohmann::json ObservedStatusFields(const ObservedGroup& observed);

// The report for a group seen in `observed`, given its diff against the spec: phase, fields and
// the Ready, Synced and Degraded conditions. `acting` names the step being taken ("" for none).
StatusReport GroupReport(const ObservedGroup& observed, const GroupDiff& diff,
                         const std::string& acting);

}  // namespace po::controllers::cache_cluster
