// Runs the operator with a parsed Config until SIGTERM/SIGINT: logging, the metrics and health
// endpoints, the Kubernetes client, leader election and the controllers of a ControllerRegistry
// under the Manager. Call once per process (it installs the signal handling).
#pragma once

#include "operator/app/controller_registry.h"
#include "operator/config/config.h"

namespace po::app {

// Runs the controllers of `controllers`. Returns the process exit code: 0 after a graceful stop, 1
// when the settings are unusable or the manager fails (a lost lease exits the process with 1 at
// once).
int Run(const config::Config& config, const ControllerRegistry& controllers);

}  // namespace po::app
