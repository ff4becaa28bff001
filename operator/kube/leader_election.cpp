// Lease-based leader election.
#include "operator/kube/leader_election.h"

#include <unistd.h>

#include <cstdio>

#include "operator/kube/credentials.h"

namespace po::kube {
namespace {

LeaderElectionRecord RecordFromLease(const Json& lease) {
  LeaderElectionRecord record;
  auto spec = lease.find("spec");
  if (spec == lease.end() || !spec->is_object()) return record;
  record.holder_identity = spec->value("holderIdentity", "");
  record.lease_duration_seconds = spec->value("leaseDurationSeconds", 0);
  record.acquire_time = spec->value("acquireTime", "");
  record.renew_time = spec->value("renewTime", "");
  record.lease_transitions = spec->value("leaseTransitions", 0);
  return record;
}

}  // namespace

std::string DefaultIdentity(RandomSource& random) {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) std::snprintf(host, sizeof(host), "unknown");
  unsigned char bytes[16];
  for (auto& b : bytes) b = static_cast<unsigned char>(random.Uniform() * 256);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char uuid[40];
  std::snprintf(uuid, sizeof(uuid),
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return std::string(host) + "_" + uuid;
}

LeaderElector::LeaderElector(KubeClient& client, Clock& clock, RandomSource& random,
                             LeaderElectionConfig config)
    : client_(client), clock_(clock), random_(random), config_(std::move(config)) {}

bool LeaderElector::IsLeader() const {
  return leading_.load();
}

std::string LeaderElector::ObservedLeader() const {
  std::lock_guard lock(mu_);
  return observed_ ? observed_->holder_identity : "";
}

LeaderElectionRecord LeaderElector::ObservedRecord() const {
  std::lock_guard lock(mu_);
  return observed_.value_or(LeaderElectionRecord{});
}

std::optional<Clock::TimePoint> LeaderElector::ObservedExpiry() const {
  std::lock_guard lock(mu_);
  if (!observed_ || observed_->holder_identity.empty()) return std::nullopt;
  return observed_time_ + std::chrono::seconds(observed_->lease_duration_seconds);
}

Json LeaderElector::LeaseObject(const LeaderElectionRecord& record,
                                const std::string& resource_version) const {
  Json lease = {
      {"apiVersion", "coordination.k8s.io/v1"},
      {"kind", "Lease"},
      {"metadata", {{"name", config_.lease_name}, {"namespace", config_.lease_namespace}}},
      {"spec",
       {{"holderIdentity", record.holder_identity},
        {"leaseDurationSeconds", record.lease_duration_seconds},
        {"leaseTransitions", record.lease_transitions}}}};
  if (!record.acquire_time.empty()) lease["spec"]["acquireTime"] = record.acquire_time;
  if (!record.renew_time.empty()) lease["spec"]["renewTime"] = record.renew_time;
  if (!resource_version.empty()) lease["metadata"]["resourceVersion"] = resource_version;
  return lease;
}

// Records what we saw; the observation time moves only when the record changed.
void LeaderElector::Observe(const LeaderElectionRecord& record) {
  std::string previous_holder;
  bool changed = false;
  {
    std::lock_guard lock(mu_);
    previous_holder = observed_ ? observed_->holder_identity : "";
    if (!observed_ || !(*observed_ == record)) {
      observed_ = record;
      observed_time_ = clock_.Now();
      changed = true;
    }
  }
  if (changed && record.holder_identity != previous_holder && config_.on_new_leader) {
    config_.on_new_leader(record.holder_identity);
  }
}

bool LeaderElector::TryAcquireOrRenew() {
  std::string now = FormatRfc3339Micro(clock_.WallNow());
  LeaderElectionRecord desired{
      config_.identity,
      static_cast<int>(
          std::chrono::duration_cast<std::chrono::seconds>(config_.lease_duration).count()),
      now, now, 0};

  auto lease = client_.Get(Leases(), config_.lease_namespace, config_.lease_name);
  if (!lease.ok()) {
    if (lease.status().code() != StatusCode::kNotFound) return false;
    auto created = client_.Create(Leases(), config_.lease_namespace, LeaseObject(desired, ""));
    if (!created.ok()) return false;
    Observe(desired);
    std::lock_guard lock(mu_);
    observed_resource_version_ = ResourceVersionOf(*created);
    return true;
  }

  LeaderElectionRecord current = RecordFromLease(*lease);
  Observe(current);
  Clock::TimePoint observed_time;
  {
    std::lock_guard lock(mu_);
    observed_time = observed_time_;
    observed_resource_version_ = ResourceVersionOf(*lease);
  }
  const bool held_by_us = current.holder_identity == config_.identity;
  if (!current.holder_identity.empty() && !held_by_us &&
      observed_time + std::chrono::seconds(current.lease_duration_seconds) > clock_.Now()) {
    return false;  // someone else holds an unexpired lease
  }
  if (held_by_us) {
    desired.acquire_time = current.acquire_time;
    desired.lease_transitions = current.lease_transitions;
  } else {
    desired.lease_transitions = current.lease_transitions + 1;
  }
  auto updated = client_.Update(Leases(), LeaseObject(desired, ResourceVersionOf(*lease)));
  if (!updated.ok()) return false;  // a conflict means someone else wrote first
  Observe(desired);
  std::lock_guard lock(mu_);
  observed_resource_version_ = ResourceVersionOf(*updated);
  return true;
}

Status LeaderElector::Release() {
  if (!leading_.load()) return Status::Ok();
  LeaderElectionRecord record;
  std::string resource_version;
  {
    std::lock_guard lock(mu_);
    if (!observed_ || observed_->holder_identity != config_.identity) return Status::Ok();
    record = *observed_;
    resource_version = observed_resource_version_;
  }
  std::string now = FormatRfc3339Micro(clock_.WallNow());
  record.holder_identity = "";
  record.lease_duration_seconds = 1;
  record.acquire_time = now;
  record.renew_time = now;
  auto updated = client_.Update(Leases(), LeaseObject(record, resource_version));
  if (!updated.ok()) return updated.status().WithContext("releasing the leader lease");
  Observe(record);
  leading_ = false;
  return Status::Ok();
}

Clock::Duration LeaderElector::JitteredRetry() {
  return std::chrono::duration_cast<Clock::Duration>(
      config_.retry_period * (1.0 + random_.Uniform() * config_.retry_jitter));
}

bool LeaderElector::SleepInterruptibly(Clock::Duration d, const std::stop_token& stop) {
  const Clock::Duration slice = std::chrono::milliseconds(50);
  while (d > Clock::Duration::zero()) {
    if (stop.stop_requested()) return false;
    if (released_.load()) break;  // only ever set while waiting to acquire
    auto step = std::min(d, slice);
    clock_.SleepFor(step);
    d -= step;
  }
  return !stop.stop_requested();
}

void LeaderElector::WatchForRelease(std::stop_token stop) {
  const std::string selector = "metadata.name=" + config_.lease_name;
  while (!stop.stop_requested()) {
    ListOptions options;
    options.field_selector = selector;
    options.timeout_seconds = 300;
    std::string rv;
    {
      std::lock_guard lock(mu_);
      rv = observed_resource_version_;
    }
    if (!rv.empty()) options.resource_version = rv;
    Status watched = client_.Watch(
        Leases(), config_.lease_namespace, options,
        [this](const WatchEvent& event) {
          bool released = event.type == WatchEventType::kDeleted;
          if (event.type == WatchEventType::kModified || event.type == WatchEventType::kAdded) {
            // Each renewal is observed the moment it happens, so expiry is judged from the
            // holder's last renewal rather than from our last poll.
            LeaderElectionRecord record = RecordFromLease(event.object);
            released = record.holder_identity.empty();
            Observe(record);
          }
          if (released) released_ = true;
          return true;
        },
        stop);
    // A failed or ended watch is retried after a pause; the retry loop still polls meanwhile.
    for (int i = 0; i < 20 && !stop.stop_requested(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    (void)watched;
  }
}

Status LeaderElector::Run(std::stop_token stop) {
  // Acquire: try now, then every jittered retry period — or sooner, right when the lease we saw
  // expires by our own observation, so that a dead leader is replaced without an extra wait, or
  // (watch_for_release) right when its holder releases it.
  std::jthread release_watch;
  if (config_.watch_for_release) {
    // Stopped (and joined) once we lead, or by its destructor when Run returns while waiting.
    release_watch = std::jthread([this](std::stop_token own) { WatchForRelease(own); });
  }
  while ((released_ = false, !TryAcquireOrRenew())) {
    Clock::Duration wait = JitteredRetry();
    if (auto expiry = ObservedExpiry()) {
      auto until_expiry = *expiry - clock_.Now();
      if (until_expiry > Clock::Duration::zero() && until_expiry < wait) wait = until_expiry;
    }
    if (!SleepInterruptibly(wait, stop)) return Status::Ok();
  }
  if (release_watch.joinable()) {
    release_watch.request_stop();
    release_watch.join();
  }
  released_ = false;
  leading_ = true;
  if (config_.on_started_leading) config_.on_started_leading();

  // Renew every retry period; a renewal that keeps failing past the deadline loses the lease.
  Status result;
  for (;;) {
    if (!SleepInterruptibly(config_.retry_period, stop)) break;
    auto deadline = clock_.Now() + config_.renew_deadline;
    bool renewed = false;
    while (!(renewed = TryAcquireOrRenew())) {
      if (clock_.Now() + config_.retry_period > deadline) break;
      if (!SleepInterruptibly(config_.retry_period, stop)) break;
    }
    if (stop.stop_requested()) break;
    if (!renewed) {
      result = FailedPrecondition("leader election lost: lease " + config_.lease_namespace + "/" +
                                  config_.lease_name + " not renewed within the renew deadline");
      break;
    }
  }
  if (result.ok() && config_.release_on_cancel) {
    if (Status released = Release(); !released.ok()) result = released;
  }
  leading_ = false;
  if (config_.on_stopped_leading) config_.on_stopped_leading();
  return result;
}

}  // namespace po::kube
