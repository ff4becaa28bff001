// ControllerSetup: what setting up a controller needs from the process — the Kubernetes client,
// the shared informers, the manager, clock, metrics registry and logger, the defaults from the
// configuration, the AWS clients and the event recorder. A bundle of references built once in Run;
// not thread-safe (used during set-up).
#pragma once

#include <string>

#include "operator/app/shared_informers.h"
#include "operator/aws/clients.h"
#include "operator/common/clock.h"
#include "operator/kube/event_recorder.h"
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
  // The AWS service clients; null where a setup runs without AWS (the runtime's own tests).
  // Controllers of AWS-backed kinds fail their set-up when it is null.
  aws::Clients* aws = nullptr;
  // Records Kubernetes Events; null where a setup runs without it (controllers then fail set-up).
  kube::EventRecorder* events = nullptr;
};

}  // namespace po::app
