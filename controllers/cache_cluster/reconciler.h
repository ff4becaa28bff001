// CacheClusterReconciler: converges one CacheCluster to an ElastiCache replication group —
// observe (the region's shared DescribeReplicationGroups snapshot), gate (ownership, busy states,
// observations older than our last change), act (create, one planned change, or one AUTH token
// step) and report (status, connection Secret, events, metrics); on deletion, applies
// deletionPolicy before releasing the finalizer. Tags added or changed in spec.tags reach the
// group; tags removed from spec.tags stay on it. Thread-safe: the runtime may call it from several
// workers, never twice at once for the same key.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "controllers/cache_cluster/observe.h"
#include "controllers/cache_cluster/spec.h"
#include "controllers/common/resource_metrics.h"
#include "controllers/common/status_report.h"
#include "controllers/common/wait_backoff.h"
#include "operator/aws/elasticache/api.h"
#include "operator/kube/event_recorder.h"
#include "operator/kube/kube_client.h"
#include "operator/runtime/object_client.h"
#include "operator/runtime/reconciler.h"

namespace po::controllers::cache_cluster {

struct ReconcilerOptions {
  // How long to wait before looking again at a group that is in sync. Default 5 min.
  Clock::Duration resync = std::chrono::minutes(5);
  // How long to wait when the observation predates our last change. Default 1 s.
  Clock::Duration settle = std::chrono::seconds(1);
  // Makes AUTH tokens for a spec.auth Secret that does not exist. Default: GeneratePassword(32).
  std::function<Result<std::string>()> generate_token;
};

// What the reconciler works with; every reference must outlive it.
struct ReconcilerDeps {
  kube::KubeClient& client;
  runtime::StatusClient& status;  // for CacheClusters
  aws::elasticache::ElastiCacheApi& api;
  ReplicationGroupCache& groups;
  kube::EventRecorder& events;
  Clock& clock;
  ResourceMetrics& metrics;
  WaitBackoff& backoff;
};

class CacheClusterReconciler final : public runtime::Reconciler {
 public:
  CacheClusterReconciler(ReconcilerDeps deps, ReconcilerOptions options = {});

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override;

 private:
  struct Round;  // one reconcile's state; defined in reconciler.cpp

  runtime::ReconcileResult Converge(Round& round);
  runtime::ReconcileResult Delete(Round& round);
  runtime::ReconcileResult Create(Round& round);
  runtime::ReconcileResult ConvergeExisting(Round& round,
                                            const aws::elasticache::ReplicationGroup& group);
  // Ours, adopted now, or (kFailedPrecondition) not ours to touch.
  Status CheckOwnership(Round& round, const aws::elasticache::ReplicationGroup& group);
  Result<std::optional<std::string>> AuthToken(Round& round);
  // Adds spec.tags (and the ownership tags) missing from the group, once per spec generation.
  Status ApplyTags(Round& round, const aws::elasticache::ReplicationGroup& group);
  runtime::ReconcileResult Report(Round& round, StatusReport report,
                                  runtime::ReconcileResult result);
  void Event(const Round& round, kube::EventType type, const std::string& reason,
             const std::string& message);

  // The last ElastiCache change made for a key, to ignore observations older than it.
  void NoteAction(const std::string& key, const std::string& region);
  bool ObservedBeforeLastAction(const std::string& key, Clock::TimePoint fetch_started);
  void ForgetKey(const std::string& key);

  ReconcilerDeps deps_;
  ReconcilerOptions options_;
  std::mutex mu_;
  std::map<std::string, Clock::TimePoint> last_action_;
  // The spec generation whose tags were last applied, per key.
  std::map<std::string, std::int64_t> tags_applied_;
};

}  // namespace po::controllers::cache_cluster
