// CacheClusterBuilder: CacheCluster custom resources for the controller's unit tests, e.g.
// CacheClusterBuilder("team", "cache").Shards(5).Replicas(2).Auth("cache-auth").Build(). Plain
// values; not thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace po::controllers::cache_cluster::testing {

class CacheClusterBuilder {
 public:
  CacheClusterBuilder(std::string ns = "team", std::string name = "cache") {
    object_ = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
               {"kind", "CacheCluster"},
               {"metadata",
                {{"namespace", ns},
                 {"name", name},
                 {"uid", "0a1b2c3d-0000-4000-8000-000000000001"},
                 {"generation", 1}}},
               {"spec", {{"region", "us-east-1"}}}};
  }
  CacheClusterBuilder& Spec(const std::string& key, nlohmann::json value) {
    object_["spec"][key] = std::move(value);
    return *this;
  }
  CacheClusterBuilder& Shards(int shards) {
    object_["spec"]["clusterMode"]["shards"] = shards;
    return *this;
  }
  CacheClusterBuilder& Replicas(int replicas) {
    object_["spec"]["clusterMode"]["replicasPerShard"] = replicas;
    return *this;
  }
  CacheClusterBuilder& ClusterMode(bool enabled) {
    object_["spec"]["clusterMode"]["enabled"] = enabled;
    return *this;
  }
  CacheClusterBuilder& Auth(const std::string& secret) {
    object_["spec"]["auth"]["tokenSecretName"] = secret;
    return *this;
  }
  CacheClusterBuilder& Policy(const std::string& policy) {
    object_["spec"]["deletionPolicy"] = policy;
    return *this;
  }
  CacheClusterBuilder& Uid(const std::string& uid) {
    object_["metadata"]["uid"] = uid;
    return *this;
  }
  CacheClusterBuilder& Annotation(const std::string& key, const std::string& value) {
    object_["metadata"]["annotations"][key] = value;
    return *this;
  }
  nlohmann::json Build() const { return object_; }

 private:
  nlohmann::json object_;
};

}  // namespace po::controllers::cache_cluster::testing
