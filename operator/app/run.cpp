// Wires the operator's parts together from a Config and runs them until asked to stop.
#include "operator/app/run.h"

#include <iostream>

namespace po::app {

int Run(const config::Config& config) {
  std::cerr << "platform-operator: configuration is valid (log-format=" << config.log_format
            << ", aws-region=" << config.aws_region
            << "); the controller manager is not part of this build yet\n";
  return 1;
}

}  // namespace po::app
