// The work queue's Prometheus metrics under client-go's names, labelled name=<queue name>:
// workqueue_depth, _adds_total, _queue_duration_seconds, _work_duration_seconds,
// _unfinished_work_seconds, _longest_running_processor_seconds, _retries_total.
// Called by WorkQueue under its own lock; the metric updates themselves are thread-safe.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include <map>
#include <string>

#include "operator/common/clock.h"
#include "operator/metrics/registry.h"

namespace po::runtime {

class WorkQueueMetrics {
 public:
  WorkQueueMetrics(metrics::Registry& registry, const std::string& name, const Clock& clock);

  void Added(const std::string& item);     // an item entered the queue
  void Got(const std::string& item);       // a worker took it
  void Finished(const std::string& item);  // the worker called Done
  void Retried();                          // AddAfter / AddRateLimited
  void UpdateUnfinishedWork();             // refreshes the two in-progress gauges

 private:
  const Clock& clock_;
  prometheus::Gauge& depth_;
  prometheus::Counter& adds_;
  prometheus::Histogram& queue_duration_;
  prometheus::Histogram& work_duration_;
  prometheus::Gauge& unfinished_work_;
  prometheus::Gauge& longest_running_;
  prometheus::Counter& retries_;
  std::map<std::string, Clock::TimePoint> added_at_;
  std::map<std::string, Clock::TimePoint> started_at_;
};

// client-go's buckets for queue and work durations: ExponentialBuckets(1e-8, 10, 10).
prometheus::Histogram::BucketBoundaries WorkQueueDurationBuckets();

}  // namespace po::runtime
