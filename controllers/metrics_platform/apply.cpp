// Server-side apply of one child and pruning of unwanted ones.
#include "controllers/metrics_platform/apply.h"

#include "controllers/metrics_platform/resources.h"
#include "operator/kube/owner_refs.h"

namespace po::controllers::metrics_platform {

Result<nlohmann::json> ApplyObject(kube::KubeClient& client, const DesiredObject& desired,
                                   const std::string& owner_uid) {
  const std::string ns = kube::NamespaceOf(desired.object);
  const std::string name = kube::NameOf(desired.object);
  auto existing = client.Get(desired.resource, ns, name);
  if (existing.ok()) {
    auto controller = kube::ControllerOf(*existing);
    if (controller && controller->uid != owner_uid) {
      return FailedPrecondition(desired.resource.kind + " " + ns + "/" + name +
                                " exists and is controlled by " + controller->kind + " " +
                                controller->name);
    }
  } else if (existing.status().code() != StatusCode::kNotFound) {
    return existing.status().WithContext("while reading " + desired.resource.kind + " " + ns + "/" +
                                         name);
  }
  auto applied =
      client.Patch(desired.resource, ns, name, kube::PatchType::kApply, desired.object.dump());
  if (!applied.ok()) {
    return applied.status().WithContext("while applying " + desired.resource.kind + " " + ns + "/" +
                                        name);
  }
  return applied;
}

std::string PruneKey(const kube::ResourceRef& resource, const std::string& name) {
  return resource.plural + "/" + name;
}

Result<std::vector<std::string>> PruneUnwanted(kube::KubeClient& client, const std::string& ns,
                                               const std::string& platform,
                                               const std::string& owner_uid,
                                               const std::vector<kube::ResourceRef>& kinds,
                                               const std::set<std::string>& keep) {
  std::vector<std::string> pruned;
  kube::ListOptions options;
  options.label_selector = std::string(kPlatformLabel) + "=" + platform;
  for (const auto& kind : kinds) {
    auto list = client.List(kind, ns, options);
    if (!list.ok()) return list.status().WithContext("while listing " + kind.plural);
    for (const auto& item : list->items) {
      const std::string name = kube::NameOf(item);
      if (keep.contains(PruneKey(kind, name))) continue;
      auto controller = kube::ControllerOf(item);
      if (!controller || controller->uid != owner_uid) continue;
      kube::DeleteOptions options;
      options.precondition_uid = kube::UidOf(item);
      Status deleted = client.Delete(kind, ns, name, options);
      if (!deleted.ok() && deleted.code() != StatusCode::kNotFound) {
        return deleted.WithContext("while pruning " + kind.kind + " " + ns + "/" + name);
      }
      pruned.push_back(PruneKey(kind, name));
    }
  }
  return pruned;
}

}  // namespace po::controllers::metrics_platform
