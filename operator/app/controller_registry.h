// ControllerRegistry: the list of controllers the operator process runs, each a named set-up
// function that builds its controller (normally with ControllerBuilder) from the ControllerSetup.
// The binary's list is po::controllers::DefaultControllers() (controllers/registry.h). Not
// thread-safe; filled and used during start-up.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "operator/app/controller_setup.h"
#include "operator/common/status.h"

namespace po::app {

using ControllerSetupFunc = std::function<Status(ControllerSetup& setup)>;

class ControllerRegistry {
 public:
  struct Entry {
    std::string name;
    ControllerSetupFunc setup;
  };

  // kAlreadyExists when `name` is taken.
  Status Add(std::string name, ControllerSetupFunc setup);
  const std::vector<Entry>& Entries() const { return entries_; }

  // Runs every set-up in order; the first failure is returned as
  // "while setting up controller <name>: ...".
  Status SetupAll(ControllerSetup& setup) const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace po::app
