// Sets up the CacheCluster controller in the operator process: the shared per-region replication
// group snapshot, status client, metrics (platform_cache_*), busy-wait backoff and the reconciler,
// watching CacheClusters and the Secrets they own. Called once at start-up; not thread-safe.
#pragma once

#include "operator/app/controller_setup.h"
#include "operator/common/status.h"

namespace po::controllers::cache_cluster {

// kFailedPrecondition when the setup has no AWS clients or event recorder.
Status SetupCacheClusterController(app::ControllerSetup& setup);

}  // namespace po::controllers::cache_cluster
