// Registers and initialises a controller's controller_runtime_* series.
#include "operator/runtime/controller_metrics.h"

namespace po::runtime {
namespace {

prometheus::Family<prometheus::Counter>& ReconcileTotal(metrics::Registry& registry) {
  return prometheus::BuildCounter()
      .Name("controller_runtime_reconcile_total")
      .Help("Total number of reconciliations per controller")
      .Register(registry.prom());
}

prometheus::Counter& ControllerCounter(metrics::Registry& registry, const std::string& name,
                                       const std::string& help, const std::string& controller) {
  return prometheus::BuildCounter()
      .Name(name)
      .Help(help)
      .Register(registry.prom())
      .Add({{"controller", controller}});
}

prometheus::Gauge& ControllerGauge(metrics::Registry& registry, const std::string& name,
                                   const std::string& help, const std::string& controller) {
  return prometheus::BuildGauge()
      .Name(name)
      .Help(help)
      .Register(registry.prom())
      .Add({{"controller", controller}});
}

}  // namespace

prometheus::Histogram::BucketBoundaries ReconcileTimeBuckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1,  0.15, 0.2,  0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6,
          0.7,   0.8,  0.9,   1.0,  1.25, 1.5,  1.75, 2.0,  2.5, 3.0,  3.5, 4.0,  4.5, 5,
          6,     7,    8,     9,    10,   15,   20,   25,   30,  40,   50,  60};
}

ControllerMetrics::ControllerMetrics(metrics::Registry& registry, const std::string& controller,
                                     int max_concurrent)
    : total_success(
          ReconcileTotal(registry).Add({{"controller", controller}, {"result", "success"}})),
      total_error(ReconcileTotal(registry).Add({{"controller", controller}, {"result", "error"}})),
      total_requeue(
          ReconcileTotal(registry).Add({{"controller", controller}, {"result", "requeue"}})),
      total_requeue_after(
          ReconcileTotal(registry).Add({{"controller", controller}, {"result", "requeue_after"}})),
      errors(ControllerCounter(registry, "controller_runtime_reconcile_errors_total",
                               "Total number of reconciliation errors per controller", controller)),
      terminal_errors(ControllerCounter(
          registry, "controller_runtime_terminal_reconcile_errors_total",
          "Total number of terminal reconciliation errors per controller", controller)),
      panics(ControllerCounter(registry, "controller_runtime_reconcile_panics_total",
                               "Total number of reconciliation panics per controller", controller)),
      reconcile_time(prometheus::BuildHistogram()
                         .Name("controller_runtime_reconcile_time_seconds")
                         .Help("Length of time per reconciliation per controller")
                         .Register(registry.prom())
                         .Add({{"controller", controller}}, ReconcileTimeBuckets())),
      max_concurrent_reconciles(
          ControllerGauge(registry, "controller_runtime_max_concurrent_reconciles",
                          "Maximum number of concurrent reconciles per controller", controller)),
      active_workers(ControllerGauge(registry, "controller_runtime_active_workers",
                                     "Number of currently used workers per controller",
                                     controller)) {
  max_concurrent_reconciles.Set(max_concurrent);
  active_workers.Set(0);
}

}  // namespace po::runtime
