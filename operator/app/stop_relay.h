// StopRelay: carries a stop request (from the signal thread) to the Manager, even when the signal
// arrives before the Manager exists or after it is gone. Thread-safe.
#pragma once

#include <mutex>

#include "operator/runtime/manager.h"

namespace po::app {

class StopRelay {
 public:
  // Records the request and forwards it to the attached manager, if any.
  void RequestStop() {
    std::lock_guard lock(mu_);
    requested_ = true;
    if (manager_ != nullptr) manager_->RequestStop();
  }
  // Forwards a request made earlier at once.
  void Attach(runtime::Manager* manager) {
    std::lock_guard lock(mu_);
    manager_ = manager;
    if (manager_ != nullptr && requested_) manager_->RequestStop();
  }
  bool Requested() const {
    std::lock_guard lock(mu_);
    return requested_;
  }

 private:
  mutable std::mutex mu_;
  bool requested_ = false;
  runtime::Manager* manager_ = nullptr;
};

}  // namespace po::app
