// Growing waits for busy AWS resources, per key.
#include "controllers/common/wait_backoff.h"

#include <algorithm>

namespace po::controllers {

Clock::Duration WaitBackoff::Next(const std::string& key) {
  std::lock_guard lock(mu_);
  int& rounds = rounds_[key];
  Clock::Duration wait = options_.initial;
  for (int i = 0; i < rounds && wait < options_.max; ++i) wait *= 2;
  rounds = std::min(rounds + 1, 30);
  return std::min(wait, options_.max);
}

void WaitBackoff::Reset(const std::string& key) {
  std::lock_guard lock(mu_);
  rounds_.erase(key);
}

}  // namespace po::controllers
