// The operator process from argv to exit code: parse settings, then build and run the manager.
// Kept out of main.cpp so tests link the same code the binary runs. Call once per process.
#pragma once

#include <string>
#include <vector>

#include "operator/app/controller_registry.h"

namespace po::app {

// Runs `controllers`. Exit codes: 0 success, 1 runtime failure, 2 bad command line.
int Main(const std::vector<std::string>& args, const ControllerRegistry& controllers);

}  // namespace po::app
