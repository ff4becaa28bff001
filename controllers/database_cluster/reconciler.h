// DatabaseClusterReconciler: converges one DatabaseCluster — observe (the shared per-region
// snapshot), gate (spec validity, ownership and adoption, busy or degraded instances), act (create
// or restore the primary, modify what drifted, rotate the password, add and remove replicas and the
// disaster-recovery replica, publish the connection Secret) and report (status, events, metrics).
// Deletion under the deletion policy lives in delete.cpp. Thread-safe: the runtime calls it from
// several workers (never twice at once for the same object).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "controllers/common/resource_metrics.h"
#include "controllers/common/status_report.h"
#include "controllers/common/wait_backoff.h"
#include "controllers/database_cluster/desired.h"
#include "controllers/database_cluster/diff.h"
#include "controllers/database_cluster/events.h"
#include "controllers/database_cluster/observe.h"
#include "controllers/database_cluster/spec.h"
#include "controllers/database_cluster/status.h"
#include "operator/aws/rds/api.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/resource.h"
#include "operator/runtime/object_client.h"
#include "operator/runtime/reconciler.h"

namespace po::controllers::database_cluster {

// platform.startup-metrics.com/v1alpha1 databaseclusters.
kube::ResourceRef DatabaseClusters();

struct ReconcilerOptions {
  // How often an in-sync cluster is looked at again to catch drift made outside. Default 30 s.
  Clock::Duration resync = std::chrono::seconds(30);
  // How long an identical ModifyDBInstance is not sent again while RDS has not reflected it yet
  // (a stale snapshot, or a change RDS ignores). Default 10 min.
  Clock::Duration modify_memory = std::chrono::minutes(10);
  // How long a requested creation that is not yet in a snapshot counts as under way. Default 1 min.
  Clock::Duration create_memory = std::chrono::minutes(1);
};

// Everything the reconciler talks to; each must outlive it.
struct ReconcilerDeps {
  kube::KubeClient& client;
  runtime::StatusClient& status;  // of DatabaseClusters
  aws::rds::RdsApi& rds;
  InstanceObserver& observer;
  EventSink& events;
  ResourceMetrics& metrics;
  WaitBackoff& backoff;
  Clock& clock;
};

class DatabaseClusterReconciler final : public runtime::Reconciler {
 public:
  DatabaseClusterReconciler(ReconcilerDeps deps, ReconcilerOptions options = {})
      : d_(deps), options_(options) {}

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override;

 private:
  struct Round;  // one reconcile's working state (reconciler.cpp)

  runtime::ReconcileResult Converge(nlohmann::json object, runtime::ReconcileContext& context);
  runtime::ReconcileResult Finalize(const nlohmann::json& object,
                                    runtime::ReconcileContext& context);  // delete.cpp

  Result<Observation> Observe(const ClusterSpec& spec, const nlohmann::json& object);
  Status CreatePrimary(Round& round);
  Status ConvergeInstance(Round& round, const DesiredInstance& desired,
                          const aws::rds::DBInstance& observed);
  Status RotatePassword(Round& round);
  Status ConvergeReplicas(Round& round);
  Status ConvergeDisasterRecovery(Round& round);
  void ReportStatusChanges(const nlohmann::json& object, const ClusterSpec& spec,
                           const Observation& observed);
  // Writes the report, and status.connectionSecret when `connection_secret` is not "".
  runtime::ReconcileResult Write(const nlohmann::json& object, const StatusReport& report,
                                 const std::string& connection_secret = "");
  // False when the same request went out less than modify_memory ago (and is remembered).
  bool ShouldSend(const std::string& identifier, const std::string& fingerprint);
  // Creations this process asked for in the last create_memory, by "region/identifier": a
  // snapshot taken just before a create does not show the instance, and must not cause another.
  bool RecentlyCreated(const std::string& key);
  void NoteCreated(const std::string& key);

  ReconcilerDeps d_;
  const ReconcilerOptions options_;
  std::mutex mu_;
  struct SentModify {
    std::string fingerprint;
    Clock::TimePoint at;
  };
  std::map<std::string, SentModify> sent_;           // by region/identifier
  std::map<std::string, Clock::TimePoint> created_;  // by region/identifier
};

// A stable text of a modification's settings (without the password), to recognise a repeat.
std::string Fingerprint(const aws::rds::ModifyDBInstanceMessage& request);

}  // namespace po::controllers::database_cluster
