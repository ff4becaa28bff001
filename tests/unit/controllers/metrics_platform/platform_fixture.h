// Test fixtures for the MetricsPlatform unit tests: the committed samples (crds/samples) read as
// JSON objects, and a builder of platform objects with namespace, uid and overrides.
// Functions and a value type; not thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace po::controllers::metrics_platform::testing {

// crds/samples/metricsplatform-<environment>.yaml as JSON, placed in `ns` with a uid.
nlohmann::json Sample(const std::string& environment, const std::string& ns = "team-a");

// A minimal platform: environment, images, namespace "team-a", uid "uid-1".
class PlatformBuilder {
 public:
  explicit PlatformBuilder(const std::string& environment);
  PlatformBuilder& Named(const std::string& name);
  // Merges `overrides` into spec (recursively).
  PlatformBuilder& WithSpec(const nlohmann::json& overrides);
  nlohmann::json Build() const { return object_; }

 private:
  nlohmann::json object_;
};

}  // namespace po::controllers::metrics_platform::testing
