// The work queue: a FIFO of dirty keys, a processing set, and a heap of delayed keys.
#include "operator/runtime/work_queue.h"

#include <algorithm>

namespace po::runtime {

WorkQueue::WorkQueue(const Clock& clock, std::unique_ptr<RateLimiter> rate_limiter,
                     std::unique_ptr<WorkQueueMetrics> metrics, WorkQueueOptions options)
    : clock_(clock),
      rate_limiter_(std::move(rate_limiter)),
      metrics_(std::move(metrics)),
      options_(options) {
  if (metrics_) metrics_thread_ = std::thread([this] { UnfinishedWorkLoop(); });
}

WorkQueue::~WorkQueue() {
  ShutDown();
  if (metrics_thread_.joinable()) metrics_thread_.join();
}

void WorkQueue::AddLocked(const std::string& key) {
  if (shutting_down_) return;
  if (dirty_.count(key)) return;
  if (metrics_) metrics_->Added(key);
  dirty_.insert(key);
  if (processing_.count(key)) return;
  queue_.push_back(key);
  cond_.notify_one();
}

void WorkQueue::Add(const std::string& key) {
  std::lock_guard lock(mu_);
  AddLocked(key);
}

void WorkQueue::AddAfter(const std::string& key, Duration delay) {
  std::lock_guard lock(mu_);
  if (shutting_down_) return;
  if (metrics_) metrics_->Retried();
  if (delay <= Duration::zero()) {
    AddLocked(key);
    return;
  }
  const auto ready = clock_.Now() + delay;
  auto [it, inserted] = waiting_ready_.try_emplace(key, ready);
  if (!inserted) {
    if (ready >= it->second) return;  // an earlier ready time is already set
    it->second = ready;               // the older heap entry is now stale and will be skipped
  }
  waiting_.push({ready, seq_++, key});
  cond_.notify_all();  // a blocked Get may need to wake earlier
}

void WorkQueue::AddRateLimited(const std::string& key) {
  AddAfter(key, rate_limiter_->When(key));
}

void WorkQueue::Forget(const std::string& key) {
  rate_limiter_->Forget(key);
}

int WorkQueue::NumRequeues(const std::string& key) const {
  return rate_limiter_->NumRequeues(key);
}

void WorkQueue::PromoteReadyLocked() {
  const auto now = clock_.Now();
  while (!waiting_.empty() && waiting_.top().ready <= now) {
    Waiting entry = waiting_.top();
    waiting_.pop();
    auto it = waiting_ready_.find(entry.key);
    if (it == waiting_ready_.end() || it->second != entry.ready) continue;  // stale entry
    waiting_ready_.erase(it);
    AddLocked(entry.key);
  }
}

std::optional<std::string> WorkQueue::Get() {
  std::unique_lock lock(mu_);
  while (true) {
    PromoteReadyLocked();
    if (!queue_.empty() || shutting_down_) break;
    if (waiting_.empty()) {
      cond_.wait(lock);
    } else {
      const auto until_ready = waiting_.top().ready - clock_.Now();
      cond_.wait_for(lock, std::clamp(until_ready, Duration::zero(), options_.max_wait));
    }
  }
  if (queue_.empty()) return std::nullopt;  // shut down and nothing left
  std::string key = std::move(queue_.front());
  queue_.pop_front();
  if (metrics_) metrics_->Got(key);
  processing_.insert(key);
  dirty_.erase(key);
  return key;
}

void WorkQueue::Done(const std::string& key) {
  std::lock_guard lock(mu_);
  if (metrics_) metrics_->Finished(key);
  processing_.erase(key);
  if (dirty_.count(key)) {
    queue_.push_back(key);
    cond_.notify_one();
  } else if (processing_.empty()) {
    drained_.notify_all();
  }
}

size_t WorkQueue::Len() {
  std::lock_guard lock(mu_);
  PromoteReadyLocked();
  return queue_.size();
}

size_t WorkQueue::Processing() const {
  std::lock_guard lock(mu_);
  return processing_.size();
}

void WorkQueue::ShutDown() {
  std::lock_guard lock(mu_);
  shutting_down_ = true;
  waiting_ = {};
  waiting_ready_.clear();
  cond_.notify_all();
  stop_metrics_.notify_all();
}

void WorkQueue::ShutDownWithDrain() {
  ShutDown();
  std::unique_lock lock(mu_);
  drained_.wait(lock, [this] { return processing_.empty(); });
}

bool WorkQueue::ShuttingDown() const {
  std::lock_guard lock(mu_);
  return shutting_down_;
}

void WorkQueue::UpdateUnfinishedWork() {
  std::lock_guard lock(mu_);
  if (metrics_) metrics_->UpdateUnfinishedWork();
}

void WorkQueue::UnfinishedWorkLoop() {
  std::unique_lock lock(mu_);
  while (!shutting_down_) {
    stop_metrics_.wait_for(lock, options_.unfinished_work_update_period);
    if (metrics_) metrics_->UpdateUnfinishedWork();
  }
}

}  // namespace po::runtime
