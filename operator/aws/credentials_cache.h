// CachingCredentialsProvider: keeps the credentials of the provider it wraps and refreshes them
// `refresh_before` (5 minutes, as the SDKs do) before they expire; long-term credentials are kept
// for good. Concurrent callers share one refresh: the first refreshes, the others wait for its
// result. If a refresh fails while the old credentials are still valid, those are returned.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

#include "operator/aws/credentials.h"
#include "operator/common/clock.h"

namespace po::aws {

class CachingCredentialsProvider final : public CredentialsProvider {
 public:
  CachingCredentialsProvider(std::unique_ptr<CredentialsProvider> inner, Clock& clock,
                             std::chrono::seconds refresh_before = std::chrono::minutes(5));
  Result<Credentials> Get() override;
  std::string Name() const override { return inner_->Name(); }

  // Callers currently blocked on a refresh in flight (for diagnostics and tests).
  int WaitingCallers();

 private:
  bool Fresh(const Credentials& credentials) const;
  bool Valid(const Credentials& credentials) const;

  std::unique_ptr<CredentialsProvider> inner_;
  Clock& clock_;
  const std::chrono::seconds refresh_before_;

  std::mutex mu_;
  std::condition_variable refreshed_;
  std::optional<Credentials> cached_;
  bool refreshing_ = false;
  int waiting_ = 0;
  uint64_t generation_ = 0;           // bumped after every refresh attempt
  std::optional<Status> last_error_;  // the error of the last refresh, for waiters
};

}  // namespace po::aws
