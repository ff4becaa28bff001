// Object → request mappings for informer events.
#include "operator/app/event_handlers.h"

#include <memory>
#include <optional>

#include "operator/kube/owner_refs.h"
#include "operator/kube/resource.h"

namespace po::app {
namespace {

runtime::Request RequestFor(const nlohmann::json& object) {
  return {kube::NamespaceOf(object), kube::NameOf(object)};
}

}  // namespace

kube::EventHandlers EnqueueObject(EnqueueFunc enqueue) {
  auto shared = std::make_shared<EnqueueFunc>(std::move(enqueue));
  kube::EventHandlers handlers;
  handlers.on_add = [shared](const kube::ObjectPtr& object) { (*shared)(RequestFor(*object)); };
  handlers.on_update = [shared](const kube::ObjectPtr&, const kube::ObjectPtr& object) {
    (*shared)(RequestFor(*object));
  };
  handlers.on_delete = [shared](const kube::ObjectPtr& object) { (*shared)(RequestFor(*object)); };
  return handlers;
}

kube::EventHandlers EnqueueControllerOwner(OwnerKind owner, EnqueueFunc enqueue) {
  auto shared = std::make_shared<EnqueueFunc>(std::move(enqueue));
  auto owner_key = [owner](const nlohmann::json& object) -> std::optional<std::string> {
    return kube::ControllerOwnerKey(object, owner.kind, std::string_view(owner.group),
                                    owner.cluster_scoped);
  };
  auto enqueue_owner = [shared, owner_key](const kube::ObjectPtr& object) {
    if (auto key = owner_key(*object)) (*shared)(runtime::Request::FromKey(*key));
  };
  kube::EventHandlers handlers;
  handlers.on_add = enqueue_owner;
  handlers.on_update = [shared, owner_key](const kube::ObjectPtr& old_object,
                                           const kube::ObjectPtr& new_object) {
    auto old_key = owner_key(*old_object);
    auto new_key = owner_key(*new_object);
    if (old_key && old_key != new_key) (*shared)(runtime::Request::FromKey(*old_key));
    if (new_key) (*shared)(runtime::Request::FromKey(*new_key));
  };
  handlers.on_delete = enqueue_owner;
  return handlers;
}

}  // namespace po::app
