// Builds a controller from its watches: primary kind → own key, owned kinds → owner's key.
#include "operator/app/controller_builder.h"

#include <algorithm>
#include <cctype>

namespace po::app {

ControllerBuilder::ControllerBuilder(ControllerSetup& setup, kube::ResourceRef primary,
                                     std::string primary_label_selector)
    : setup_(setup),
      primary_(std::move(primary)),
      primary_label_selector_(std::move(primary_label_selector)) {}

ControllerBuilder& ControllerBuilder::Owns(kube::ResourceRef owned, std::string label_selector) {
  owned_.push_back({std::move(owned), std::move(label_selector)});
  return *this;
}

ControllerBuilder& ControllerBuilder::Named(std::string name) {
  name_ = std::move(name);
  return *this;
}

ControllerBuilder& ControllerBuilder::WithMaxConcurrentReconciles(int workers) {
  workers_ = workers;
  return *this;
}

Result<std::shared_ptr<runtime::Controller>> ControllerBuilder::Complete(
    std::shared_ptr<runtime::Reconciler> reconciler) {
  if (primary_.kind.empty()) {
    return InvalidArgument("a controller's primary resource needs a kind (plural \"" +
                           primary_.plural + "\")");
  }
  runtime::ControllerOptions options;
  options.name = name_;
  if (options.name.empty()) {
    options.name = primary_.kind;
    std::transform(options.name.begin(), options.name.end(), options.name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  options.max_concurrent_reconciles = workers_ > 0 ? workers_ : setup_.max_concurrent_reconciles;
  auto controller = std::make_shared<runtime::Controller>(
      options, std::move(reconciler), setup_.clock, setup_.registry,
      setup_.logger.With("controller", options.name));

  // The handlers hold the controller weakly: informers may outlive it during shutdown.
  std::weak_ptr<runtime::Controller> weak = controller;
  EnqueueFunc enqueue = [weak](const runtime::Request& request) {
    if (auto c = weak.lock()) c->Enqueue(request);
  };

  auto primary_cache =
      setup_.informers.For({primary_, setup_.watch_namespace, primary_label_selector_});
  PO_RETURN_IF_ERROR(primary_cache->AddEventHandlers(EnqueueObject(enqueue))
                         .WithContext("setting up controller " + options.name));
  const OwnerKind owner{primary_.group, primary_.kind, !primary_.namespaced};
  for (const auto& owned : owned_) {
    auto cache =
        setup_.informers.For({owned.resource, setup_.watch_namespace, owned.label_selector});
    PO_RETURN_IF_ERROR(cache->AddEventHandlers(EnqueueControllerOwner(owner, enqueue))
                           .WithContext("setting up controller " + options.name));
  }
  setup_.manager.AddController(controller);
  return controller;
}

}  // namespace po::app
