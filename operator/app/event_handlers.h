// Informer event handlers that turn object changes into work-queue requests, as
// controller-runtime's EnqueueRequestForObject (the object's own key) and EnqueueRequestForOwner
// with OnlyControllerOwner (the key of the object's controlling owner of a given kind). Generic:
// they know no resource type. The handlers are stateless and may be called from any thread if
// `enqueue` may.
#pragma once

#include <functional>
#include <string>

#include "operator/kube/informer.h"
#include "operator/runtime/reconciler.h"

namespace po::app {

using EnqueueFunc = std::function<void(const runtime::Request&)>;

// The owner kind whose key an owned object maps to.
struct OwnerKind {
  std::string group;  // API group of the owner; "" for core
  std::string kind;   // e.g. "DatabaseCluster"
  bool cluster_scoped = false;
};

// Enqueues the changed object itself on add, update and delete.
kube::EventHandlers EnqueueObject(EnqueueFunc enqueue);

// Enqueues the object's controller owner when it is of `owner`; on update, both the old and the
// new owner when they differ (an ownerReference was moved).
kube::EventHandlers EnqueueControllerOwner(OwnerKind owner, EnqueueFunc enqueue);

}  // namespace po::app
