// The MetricsPlatform's status from what a reconcile observed: one summary per component, the
// conditions DatabaseReady, CacheReady, WorkloadsReady, StorageReady, MonitoringReady and Ready
// (true only when all are), the phase, the URL and the effective values. Pure functions;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "controllers/common/status_report.h"

namespace po::controllers::metrics_platform {

struct ComponentState {
  bool ready = false;
  std::string reason;   // CamelCase
  std::string message;  // human readable
};

struct Observation {
  ComponentState database;
  ComponentState cache;
  ComponentState web;
  ComponentState app;
  ComponentState storage;
  ComponentState logging;
  ComponentState monitoring;
  std::string url;
  nlohmann::json effective = nlohmann::json::object();
};

// Whether every component is ready.
bool AllReady(const Observation& observation);

// `previous_phase` is the phase in the object's status ("" when none).
StatusReport BuildStatusReport(const Observation& observation, const std::string& previous_phase);

// A merge patch turning `current` into `desired` (keys of `current` missing from `desired` become
// null), so status.effective is replaced, not accumulated.
nlohmann::json ReplacementPatch(const nlohmann::json& current, const nlohmann::json& desired);

}  // namespace po::controllers::metrics_platform
