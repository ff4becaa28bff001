// The shared metrics registry and its text exposition.
#include "operator/metrics/registry.h"

#include <prometheus/text_serializer.h>

namespace po::metrics {

Registry::Registry() : prom_(std::make_shared<prometheus::Registry>()) {}

void Registry::AddCollectable(std::shared_ptr<prometheus::Collectable> collectable) {
  std::lock_guard lock(mu_);
  extra_.push_back(std::move(collectable));
}

std::vector<std::shared_ptr<prometheus::Collectable>> Registry::Collectables() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<prometheus::Collectable>> all{prom_};
  all.insert(all.end(), extra_.begin(), extra_.end());
  return all;
}

std::string Registry::Scrape() const {
  std::vector<prometheus::MetricFamily> families;
  for (const auto& collectable : Collectables()) {
    auto collected = collectable->Collect();
    families.insert(families.end(), std::make_move_iterator(collected.begin()),
                    std::make_move_iterator(collected.end()));
  }
  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace po::metrics
