// RegionalSnapshotCache<T>: one shared, short-lived list of every AWS resource of a type per region
// (e.g. all DB instances from a paged DescribeDBInstances), so N custom resources cost one paged
// Describe per region per refresh instead of N calls. A snapshot is served while younger than
// max_age; concurrent readers of a stale region wait for a single fetch and share it. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "operator/common/clock.h"
#include "operator/common/status.h"

namespace po::controllers {

struct RegionalSnapshotOptions {
  // How long a snapshot is served. Default 5 s.
  Clock::Duration max_age = std::chrono::seconds(5);
  // A region marked stale is fetched again no sooner than this after its last fetch. Default 1 s.
  Clock::Duration min_refresh_interval = std::chrono::seconds(1);
};

template <typename T>
class RegionalSnapshotCache {
 public:
  using Items = std::vector<T>;
  using Fetch = std::function<Result<Items>(const std::string& region)>;

  // `clock` must outlive the cache.
  RegionalSnapshotCache(const Clock& clock, Fetch fetch, RegionalSnapshotOptions options = {})
      : clock_(clock), fetch_(std::move(fetch)), options_(options) {}

  // The region's items, fetched if the snapshot is missing, older than max_age or marked stale.
  // A failed fetch is returned to every waiter and not cached.
  Result<std::shared_ptr<const Items>> Get(const std::string& region) {
    std::unique_lock lock(mu_);
    Entry& entry = entries_[region];
    while (true) {
      const Clock::TimePoint now = clock_.Now();
      if (entry.items && !NeedsFetch(entry, now)) return entry.items;
      if (!entry.fetching) break;
      entry.done.wait(lock);
    }
    entry.fetching = true;
    lock.unlock();
    Result<Items> fetched = fetch_(region);
    lock.lock();
    entry.fetching = false;
    entry.done.notify_all();
    if (!fetched.ok()) return fetched.status();
    entry.items = std::make_shared<const Items>(std::move(fetched).value());
    entry.fetched_at = clock_.Now();
    entry.stale = false;
    ++fetches_;
    return entry.items;
  }

  // The region changed (we created, modified or deleted something): the next Get fetches again,
  // but no sooner than min_refresh_interval after the last fetch.
  void MarkStale(const std::string& region) {
    std::lock_guard lock(mu_);
    entries_[region].stale = true;
  }

  // How many fetches succeeded so far (for tests and benchmarks).
  std::uint64_t Fetches() const {
    std::lock_guard lock(mu_);
    return fetches_;
  }

 private:
  struct Entry {
    std::shared_ptr<const Items> items;
    Clock::TimePoint fetched_at{};
    bool stale = false;
    bool fetching = false;
    std::condition_variable done;
  };

  bool NeedsFetch(const Entry& entry, Clock::TimePoint now) const {
    const auto age = now - entry.fetched_at;
    if (age >= options_.max_age) return true;
    return entry.stale && age >= options_.min_refresh_interval;
  }

  const Clock& clock_;
  const Fetch fetch_;
  const RegionalSnapshotOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, Entry> entries_;
  std::uint64_t fetches_ = 0;
};

}  // namespace po::controllers
