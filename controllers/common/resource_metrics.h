// ResourceMetrics: the per-kind gauges an AWS-backed controller exports —
// platform_<kind>_status{namespace,name,status} (1 for the current AWS status, series removed when
// it changes), platform_<kind>_ready{namespace,name} and platform_aws_resources_managed{kind} (how
// many AWS resources of that kind the operator manages). Thread-safe.
#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>

#include <map>
#include <mutex>
#include <string>

#include "operator/metrics/registry.h"

namespace po::controllers {

class ResourceMetrics {
 public:
  // `kind` in snake case, e.g. "database" → platform_database_status; `aws_kind` labels
  // platform_aws_resources_managed, e.g. "DBInstance".
  ResourceMetrics(metrics::Registry& registry, const std::string& kind,
                  const std::string& aws_kind);

  // Records the AWS status, readiness and the number of AWS resources of this object.
  void Observe(const std::string& ns, const std::string& name, const std::string& status,
               bool ready, int aws_resources);
  // The object is gone: removes its series and its AWS resources from the managed count.
  void Forget(const std::string& ns, const std::string& name);

 private:
  struct Series {
    std::string status;
    prometheus::Gauge* status_gauge = nullptr;
    prometheus::Gauge* ready_gauge = nullptr;
    int aws_resources = 0;
  };

  prometheus::Family<prometheus::Gauge>& status_;
  prometheus::Family<prometheus::Gauge>& ready_;
  prometheus::Gauge& managed_;
  std::mutex mu_;
  std::map<std::string, Series> series_;  // by "namespace/name"
  int managed_total_ = 0;
};

}  // namespace po::controllers
