// The contract between the generic controller runtime and per-resource logic: a Reconciler gets a
// Request (namespace/name) and returns a ReconcileResult the controller interprets — done, requeue
// after a delay, retry with backoff, or a terminal error. Reconcilers are called from several
// worker threads at once (never twice for the same key at the same time) and must be thread-safe.
#pragma once

#include <atomic>
#include <string>
#include <utility>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/runtime/log.h"

namespace po::runtime {

// The object to reconcile. Cluster-scoped objects have an empty namespace.
struct Request {
  std::string ns;
  std::string name;

  // "namespace/name", or "name" when cluster-scoped (client-go's MetaNamespaceKeyFunc).
  std::string Key() const { return ns.empty() ? name : ns + "/" + name; }
  static Request FromKey(const std::string& key);
  bool operator==(const Request&) const = default;
};

inline Request Request::FromKey(const std::string& key) {
  const auto slash = key.find('/');
  if (slash == std::string::npos) return {"", key};
  return {key.substr(0, slash), key.substr(slash + 1)};
}

class ReconcileResult {
 public:
  enum class Kind {
    kDone,            // in sync; wait for the next event
    kRequeue,         // run again after the rate limiter's backoff, without an error
    kRequeueAfter,    // run again after `requeue_after`
    kRetryableError,  // failed; retry with the rate limiter's backoff
    kTerminalError,   // failed in a way retrying cannot fix; not retried
  };

  static ReconcileResult Done() { return ReconcileResult(Kind::kDone); }
  static ReconcileResult Requeue() { return ReconcileResult(Kind::kRequeue); }
  static ReconcileResult RequeueAfter(Clock::Duration after) {
    ReconcileResult r(Kind::kRequeueAfter);
    r.requeue_after_ = after;
    return r;
  }
  static ReconcileResult RetryableError(Status error) {
    ReconcileResult r(Kind::kRetryableError);
    r.error_ = std::move(error);
    return r;
  }
  static ReconcileResult TerminalError(Status error) {
    ReconcileResult r(Kind::kTerminalError);
    r.error_ = std::move(error);
    return r;
  }

  Kind kind() const { return kind_; }
  Clock::Duration requeue_after() const { return requeue_after_; }
  const Status& error() const { return error_; }

 private:
  explicit ReconcileResult(Kind kind) : kind_(kind) {}
  Kind kind_;
  Clock::Duration requeue_after_{};
  Status error_;
};

// What one reconcile gets besides the request: a logger already carrying controller, namespace,
// name and reconcileID, the reconcile's ID, and a flag raised when the manager is shutting down
// (long reconciles should check it and return early).
class ReconcileContext {
 public:
  ReconcileContext(Logger logger, std::string reconcile_id, const std::atomic<bool>& stopping)
      : logger_(std::move(logger)), reconcile_id_(std::move(reconcile_id)), stopping_(stopping) {}

  const Logger& log() const { return logger_; }
  const std::string& reconcile_id() const { return reconcile_id_; }
  bool Stopping() const { return stopping_.load(); }

 private:
  Logger logger_;
  std::string reconcile_id_;
  const std::atomic<bool>& stopping_;
};

class Reconciler {
 public:
  virtual ~Reconciler() = default;
  virtual ReconcileResult Reconcile(const Request& request, ReconcileContext& context) = 0;
};

}  // namespace po::runtime
