// Maps a child object to its controlling owner, so that watches of owned kinds can enqueue the
// owner's key (controller-runtime's EnqueueRequestForOwner with OnlyControllerOwner).
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace po::kube {

struct OwnerReference {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string uid;
  bool controller = false;
  bool block_owner_deletion = false;
};

// The ownerReference with controller=true, if any.
std::optional<OwnerReference> ControllerOf(const nlohmann::json& object);

// The "namespace/name" key of the child's controller when it is of `owner_kind` and, when
// `owner_group` is given, of that API group ("" matches core "v1"). Owners live in the child's
// namespace (namespaced owners) — pass cluster_scoped_owner=true for a cluster-scoped owner kind.
std::optional<std::string> ControllerOwnerKey(const nlohmann::json& child,
                                              std::string_view owner_kind,
                                              std::optional<std::string_view> owner_group = {},
                                              bool cluster_scoped_owner = false);

// An ownerReference (controller=true, blockOwnerDeletion=true) pointing at `owner`, to put in a
// child's metadata.ownerReferences.
nlohmann::json ControllerReferenceTo(const nlohmann::json& owner);

}  // namespace po::kube
