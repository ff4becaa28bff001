// Runs kube::LeaderElector on a thread of its own for the Manager.
#include "operator/app/lease_leader_elector.h"

namespace po::app {

LeaseLeaderElector::LeaseLeaderElector(kube::KubeClient& client, Clock& clock,
                                       kube::RandomSource& random,
                                       kube::LeaderElectionConfig config,
                                       std::function<void(const Status&)> on_lost)
    : client_(client),
      clock_(clock),
      random_(random),
      config_(std::move(config)),
      on_lost_(std::move(on_lost)) {}

LeaseLeaderElector::~LeaseLeaderElector() {
  Stop();
}

Status LeaseLeaderElector::Start(runtime::LeaderCallbacks callbacks) {
  std::lock_guard lock(mu_);
  if (started_)
    return FailedPrecondition("leader election for " + config_.lease_name + " was already started");
  started_ = true;
  kube::LeaderElectionConfig config = config_;
  config.on_started_leading = std::move(callbacks.on_started_leading);
  config.on_stopped_leading = std::move(callbacks.on_stopped_leading);
  config.on_new_leader = std::move(callbacks.on_new_leader);
  elector_ = std::make_unique<kube::LeaderElector>(client_, clock_, random_, std::move(config));
  thread_ = std::jthread([this](std::stop_token stop) {
    Status result = elector_->Run(stop);
    {
      std::lock_guard lock(mu_);
      result_ = result;
    }
    if (!result.ok() && on_lost_) on_lost_(result);
  });
  return Status::Ok();
}

void LeaseLeaderElector::Stop() {
  std::jthread thread;
  {
    std::lock_guard lock(mu_);
    thread = std::move(thread_);
  }
  if (thread.joinable()) {
    thread.request_stop();
    thread.join();
  }
}

bool LeaseLeaderElector::IsLeader() const {
  std::lock_guard lock(mu_);
  return elector_ && elector_->IsLeader();
}

Status LeaseLeaderElector::Result() const {
  std::lock_guard lock(mu_);
  return result_;
}

}  // namespace po::app
