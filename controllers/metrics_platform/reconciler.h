// MetricsPlatformReconciler: converges one MetricsPlatform — observe (the object, its effective
// values) → act (children by server-side apply with owner references, log groups, the bucket,
// workloads, ingress, policies, monitoring; prune what is no longer desired) → report (status) —
// and on deletion removes children and AWS resources as the policies say before dropping the
// finalizer. Level-based and idempotent. Thread-safe (workers share it; never the same key twice
// at once).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>

#include "controllers/common/resource_metrics.h"
#include "controllers/metrics_platform/status.h"
#include "controllers/metrics_platform/storage.h"
#include "operator/aws/logs/api.h"
#include "operator/aws/s3/api.h"
#include "operator/common/clock.h"
#include "operator/kube/event_recorder.h"
#include "operator/kube/kube_client.h"
#include "operator/runtime/object_client.h"
#include "operator/runtime/reconciler.h"

namespace po::controllers::metrics_platform {

struct ReconcilerOptions {
  // Next look while the platform is not Ready (children and Deployments also enqueue it when
  // they change). Default 10 s.
  Clock::Duration not_ready_resync = std::chrono::seconds(10);
  // Next look at a Ready platform (catches connection Secret changes and drift). Default 5 min.
  Clock::Duration ready_resync = std::chrono::minutes(5);
  // Next look while deletion waits for the children to go. Default 3 s.
  Clock::Duration deletion_poll = std::chrono::seconds(3);
};

class MetricsPlatformReconciler final : public runtime::Reconciler {
 public:
  struct Deps {
    kube::KubeClient& client;
    runtime::StatusClient& status;  // for MetricsPlatforms
    aws::s3::S3Api& s3;
    aws::logs::LogsApi& logs;
    Clock& clock;
    kube::EventRecorder* events = nullptr;  // optional
    ResourceMetrics* metrics = nullptr;     // optional
  };

  MetricsPlatformReconciler(Deps deps, ReconcilerOptions options = {});

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override;

 private:
  runtime::ReconcileResult Converge(nlohmann::json platform, runtime::ReconcileContext& context);
  runtime::ReconcileResult Finalize(const nlohmann::json& platform,
                                    runtime::ReconcileContext& context);
  void Event(const nlohmann::json& object, bool warning, const std::string& reason,
             const std::string& message);

  Deps deps_;
  const ReconcilerOptions options_;
  BucketReconciler buckets_;
};

}  // namespace po::controllers::metrics_platform
