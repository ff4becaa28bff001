// Credential caching with one shared refresh.
#include "operator/aws/credentials_cache.h"

namespace po::aws {

CachingCredentialsProvider::CachingCredentialsProvider(std::unique_ptr<CredentialsProvider> inner,
                                                       Clock& clock,
                                                       std::chrono::seconds refresh_before)
    : inner_(std::move(inner)), clock_(clock), refresh_before_(refresh_before) {}

bool CachingCredentialsProvider::Fresh(const Credentials& credentials) const {
  return !credentials.expiration || clock_.WallNow() + refresh_before_ < *credentials.expiration;
}

bool CachingCredentialsProvider::Valid(const Credentials& credentials) const {
  return !credentials.expiration || clock_.WallNow() < *credentials.expiration;
}

int CachingCredentialsProvider::WaitingCallers() {
  std::lock_guard lock(mu_);
  return waiting_;
}

Result<Credentials> CachingCredentialsProvider::Get() {
  std::unique_lock lock(mu_);
  if (cached_ && Fresh(*cached_)) return *cached_;
  if (refreshing_) {
    // Another caller is refreshing: wait for its outcome instead of starting a second refresh.
    uint64_t generation = generation_;
    ++waiting_;
    refreshed_.wait(lock, [&] { return generation_ != generation; });
    --waiting_;
    if (cached_ && Valid(*cached_)) return *cached_;
    return last_error_.value_or(Unavailable("credentials refresh failed"));
  }
  refreshing_ = true;
  lock.unlock();
  Result<Credentials> fresh = inner_->Get();
  lock.lock();
  refreshing_ = false;
  ++generation_;
  if (fresh.ok()) {
    cached_ = *fresh;
    last_error_.reset();
  } else {
    last_error_ = fresh.status();
  }
  refreshed_.notify_all();
  if (fresh.ok()) return *cached_;
  if (cached_ && Valid(*cached_)) return *cached_;
  return fresh.status();
}

}  // namespace po::aws
