// WaitBackoff: how long to wait before looking again at an AWS resource that is busy (creating,
// modifying, backing-up): 15 s, doubling per consecutive wait of the same key, capped at 2 min, and
// back to 15 s once the key is Reset (the resource settled). Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "operator/common/clock.h"

namespace po::controllers {

struct WaitBackoffOptions {
  // First wait. Default 15 s.
  Clock::Duration initial = std::chrono::seconds(15);
  // Longest wait. Default 2 min.
  Clock::Duration max = std::chrono::minutes(2);
};

class WaitBackoff {
 public:
  explicit WaitBackoff(WaitBackoffOptions options = {}) : options_(options) {}

  // The wait for this round of `key`: initial, 2×, 4×, ... up to max.
  Clock::Duration Next(const std::string& key);
  // The resource settled: the next wait starts at `initial` again.
  void Reset(const std::string& key);

 private:
  const WaitBackoffOptions options_;
  std::mutex mu_;
  std::map<std::string, int> rounds_;
};

}  // namespace po::controllers
