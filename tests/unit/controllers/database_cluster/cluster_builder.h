// DatabaseClusterBuilder: DatabaseCluster objects for tests, as the apiserver would store them
// (defaults filled in), e.g. DatabaseClusterBuilder("db").WithReplicas(2).Deleting().Build().
// Plain value; not thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace po::controllers::database_cluster::testing {

class DatabaseClusterBuilder {
 public:
  explicit DatabaseClusterBuilder(std::string name = "db", std::string ns = "team-a") {
    object_ = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
               {"kind", "DatabaseCluster"},
               {"metadata",
                {{"name", name},
                 {"namespace", ns},
                 {"uid", "uid-" + name},
                 {"generation", 1},
                 {"resourceVersion", "1"}}},
               {"spec",
                {{"region", "us-east-1"},
                 {"engine", "postgres"},
                 {"engineVersion", "14"},
                 {"instanceClass", "db.t3.micro"},
                 {"storage", {{"allocatedGiB", 20}, {"type", "gp3"}}},
                 {"multiAZ", true},
                 {"readReplicas", {{"count", 0}}},
                 {"network", {{"publiclyAccessible", false}}},
                 {"credentials", {{"username", "postgres"}}},
                 {"backup", {{"retentionDays", 7}, {"snapshotRetention", 7}}},
                 {"maintenance", {{"applyImmediately", true}}},
                 {"deletionPolicy", "Snapshot"},
                 {"deletionProtection", false}}}};
  }
  DatabaseClusterBuilder& Spec(const std::string& key, nlohmann::json value) {
    object_["spec"][key] = std::move(value);
    return *this;
  }
  DatabaseClusterBuilder& At(const nlohmann::json::json_pointer& pointer, nlohmann::json value) {
    object_[pointer] = std::move(value);
    return *this;
  }
  DatabaseClusterBuilder& WithReplicas(int count) {
    object_["spec"]["readReplicas"]["count"] = count;
    return *this;
  }
  DatabaseClusterBuilder& WithDisasterRecovery(const std::string& region = "us-west-2") {
    object_["spec"]["disasterRecovery"] = {{"enabled", true}, {"region", region}};
    return *this;
  }
  DatabaseClusterBuilder& Production() {
    object_["spec"]["instanceClass"] = "db.r5.xlarge";
    object_["spec"]["storage"] = {
        {"allocatedGiB", 200}, {"maxAllocatedGiB", 1000}, {"type", "gp3"}};
    object_["spec"]["backup"]["retentionDays"] = 14;
    object_["spec"]["backup"]["window"] = "03:00-03:30";
    object_["spec"]["maintenance"] = {{"window", "sun:05:00-sun:06:00"},
                                      {"applyImmediately", false}};
    object_["spec"]["tags"] = {{"team", "metrics"}};
    return *this;
  }
  DatabaseClusterBuilder& Annotate(const std::string& key, const std::string& value) {
    object_["metadata"]["annotations"][key] = value;
    return *this;
  }
  DatabaseClusterBuilder& Deleting() {
    object_["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z";
    object_["metadata"]["finalizers"] = {"platform.startup-metrics.com/finalizer"};
    return *this;
  }
  nlohmann::json Build() const { return object_; }

 private:
  nlohmann::json object_;
};

}  // namespace po::controllers::database_cluster::testing
