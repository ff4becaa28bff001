// Reads one series back from a metrics::Registry for assertions: a counter's or gauge's value, or a
// histogram's sample count / sum. Test helper; not thread-safe against concurrent registration.
#pragma once

#include <prometheus/metric_family.h>

#include <map>
#include <optional>
#include <string>

#include "operator/metrics/registry.h"

namespace po::testing {

struct SeriesValue {
  double value = 0;                // counter / gauge
  std::uint64_t sample_count = 0;  // histogram
  double sample_sum = 0;           // histogram
};

inline std::optional<SeriesValue> ReadSeries(metrics::Registry& registry, const std::string& name,
                                             const std::map<std::string, std::string>& labels) {
  for (const auto& collectable : registry.Collectables()) {
    for (const auto& family : collectable->Collect()) {
      if (family.name != name) continue;
      for (const auto& metric : family.metric) {
        std::map<std::string, std::string> have;
        for (const auto& label : metric.label) have[label.name] = label.value;
        if (have != labels) continue;
        SeriesValue out;
        switch (family.type) {
          case prometheus::MetricType::Counter:
            out.value = metric.counter.value;
            break;
          case prometheus::MetricType::Gauge:
            out.value = metric.gauge.value;
            break;
          case prometheus::MetricType::Histogram:
            out.sample_count = metric.histogram.sample_count;
            out.sample_sum = metric.histogram.sample_sum;
            break;
          default:
            out.value = metric.untyped.value;
        }
        return out;
      }
    }
  }
  return std::nullopt;
}

// The value of a counter or gauge series; -1 when the series does not exist.
inline double MetricValue(metrics::Registry& registry, const std::string& name,
                          const std::map<std::string, std::string>& labels) {
  auto series = ReadSeries(registry, name, labels);
  return series ? series->value : -1;
}

}  // namespace po::testing
