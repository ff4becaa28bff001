// The binary's controller list: each kind's set-up function, in start-up order.
#include "controllers/registry.h"

namespace po::controllers {

app::ControllerRegistry DefaultControllers() {
  app::ControllerRegistry registry;
  return registry;
}

}  // namespace po::controllers
