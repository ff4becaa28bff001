// Turns the command line into a Config, handles --help/--version and usage errors, then runs.
#include "operator/app/app.h"

#include <iostream>

#include "operator/app/run.h"
#include "operator/config/config.h"

namespace po::app {

int Main(const std::vector<std::string>& args, const ControllerRegistry& controllers) {
  auto invocation = config::ParseCommandLine(args, config::ProcessEnv(), config::DiskReader());
  if (!invocation.ok()) {
    std::cerr << "platform-operator: " << invocation.status().message() << "\n";
    return 2;
  }
  switch (invocation->action) {
    case config::Invocation::Action::kHelp:
      std::cout << config::HelpText();
      return 0;
    case config::Invocation::Action::kVersion:
      std::cout << "platform-operator " << PLATFORM_OPERATOR_VERSION << "\n";
      return 0;
    case config::Invocation::Action::kRun:
      break;
  }
  return Run(invocation->config, controllers);
}

}  // namespace po::app
