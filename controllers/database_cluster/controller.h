// Sets up the DatabaseCluster controller in the operator process: the shared per-region instance
// observer, metrics, events and the reconciler, watching DatabaseClusters and the Secrets they own.
// Called once at start-up; not thread-safe.
#pragma once

#include "operator/app/controller_setup.h"
#include "operator/common/status.h"

namespace po::controllers::database_cluster {

// kFailedPrecondition when the setup carries no AWS clients or event recorder.
Status SetupDatabaseClusterController(app::ControllerSetup& setup);

}  // namespace po::controllers::database_cluster
