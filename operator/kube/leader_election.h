// Leader election on a coordination.k8s.io/v1 Lease with client-go's semantics: acquire or renew
// with optimistic concurrency (update at the read resourceVersion), expiry judged by when WE last
// saw the record change (never the holder's clock), leaseTransitions bumped when the holder
// changes, leadership dropped when a renewal does not succeed within RenewDeadline, and Release()
// handing the lease over at once. Public methods are thread-safe; Run() is driven by one thread.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/kube_client.h"
#include "operator/kube/random_source.h"

namespace po::kube {

struct LeaderElectionConfig {
  // The Lease's namespace and name.
  std::string lease_namespace;
  std::string lease_name;
  // Who we are; DefaultIdentity() gives "hostname_uuid".
  std::string identity;
  // How long a lease is honoured after its holder was last seen renewing it. Default 15 s.
  std::chrono::milliseconds lease_duration{15'000};
  // How long the leader keeps retrying a failed renewal before giving up. Default 10 s.
  std::chrono::milliseconds renew_deadline{10'000};
  // The interval between attempts. Default 2 s.
  std::chrono::milliseconds retry_period{2'000};
  // Acquisition attempts wait retry_period × (1 + U[0, jitter)), as client-go's JitterFactor,
  // or less when the observed lease expires sooner. Default 1.2.
  double retry_jitter = 1.2;
  // On Run()'s stop, give the lease up (holder "", duration 1 s). Default true.
  bool release_on_cancel = true;
  // While waiting to acquire, also WATCH the Lease and try at once when its holder releases it or
  // it is deleted, instead of at the next retry: a graceful hand-over then takes well under a
  // second at the default retry period. Default false (client-go polls only); the operator sets it.
  bool watch_for_release = false;
  // Called when we become leader; must return promptly (start work on other threads).
  std::function<void()> on_started_leading;
  // Called when we stop leading (lost the lease, or Run() stopped while leading).
  std::function<void()> on_stopped_leading;
  // Called when the observed holder changes (including to ourselves).
  std::function<void(const std::string& identity)> on_new_leader;
};

// "<hostname>_<random uuid>", as client-go's examples and controller-runtime build identities.
std::string DefaultIdentity(RandomSource& random);

// The Lease spec fields the election reads and writes.
struct LeaderElectionRecord {
  std::string holder_identity;
  int lease_duration_seconds = 0;
  std::string acquire_time;  // metav1.MicroTime text
  std::string renew_time;
  int lease_transitions = 0;
  bool operator==(const LeaderElectionRecord&) const = default;
};

class LeaderElector {
 public:
  LeaderElector(KubeClient& client, Clock& clock, RandomSource& random,
                LeaderElectionConfig config);

  // One attempt to acquire or renew; true when we hold the lease afterwards.
  bool TryAcquireOrRenew();

  // Acquires (retrying), then renews until a renewal misses RenewDeadline or `stop` is requested.
  // Returns Ok after a requested stop (releasing first when release_on_cancel), or
  // FailedPrecondition when leadership was lost — the caller should then exit non-zero.
  Status Run(std::stop_token stop);

  // Gives the lease up if we hold it: holderIdentity "" and leaseDurationSeconds 1, so that a
  // standby acquires it at its next attempt.
  Status Release();

  bool IsLeader() const;
  // The holder we last observed ("" when none).
  std::string ObservedLeader() const;
  LeaderElectionRecord ObservedRecord() const;

 private:
  bool SleepInterruptibly(Clock::Duration d, const std::stop_token& stop);
  // Watches the Lease until `stop`, setting released_ when it is released or deleted.
  void WatchForRelease(std::stop_token stop);
  Clock::Duration JitteredRetry();
  // When the lease we last observed expires by our observation; nullopt when nobody holds it.
  std::optional<Clock::TimePoint> ObservedExpiry() const;
  Json LeaseObject(const LeaderElectionRecord& record, const std::string& resource_version) const;
  void Observe(const LeaderElectionRecord& record);

  KubeClient& client_;
  Clock& clock_;
  RandomSource& random_;
  const LeaderElectionConfig config_;
  mutable std::mutex mu_;
  std::optional<LeaderElectionRecord> observed_;
  Clock::TimePoint observed_time_{};
  std::string observed_resource_version_;
  std::atomic<bool> leading_{false};
  std::atomic<bool> released_{false};  // set by WatchForRelease, cleared by each acquire attempt
};

}  // namespace po::kube
