// platform-operator's entry point: the process lives in po_app, the controllers in po_controllers.
#include <string>
#include <vector>

#include "controllers/registry.h"
#include "operator/app/app.h"

int main(int argc, char** argv) {
  return po::app::Main(std::vector<std::string>(argv + 1, argv + argc),
                       po::controllers::DefaultControllers());
}
