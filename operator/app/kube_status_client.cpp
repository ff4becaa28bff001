// Maps the runtime's three object operations onto KubeClient calls.
#include "operator/app/kube_status_client.h"

namespace po::app {

Result<nlohmann::json> KubeStatusClient::Get(const runtime::ObjectKey& key) {
  return client_.Get(resource_, key.ns, key.name);
}

Result<nlohmann::json> KubeStatusClient::UpdateStatus(const nlohmann::json& object) {
  return client_.Update(resource_, object, "status");
}

Result<nlohmann::json> KubeStatusClient::JsonPatch(const runtime::ObjectKey& key,
                                                   const nlohmann::json& patch) {
  return client_.Patch(resource_, key.ns, key.name, kube::PatchType::kJson, patch.dump());
}

}  // namespace po::app
