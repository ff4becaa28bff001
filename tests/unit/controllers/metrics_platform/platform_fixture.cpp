// Samples and builders for the MetricsPlatform unit tests.
#include "tests/unit/controllers/metrics_platform/platform_fixture.h"

#include <yaml-cpp/yaml.h>

#include "controllers/metrics_platform/effective.h"

namespace po::controllers::metrics_platform::testing {

namespace {

nlohmann::json ToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& item : node) out[item.first.as<std::string>()] = ToJson(item.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(ToJson(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string text = node.Scalar();
      if (node.Tag() == "!") return text;  // quoted
      if (text == "true") return true;
      if (text == "false") return false;
      if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
        return std::stoll(text);
      }
      return text;
    }
    default:
      return nullptr;
  }
}

}  // namespace

nlohmann::json Sample(const std::string& environment, const std::string& ns) {
  nlohmann::json object =
      ToJson(YAML::LoadFile(std::string(PLATFORM_OPERATOR_SOURCE_DIR) +
                            "/crds/samples/metricsplatform-" + environment + ".yaml"));
  object["metadata"]["namespace"] = ns;
  object["metadata"]["uid"] = "uid-" + environment;
  object["metadata"]["generation"] = 1;
  return object;
}

PlatformBuilder::PlatformBuilder(const std::string& environment) {
  object_ = {
      {"apiVersion", "platform.startup-metrics.com/v1alpha1"},
      {"kind", "MetricsPlatform"},
      {"metadata",
       {{"name", "metrics"}, {"namespace", "team-a"}, {"uid", "uid-1"}, {"generation", 1}}},
      {"spec",
       {{"environment", environment},
        {"web", {{"image", "web:1"}}},
        {"app", {{"image", "app:1"}}}}},
  };
}

PlatformBuilder& PlatformBuilder::Named(const std::string& name) {
  object_["metadata"]["name"] = name;
  return *this;
}

PlatformBuilder& PlatformBuilder::WithSpec(const nlohmann::json& overrides) {
  object_["spec"] = MergeOverrides(object_["spec"], overrides);
  return *this;
}

}  // namespace po::controllers::metrics_platform::testing
