// KubeStatusClient: the runtime's StatusClient (GET, PUT /status, JSON patch) for one resource
// type over a KubeClient, so the status writer and finalizer helpers work against an apiserver.
// Thread-safe if the client is.
#pragma once

#include "operator/kube/kube_client.h"
#include "operator/kube/resource.h"
#include "operator/runtime/object_client.h"

namespace po::app {

class KubeStatusClient final : public runtime::StatusClient {
 public:
  // `client` must outlive this object.
  KubeStatusClient(kube::KubeClient& client, kube::ResourceRef resource)
      : client_(client), resource_(std::move(resource)) {}

  Result<nlohmann::json> Get(const runtime::ObjectKey& key) override;
  Result<nlohmann::json> UpdateStatus(const nlohmann::json& object) override;
  Result<nlohmann::json> JsonPatch(const runtime::ObjectKey& key,
                                   const nlohmann::json& patch) override;

 private:
  kube::KubeClient& client_;
  const kube::ResourceRef resource_;
};

}  // namespace po::app
