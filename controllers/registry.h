// The controllers the platform-operator binary runs, one entry per custom resource kind.
// Not thread-safe; called once at start-up.
#pragma once

#include "operator/app/controller_registry.h"

namespace po::controllers {

app::ControllerRegistry DefaultControllers();

}  // namespace po::controllers
