// Keeps the workqueue_* metrics in step with the queue.
#include "operator/runtime/work_queue_metrics.h"

#include <algorithm>

namespace po::runtime {
namespace {

double Seconds(Clock::Duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

prometheus::Histogram::BucketBoundaries WorkQueueDurationBuckets() {
  prometheus::Histogram::BucketBoundaries buckets;
  double bound = 1e-8;
  for (int i = 0; i < 10; ++i, bound *= 10) buckets.push_back(bound);
  return buckets;
}

WorkQueueMetrics::WorkQueueMetrics(metrics::Registry& registry, const std::string& name,
                                   const Clock& clock)
    : clock_(clock),
      depth_(prometheus::BuildGauge()
                 .Name("workqueue_depth")
                 .Help("Current depth of workqueue")
                 .Register(registry.prom())
                 .Add({{"name", name}})),
      adds_(prometheus::BuildCounter()
                .Name("workqueue_adds_total")
                .Help("Total number of adds handled by workqueue")
                .Register(registry.prom())
                .Add({{"name", name}})),
      queue_duration_(
          prometheus::BuildHistogram()
              .Name("workqueue_queue_duration_seconds")
              .Help("How long in seconds an item stays in workqueue before being requested")
              .Register(registry.prom())
              .Add({{"name", name}}, WorkQueueDurationBuckets())),
      work_duration_(prometheus::BuildHistogram()
                         .Name("workqueue_work_duration_seconds")
                         .Help("How long in seconds processing an item from workqueue takes.")
                         .Register(registry.prom())
                         .Add({{"name", name}}, WorkQueueDurationBuckets())),
      unfinished_work_(prometheus::BuildGauge()
                           .Name("workqueue_unfinished_work_seconds")
                           .Help("How many seconds of work has been done that is in progress and "
                                 "hasn't been observed by work_duration. Large values indicate "
                                 "stuck threads. One can deduce the number of stuck threads by "
                                 "observing the rate at which this increases.")
                           .Register(registry.prom())
                           .Add({{"name", name}})),
      longest_running_(prometheus::BuildGauge()
                           .Name("workqueue_longest_running_processor_seconds")
                           .Help("How many seconds has the longest running processor for "
                                 "workqueue been running.")
                           .Register(registry.prom())
                           .Add({{"name", name}})),
      retries_(prometheus::BuildCounter()
                   .Name("workqueue_retries_total")
                   .Help("Total number of retries handled by workqueue")
                   .Register(registry.prom())
                   .Add({{"name", name}})) {}

void WorkQueueMetrics::Added(const std::string& item) {
  adds_.Increment();
  depth_.Increment();
  added_at_.try_emplace(item, clock_.Now());
}

void WorkQueueMetrics::Got(const std::string& item) {
  depth_.Decrement();
  const auto now = clock_.Now();
  started_at_[item] = now;
  if (auto it = added_at_.find(item); it != added_at_.end()) {
    queue_duration_.Observe(Seconds(now - it->second));
    added_at_.erase(it);
  }
}

void WorkQueueMetrics::Finished(const std::string& item) {
  if (auto it = started_at_.find(item); it != started_at_.end()) {
    work_duration_.Observe(Seconds(clock_.Now() - it->second));
    started_at_.erase(it);
  }
}

void WorkQueueMetrics::Retried() {
  retries_.Increment();
}

void WorkQueueMetrics::UpdateUnfinishedWork() {
  const auto now = clock_.Now();
  double total = 0;
  double oldest = 0;
  for (const auto& [item, start] : started_at_) {
    const double age = Seconds(now - start);
    total += age;
    oldest = std::max(oldest, age);
  }
  unfinished_work_.Set(total);
  longest_running_.Set(oldest);
}

}  // namespace po::runtime
