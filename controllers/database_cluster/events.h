// EventSink: where the DatabaseCluster controller reports what it did and saw as Kubernetes
// Events (an AWS action taken, an AWS status change). RecorderEventSink forwards to the runtime's
// EventRecorder, which aggregates repeats; tests substitute a recording fake. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "operator/kube/event_recorder.h"

namespace po::controllers::database_cluster {

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void Normal(const nlohmann::json& object, const std::string& reason,
                      const std::string& message) = 0;
  virtual void Warning(const nlohmann::json& object, const std::string& reason,
                       const std::string& message) = 0;
};

class RecorderEventSink final : public EventSink {
 public:
  // `recorder` must outlive the sink.
  explicit RecorderEventSink(kube::EventRecorder& recorder) : recorder_(recorder) {}
  void Normal(const nlohmann::json& object, const std::string& reason,
              const std::string& message) override {
    recorder_.Record(kube::ReferenceTo(object), kube::EventType::kNormal, reason, message);
  }
  void Warning(const nlohmann::json& object, const std::string& reason,
               const std::string& message) override {
    recorder_.Record(kube::ReferenceTo(object), kube::EventType::kWarning, reason, message);
  }

 private:
  kube::EventRecorder& recorder_;
};

}  // namespace po::controllers::database_cluster
