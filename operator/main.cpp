// platform-operator's entry point: everything it does lives in po_app.
#include <string>
#include <vector>

#include "operator/app/app.h"

int main(int argc, char** argv) {
  return po::app::Main(std::vector<std::string>(argv + 1, argv + argc));
}
