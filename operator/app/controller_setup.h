// ControllerSetup: what setting up a controller needs from the process — the Kubernetes client,
// the shared informers, the manager, clock, metrics registry and logger, and the defaults from the
// configuration. A bundle of references built once in Run; not thread-safe (used during set-up).
#pragma once

#include <string>

#include "operator/app/shared_informers.h"
#include "operator/common/clock.h"
#include "operator/kube/kube_client.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/log.h"
#include "operator/runtime/manager.h"

namespace po::app {

struct ControllerSetup {
  kube::KubeClient& client;
  SharedInformers& informers;
  runtime::Manager& manager;
  Clock& clock;
  metrics::Registry& registry;
  runtime::Logger logger;
  // Namespace to watch (--namespace); "" = all namespaces.
  std::string watch_namespace;
  // Worker threads per controller (--max-concurrent-reconciles). Default 1.
  int max_concurrent_reconciles = 1;
};

}  // namespace po::app
