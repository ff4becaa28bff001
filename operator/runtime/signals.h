// Turns SIGTERM and SIGINT into a callback (Manager::RequestStop) on a dedicated thread, as
// controller-runtime's SetupSignalHandler: the first signal asks for a graceful stop, a second one
// exits at once with status 1. Create it in main before any other thread so every thread inherits
// the blocked signal mask. One per process; not copyable.
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <memory>
#include <thread>

#include "operator/common/status.h"

namespace po::runtime {

class SignalWatcher {
 public:
  static Result<std::unique_ptr<SignalWatcher>> Start(std::function<void(int signal)> on_stop);
  ~SignalWatcher();

  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  SignalWatcher() = default;
  void Loop();

  std::function<void(int)> on_stop_;
  sigset_t signals_{};
  std::thread thread_;
  std::atomic<bool> closing_{false};
};

}  // namespace po::runtime
