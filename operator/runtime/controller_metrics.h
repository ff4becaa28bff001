// One controller's Prometheus metrics under controller-runtime's names, labelled
// controller=<name>: controller_runtime_reconcile_total{result}, _reconcile_errors_total,
// _terminal_reconcile_errors_total, _reconcile_panics_total, _reconcile_time_seconds,
// _max_concurrent_reconciles, _active_workers. Every series is created (at 0) on construction.
// Thread-safe.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include <string>

#include "operator/metrics/registry.h"

namespace po::runtime {

struct ControllerMetrics {
  ControllerMetrics(metrics::Registry& registry, const std::string& controller,
                    int max_concurrent_reconciles);

  prometheus::Counter& total_success;
  prometheus::Counter& total_error;
  prometheus::Counter& total_requeue;
  prometheus::Counter& total_requeue_after;
  prometheus::Counter& errors;
  prometheus::Counter& terminal_errors;
  prometheus::Counter& panics;
  prometheus::Histogram& reconcile_time;
  prometheus::Gauge& max_concurrent_reconciles;
  prometheus::Gauge& active_workers;
};

// controller-runtime's buckets for controller_runtime_reconcile_time_seconds.
prometheus::Histogram::BucketBoundaries ReconcileTimeBuckets();

}  // namespace po::runtime
