// Builds the DatabaseCluster controller from the process's ControllerSetup.
#include "controllers/database_cluster/controller.h"

#include <memory>

#include "controllers/database_cluster/reconciler.h"
#include "operator/app/controller_builder.h"
#include "operator/app/kube_status_client.h"

namespace po::controllers::database_cluster {
namespace {

// The reconciler with everything it depends on, kept alive by the controller.
class OwningReconciler final : public runtime::Reconciler {
 public:
  explicit OwningReconciler(app::ControllerSetup& setup)
      : status_(setup.client, DatabaseClusters()),
        observer_(setup.aws->rds, setup.clock),
        events_(*setup.events),
        metrics_(setup.registry, "database", "DBInstance"),
        reconciler_(ReconcilerDeps{setup.client, status_, setup.aws->rds, observer_, events_,
                                   metrics_, backoff_, setup.clock}) {}

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override {
    return reconciler_.Reconcile(request, context);
  }

 private:
  app::KubeStatusClient status_;
  InstanceObserver observer_;
  RecorderEventSink events_;
  ResourceMetrics metrics_;
  WaitBackoff backoff_;
  DatabaseClusterReconciler reconciler_;
};

}  // namespace

Status SetupDatabaseClusterController(app::ControllerSetup& setup) {
  if (setup.aws == nullptr || setup.events == nullptr) {
    return FailedPrecondition("the DatabaseCluster controller needs AWS clients and events");
  }
  auto controller = app::ControllerBuilder(setup, DatabaseClusters())
                        .Owns(kube::Secrets())
                        .Complete(std::make_shared<OwningReconciler>(setup));
  if (!controller.ok()) {
    return controller.status().WithContext("while setting up the DatabaseCluster controller");
  }
  return Status::Ok();
}

}  // namespace po::controllers::database_cluster
