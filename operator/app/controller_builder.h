// ControllerBuilder: wires one controller the way controller-runtime's builder does —
// `ControllerBuilder(setup, PrimaryRef()).Owns(kube::Secrets()).Complete(reconciler)` watches the
// primary kind (enqueueing each object's key) and every owned kind (enqueueing the key of the
// controlling owner of the primary kind), creates the Controller and hands it to the Manager.
// Generic: it knows no resource type. Not thread-safe; build controllers before the Manager runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "operator/app/controller_setup.h"
#include "operator/app/event_handlers.h"
#include "operator/common/status.h"
#include "operator/kube/resource.h"
#include "operator/runtime/controller.h"
#include "operator/runtime/reconciler.h"

namespace po::app {

class ControllerBuilder {
 public:
  // `setup` must outlive the builder. `primary_label_selector` narrows the primary watch.
  ControllerBuilder(ControllerSetup& setup, kube::ResourceRef primary,
                    std::string primary_label_selector = "");

  // Also watch `owned`; its changes enqueue their controller owner (of the primary kind).
  ControllerBuilder& Owns(kube::ResourceRef owned, std::string label_selector = "");
  // The controller's name; default: the primary kind in lower case (controller-runtime's).
  ControllerBuilder& Named(std::string name);
  // Worker threads; default: setup.max_concurrent_reconciles.
  ControllerBuilder& WithMaxConcurrentReconciles(int workers);

  // Creates the controller, registers the event handlers and adds the controller to the manager.
  // kInvalidArgument for a primary without a kind; kFailedPrecondition when an informer already
  // runs.
  Result<std::shared_ptr<runtime::Controller>> Complete(
      std::shared_ptr<runtime::Reconciler> reconciler);

 private:
  struct Owned {
    kube::ResourceRef resource;
    std::string label_selector;
  };

  ControllerSetup& setup_;
  const kube::ResourceRef primary_;
  const std::string primary_label_selector_;
  std::vector<Owned> owned_;
  std::string name_;
  int workers_ = 0;
};

}  // namespace po::app
