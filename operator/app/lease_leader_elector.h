// LeaseLeaderElector: the kube Lease-based elector seen as a runtime::LeaderElector. It campaigns
// on its own thread, forwards the leadership callbacks to the Manager, releases the lease on Stop,
// and reports a lost lease (renewal missed its deadline) to `on_lost` so the process can exit at
// once. Start/Stop are thread-safe; callbacks run on the elector thread.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/leader_election.h"
#include "operator/kube/random_source.h"
#include "operator/runtime/leader_elector.h"

namespace po::app {

class LeaseLeaderElector final : public runtime::LeaderElector {
 public:
  // `config` names the lease and the timings; its callbacks are replaced by the Manager's.
  // `on_lost` (optional) is called with the elector's error after a lost lease. `client`, `clock`
  // and `random` must outlive the elector.
  LeaseLeaderElector(kube::KubeClient& client, Clock& clock, kube::RandomSource& random,
                     kube::LeaderElectionConfig config,
                     std::function<void(const Status&)> on_lost = nullptr);
  ~LeaseLeaderElector() override;

  std::string Name() const override { return config_.lease_name; }
  // kFailedPrecondition when already started.
  Status Start(runtime::LeaderCallbacks callbacks) override;
  void Stop() override;

  bool IsLeader() const;
  const std::string& Identity() const { return config_.identity; }
  // What the campaign ended with (Ok while running or after a requested stop).
  Status Result() const;

 private:
  kube::KubeClient& client_;
  Clock& clock_;
  kube::RandomSource& random_;
  const kube::LeaderElectionConfig config_;
  const std::function<void(const Status&)> on_lost_;

  mutable std::mutex mu_;
  std::unique_ptr<kube::LeaderElector> elector_;
  Status result_;
  bool started_ = false;
  std::jthread thread_;
};

}  // namespace po::app
