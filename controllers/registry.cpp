// The binary's controller list: each kind's set-up function, in start-up order.
#include "controllers/registry.h"

#include "controllers/cache_cluster/controller.h"
#include "controllers/database_cluster/controller.h"
#include "controllers/metrics_platform/setup.h"

namespace po::controllers {

app::ControllerRegistry DefaultControllers() {
  app::ControllerRegistry registry;
  registry.Add("databasecluster", database_cluster::SetupDatabaseClusterController);
  registry.Add("cachecluster", cache_cluster::SetupCacheClusterController);
  registry.Add("metricsplatform", SetupMetricsPlatformController);
  return registry;
}

}  // namespace po::controllers
