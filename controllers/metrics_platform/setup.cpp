// Wiring of the MetricsPlatform controller.
#include "controllers/metrics_platform/setup.h"

#include <memory>

#include "controllers/common/resource_metrics.h"
#include "controllers/metrics_platform/reconciler.h"
#include "controllers/metrics_platform/resources.h"
#include "operator/app/controller_builder.h"
#include "operator/app/kube_status_client.h"

namespace po::controllers {

namespace {

using metrics_platform::MetricsPlatformReconciler;

// Owns what the reconciler references, for the life of the process.
class OwningReconciler final : public runtime::Reconciler {
 public:
  explicit OwningReconciler(app::ControllerSetup& setup)
      : status_(setup.client, metrics_platform::MetricsPlatforms()),
        metrics_(setup.registry, "metrics_platform", "MetricsPlatformAwsResource"),
        inner_({.client = setup.client,
                .status = status_,
                .s3 = setup.aws->s3,
                .logs = setup.aws->logs,
                .clock = setup.clock,
                .events = setup.events,
                .metrics = &metrics_}) {}

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override {
    return inner_.Reconcile(request, context);
  }

 private:
  app::KubeStatusClient status_;
  ResourceMetrics metrics_;
  MetricsPlatformReconciler inner_;
};

}  // namespace

Status SetupMetricsPlatformController(app::ControllerSetup& setup) {
  if (setup.aws == nullptr || setup.events == nullptr) {
    return FailedPrecondition("the MetricsPlatform controller needs AWS clients and events");
  }
  auto built = app::ControllerBuilder(setup, metrics_platform::MetricsPlatforms())
                   .Owns(metrics_platform::DatabaseClusters())
                   .Owns(metrics_platform::CacheClusters())
                   .Owns(metrics_platform::Deployments())
                   .Complete(std::make_shared<OwningReconciler>(setup));
  return built.ok() ? Status::Ok() : built.status();
}

}  // namespace po::controllers
