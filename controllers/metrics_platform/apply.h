// Writing desired children to the apiserver: server-side apply (forced, as the operator's field
// manager) of one object, and pruning of the platform's children that are no longer desired.
// Functions over a KubeClient; thread-safe if it is.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "operator/common/status.h"
#include "operator/kube/kube_client.h"

namespace po::controllers::metrics_platform {

struct DesiredObject {
  kube::ResourceRef resource;
  nlohmann::json object;
};

// Applies `desired` (apiVersion, kind, metadata.name and namespace set); returns the stored object.
// kFailedPrecondition when an object of that name exists that another owner controls.
Result<nlohmann::json> ApplyObject(kube::KubeClient& client, const DesiredObject& desired,
                                   const std::string& owner_uid);

// "<plural>/<name>", the identity pruning compares.
std::string PruneKey(const kube::ResourceRef& resource, const std::string& name);

// Deletes every object of `kinds` in `ns` labelled as the platform's and controlled by
// `owner_uid` whose PruneKey is not in `keep`. Returns the pruned keys.
Result<std::vector<std::string>> PruneUnwanted(kube::KubeClient& client, const std::string& ns,
                                               const std::string& platform,
                                               const std::string& owner_uid,
                                               const std::vector<kube::ResourceRef>& kinds,
                                               const std::set<std::string>& keep);

}  // namespace po::controllers::metrics_platform
