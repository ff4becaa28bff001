// Per-kind status, readiness and managed-resource gauges.
#include "controllers/common/resource_metrics.h"

#include <prometheus/gauge.h>

namespace po::controllers {

ResourceMetrics::ResourceMetrics(metrics::Registry& registry, const std::string& kind,
                                 const std::string& aws_kind)
    : status_(prometheus::BuildGauge()
                  .Name("platform_" + kind + "_status")
                  .Help("1 for the current AWS status of each " + kind + " (label status)")
                  .Register(registry.prom())),
      ready_(prometheus::BuildGauge()
                 .Name("platform_" + kind + "_ready")
                 .Help("1 when the " + kind + " is Ready, else 0")
                 .Register(registry.prom())),
      managed_(prometheus::BuildGauge()
                   .Name("platform_aws_resources_managed")
                   .Help("AWS resources managed by the operator, by kind")
                   .Register(registry.prom())
                   .Add({{"kind", aws_kind}})) {}

void ResourceMetrics::Observe(const std::string& ns, const std::string& name,
                              const std::string& status, bool ready, int aws_resources) {
  std::lock_guard lock(mu_);
  Series& series = series_[ns + "/" + name];
  if (series.status_gauge != nullptr && series.status != status) {
    status_.Remove(series.status_gauge);
    series.status_gauge = nullptr;
  }
  if (series.status_gauge == nullptr) {
    series.status_gauge = &status_.Add({{"namespace", ns}, {"name", name}, {"status", status}});
    series.status_gauge->Set(1);
    series.status = status;
  }
  if (series.ready_gauge == nullptr) {
    series.ready_gauge = &ready_.Add({{"namespace", ns}, {"name", name}});
  }
  series.ready_gauge->Set(ready ? 1 : 0);
  managed_total_ += aws_resources - series.aws_resources;
  series.aws_resources = aws_resources;
  managed_.Set(managed_total_);
}

void ResourceMetrics::Forget(const std::string& ns, const std::string& name) {
  std::lock_guard lock(mu_);
  const auto it = series_.find(ns + "/" + name);
  if (it == series_.end()) return;
  if (it->second.status_gauge != nullptr) status_.Remove(it->second.status_gauge);
  if (it->second.ready_gauge != nullptr) ready_.Remove(it->second.ready_gauge);
  managed_total_ -= it->second.aws_resources;
  managed_.Set(managed_total_);
  series_.erase(it);
}

}  // namespace po::controllers
