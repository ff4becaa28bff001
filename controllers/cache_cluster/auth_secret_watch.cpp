// Maps AUTH token Secret changes to the CacheClusters that name them.
#include "controllers/cache_cluster/auth_secret_watch.h"

#include "operator/kube/resource.h"

namespace po::controllers::cache_cluster {

std::vector<std::string> AuthSecretIndexKeys(const nlohmann::json& object) {
  const nlohmann::json* spec = object.contains("spec") ? &object["spec"] : nullptr;
  if (!spec || !spec->is_object() || !spec->contains("auth")) return {};
  const nlohmann::json& auth = (*spec)["auth"];
  if (!auth.is_object() || !auth.contains("tokenSecretName") ||
      !auth["tokenSecretName"].is_string()) {
    return {};
  }
  return {kube::NamespaceOf(object) + "/" + auth["tokenSecretName"].get<std::string>()};
}

kube::EventHandlers EnqueueForAuthSecret(const kube::Store& clusters,
                                         std::function<void(const runtime::Request&)> enqueue) {
  auto wake = [&clusters, enqueue](const kube::ObjectPtr& secret) {
    if (!secret) return;
    auto found = clusters.ByIndex(kAuthSecretIndex, kube::ObjectKeyOf(*secret));
    if (!found.ok()) return;
    for (const kube::ObjectPtr& cluster : *found) {
      enqueue({kube::NamespaceOf(*cluster), kube::NameOf(*cluster)});
    }
  };
  kube::EventHandlers handlers;
  handlers.on_add = wake;
  handlers.on_update = [wake](const kube::ObjectPtr&, const kube::ObjectPtr& now) { wake(now); };
  handlers.on_delete = wake;
  return handlers;
}

}  // namespace po::controllers::cache_cluster
