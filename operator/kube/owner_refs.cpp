// Controller owner references.
#include "operator/kube/owner_refs.h"

#include "operator/kube/resource.h"

namespace po::kube {

std::optional<OwnerReference> ControllerOf(const nlohmann::json& object) {
  auto meta = object.find("metadata");
  if (meta == object.end() || !meta->is_object()) return std::nullopt;
  auto owners = meta->find("ownerReferences");
  if (owners == meta->end() || !owners->is_array()) return std::nullopt;
  for (const auto& owner : *owners) {
    if (!owner.is_object() || !owner.value("controller", false)) continue;
    return OwnerReference{owner.value("apiVersion", ""),
                          owner.value("kind", ""),
                          owner.value("name", ""),
                          owner.value("uid", ""),
                          true,
                          owner.value("blockOwnerDeletion", false)};
  }
  return std::nullopt;
}

std::optional<std::string> ControllerOwnerKey(const nlohmann::json& child,
                                              std::string_view owner_kind,
                                              std::optional<std::string_view> owner_group,
                                              bool cluster_scoped_owner) {
  auto owner = ControllerOf(child);
  if (!owner || owner->kind != owner_kind || owner->name.empty()) return std::nullopt;
  if (owner_group) {
    auto slash = owner->api_version.find('/');
    std::string group = slash == std::string::npos ? "" : owner->api_version.substr(0, slash);
    if (group != *owner_group) return std::nullopt;
  }
  return ObjectKey(cluster_scoped_owner ? "" : NamespaceOf(child), owner->name);
}

nlohmann::json ControllerReferenceTo(const nlohmann::json& owner) {
  return {{"apiVersion", owner.value("apiVersion", "")},
          {"kind", owner.value("kind", "")},
          {"name", NameOf(owner)},
          {"uid", UidOf(owner)},
          {"controller", true},
          {"blockOwnerDeletion", true}};
}

}  // namespace po::kube
