// Wakes CacheClusters when the AUTH token Secret they name changes (a Secret the user owns, so the
// owner-reference watch does not see it): an index of CacheClusters by "<namespace>/<secret>" and
// Secret event handlers that enqueue every CacheCluster in that index entry. The index function is
// pure; the handlers are thread-safe if `enqueue` is.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "operator/kube/informer.h"
#include "operator/kube/store.h"
#include "operator/runtime/reconciler.h"

namespace po::controllers::cache_cluster {

inline constexpr char kAuthSecretIndex[] = "cachecluster-auth-secret";

// {"<namespace>/<spec.auth.tokenSecretName>"} or {} without auth.
std::vector<std::string> AuthSecretIndexKeys(const nlohmann::json& cache_cluster);

// Handlers for the Secrets informer: a changed Secret enqueues the CacheClusters that `clusters`
// (the CacheCluster informer's store, indexed by kAuthSecretIndex) lists for it.
kube::EventHandlers EnqueueForAuthSecret(const kube::Store& clusters,
                                         std::function<void(const runtime::Request&)> enqueue);

}  // namespace po::controllers::cache_cluster
