// Runs the operator with a parsed Config until SIGTERM/SIGINT: logging, metrics and health
// endpoints, the Kubernetes and AWS clients, the controllers. Call once per process.
#pragma once

#include "operator/config/config.h"

namespace po::app {

// Returns the process exit code.
int Run(const config::Config& config);

}  // namespace po::app
