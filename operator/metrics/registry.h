// The operator's one metrics registry: a prometheus::Registry for counters, gauges and histograms,
// plus collectables that compute their values on scrape (process metrics). Created once in main and
// passed by reference. Thread-safe: prometheus-cpp metrics may be updated from any thread.
#pragma once

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace po::metrics {

class Registry {
 public:
  Registry();

  // Where metric families are built: prometheus::BuildCounter()...Register(registry.prom()).
  // Registering a family name twice with the same constant labels returns the existing family.
  prometheus::Registry& prom() { return *prom_; }

  // Adds a collectable evaluated on every scrape (e.g. ProcessCollector).
  void AddCollectable(std::shared_ptr<prometheus::Collectable> collectable);

  // Everything a scrape must collect: the prometheus::Registry first, then the added collectables.
  std::vector<std::shared_ptr<prometheus::Collectable>> Collectables() const;

  // The Prometheus text exposition of everything registered, as /metrics would serve it.
  std::string Scrape() const;

 private:
  std::shared_ptr<prometheus::Registry> prom_;
  mutable std::mutex mu_;
  std::vector<std::shared_ptr<prometheus::Collectable>> extra_;
};

}  // namespace po::metrics
