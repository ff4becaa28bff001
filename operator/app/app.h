// The operator process from argv to exit code: parse settings, then build and run the manager.
// Kept out of main.cpp so tests link the same code the binary runs. Call once per process.
#pragma once

#include <string>
#include <vector>

namespace po::app {

// Exit codes: 0 success, 1 runtime failure, 2 bad command line.
int Main(const std::vector<std::string>& args);

}  // namespace po::app
