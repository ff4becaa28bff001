// A ControllerSetup over the fake Kubernetes client with a real clock, a metrics registry and a
// Manager, for the app unit tests; plus a polling helper. Not thread-safe (one per test).
#pragma once

#include <chrono>
#include <functional>
#include <thread>

#include "operator/app/controller_setup.h"
#include "operator/app/shared_informers.h"
#include "operator/common/clock.h"
#include "operator/kube/fake_kube_client.h"
#include "operator/kube/random_source.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/log.h"
#include "operator/runtime/manager.h"

namespace po::app::testing {

struct FakeEnv {
  kube::FakeKubeClient client;
  RealClock clock;
  kube::RealRandom random;
  metrics::Registry registry;
  runtime::Manager manager{{}, clock, registry, runtime::Logger::Discard(clock)};
  SharedInformers informers{client, clock, random, manager};
  ControllerSetup setup{
      client, informers, manager, clock, registry, runtime::Logger::Discard(clock), "", 1};
};

// Polls `done` every 10 ms until it is true or `timeout` passes; returns the last answer.
inline bool Eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

}  // namespace po::app::testing
