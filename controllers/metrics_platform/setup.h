// Sets up the MetricsPlatform controller in the operator process: the reconciler with the
// process's Kubernetes and AWS clients, watches of MetricsPlatforms and of the children that
// report progress (DatabaseClusters, CacheClusters, Deployments). Called once at start-up; not
// thread-safe.
#pragma once

#include "operator/app/controller_setup.h"
#include "operator/common/status.h"

namespace po::controllers {

// kFailedPrecondition when the setup has no AWS clients or event recorder.
Status SetupMetricsPlatformController(app::ControllerSetup& setup);

}  // namespace po::controllers
