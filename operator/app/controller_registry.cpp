// The list of controllers the process runs.
#include "operator/app/controller_registry.h"

namespace po::app {

Status ControllerRegistry::Add(std::string name, ControllerSetupFunc setup) {
  for (const auto& entry : entries_) {
    if (entry.name == name) {
      return Status(StatusCode::kAlreadyExists, "controller " + name + " is already registered");
    }
  }
  entries_.push_back({std::move(name), std::move(setup)});
  return Status::Ok();
}

Status ControllerRegistry::SetupAll(ControllerSetup& setup) const {
  for (const auto& entry : entries_) {
    PO_RETURN_IF_ERROR(entry.setup(setup).WithContext("setting up controller " + entry.name));
  }
  return Status::Ok();
}

}  // namespace po::app
