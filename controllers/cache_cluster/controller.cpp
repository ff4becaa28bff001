// Builds the CacheCluster controller's parts and registers it with the manager.
#include "controllers/cache_cluster/controller.h"

#include <memory>

#include "controllers/cache_cluster/auth_secret_watch.h"
#include "controllers/cache_cluster/observe.h"
#include "controllers/cache_cluster/reconciler.h"
#include "controllers/cache_cluster/spec.h"
#include "controllers/common/resource_metrics.h"
#include "controllers/common/wait_backoff.h"
#include "operator/app/controller_builder.h"
#include "operator/app/kube_status_client.h"

namespace po::controllers::cache_cluster {
namespace {

// Everything the reconciler refers to, kept alive as long as the reconciler.
struct Parts {
  Parts(app::ControllerSetup& setup)
      : status(setup.client, CacheClusters()),
        groups(setup.aws->elasticache, setup.clock),
        metrics(setup.registry, "cache", "ReplicationGroup"),
        reconciler(ReconcilerDeps{setup.client, status, setup.aws->elasticache, groups,
                                  *setup.events, setup.clock, metrics, backoff}) {}

  app::KubeStatusClient status;
  ReplicationGroupCache groups;
  ResourceMetrics metrics;
  WaitBackoff backoff;
  CacheClusterReconciler reconciler;
};

}  // namespace

Status SetupCacheClusterController(app::ControllerSetup& setup) {
  if (setup.aws == nullptr) return FailedPrecondition("the CacheCluster controller needs AWS");
  if (setup.events == nullptr) {
    return FailedPrecondition("the CacheCluster controller needs an event recorder");
  }
  auto parts = std::make_shared<Parts>(setup);
  // Index CacheClusters by their AUTH Secret before the controller's informer starts.
  auto clusters = setup.informers.For({CacheClusters(), setup.watch_namespace, ""});
  PO_RETURN_IF_ERROR(clusters->informer().AddIndex(kAuthSecretIndex, AuthSecretIndexKeys));
  std::shared_ptr<runtime::Reconciler> reconciler(parts, &parts->reconciler);
  auto controller = app::ControllerBuilder(setup, CacheClusters())
                        .Named("cachecluster")
                        .Owns(kube::Secrets())
                        .Complete(std::move(reconciler));
  if (!controller.ok()) return controller.status();
  // Users' AUTH Secrets are not ours, so Owns() does not see them: map them by the index.
  auto secrets = setup.informers.For({kube::Secrets(), setup.watch_namespace, ""});
  std::weak_ptr<runtime::Controller> weak = *controller;
  return secrets->AddEventHandlers(
      EnqueueForAuthSecret(clusters->GetStore(), [weak](const runtime::Request& request) {
        if (auto c = weak.lock()) c->Enqueue(request);
      }));
}

}  // namespace po::controllers::cache_cluster
