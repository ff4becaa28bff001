// Reconcilers for controller and manager tests: one that plays back a script of results (and
// records every call), and one that blocks until released (for shutdown tests). Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "operator/runtime/reconciler.h"

namespace po::testing {

// Returns the scripted results in order (Done once the script runs out); a scripted "throw" step
// throws std::runtime_error. Records each request with its reconcile ID.
class ScriptedReconciler final : public runtime::Reconciler {
 public:
  struct Step {
    std::optional<runtime::ReconcileResult> result;  // empty = throw
    std::function<void(runtime::ReconcileContext&)> action;
  };
  struct Call {
    runtime::Request request;
    std::string reconcile_id;
  };

  void Then(runtime::ReconcileResult result) {
    std::lock_guard lock(mu_);
    steps_.push_back({std::move(result), nullptr});
  }
  void ThenThrow() {
    std::lock_guard lock(mu_);
    steps_.push_back({std::nullopt, nullptr});
  }
  void ThenDo(std::function<void(runtime::ReconcileContext&)> action) {
    std::lock_guard lock(mu_);
    steps_.push_back({runtime::ReconcileResult::Done(), std::move(action)});
  }

  runtime::ReconcileResult Reconcile(const runtime::Request& request,
                                     runtime::ReconcileContext& context) override {
    Step step{runtime::ReconcileResult::Done(), nullptr};
    {
      std::lock_guard lock(mu_);
      calls_.push_back({request, context.reconcile_id()});
      if (!steps_.empty()) {
        step = std::move(steps_.front());
        steps_.pop_front();
      }
    }
    if (step.action) step.action(context);
    if (!step.result) throw std::runtime_error("boom");
    return *step.result;
  }

  std::vector<Call> calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }

 private:
  mutable std::mutex mu_;
  std::deque<Step> steps_;
  std::vector<Call> calls_;
};

// Blocks every reconcile until Release(); counts started and finished reconciles.
class BlockingReconciler final : public runtime::Reconciler {
 public:
  runtime::ReconcileResult Reconcile(const runtime::Request&, runtime::ReconcileContext&) override {
    std::unique_lock lock(mu_);
    ++started_;
    cond_.notify_all();
    cond_.wait(lock, [this] { return released_; });
    ++finished_;
    cond_.notify_all();
    return runtime::ReconcileResult::Done();
  }

  void Release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cond_.notify_all();
  }
  bool WaitStarted(int n) {
    std::unique_lock lock(mu_);
    return cond_.wait_for(lock, std::chrono::seconds(10), [&] { return started_ >= n; });
  }
  bool WaitFinished(int n) {
    std::unique_lock lock(mu_);
    return cond_.wait_for(lock, std::chrono::seconds(10), [&] { return finished_ >= n; });
  }
  int finished() const {
    std::lock_guard lock(mu_);
    return finished_;
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cond_;
  bool released_ = false;
  int started_ = 0;
  int finished_ = 0;
};

}  // namespace po::testing
