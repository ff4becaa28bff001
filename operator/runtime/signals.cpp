// A sigwait thread for SIGTERM/SIGINT.
#include "operator/runtime/signals.h"

#include <pthread.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace po::runtime {

Result<std::unique_ptr<SignalWatcher>> SignalWatcher::Start(std::function<void(int)> on_stop) {
  std::unique_ptr<SignalWatcher> watcher(new SignalWatcher());
  watcher->on_stop_ = std::move(on_stop);
  sigemptyset(&watcher->signals_);
  sigaddset(&watcher->signals_, SIGTERM);
  sigaddset(&watcher->signals_, SIGINT);
  if (int err = pthread_sigmask(SIG_BLOCK, &watcher->signals_, nullptr); err != 0) {
    return Internal(std::string("while blocking SIGTERM/SIGINT: ") + std::strerror(err));
  }
  watcher->thread_ = std::thread([w = watcher.get()] { w->Loop(); });
  return watcher;
}

void SignalWatcher::Loop() {
  int received = 0;
  while (true) {
    int signal = 0;
    if (sigwait(&signals_, &signal) != 0) continue;
    if (closing_) return;
    if (++received == 1) {
      on_stop_(signal);
    } else {
      std::_Exit(1);  // a second signal: stop now
    }
  }
}

SignalWatcher::~SignalWatcher() {
  closing_ = true;
  pthread_kill(thread_.native_handle(), SIGTERM);  // wakes sigwait; seen as closing
  thread_.join();
}

}  // namespace po::runtime
