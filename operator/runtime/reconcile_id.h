// Sources of reconcile IDs: a random UUID (version 4) per reconcile in production, and a counter in
// tests. Both thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <random>
#include <string>

namespace po::runtime {

class IdSource {
 public:
  virtual ~IdSource() = default;
  virtual std::string NewId() = 0;
};

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from a generator seeded by std::random_device.
class RandomUuidSource final : public IdSource {
 public:
  RandomUuidSource();
  std::string NewId() override;

 private:
  std::mutex mu_;
  std::mt19937_64 engine_;
};

// "<prefix>1", "<prefix>2", ...
class SequentialIdSource final : public IdSource {
 public:
  explicit SequentialIdSource(std::string prefix = "reconcile-") : prefix_(std::move(prefix)) {}
  std::string NewId() override { return prefix_ + std::to_string(++next_); }

 private:
  std::string prefix_;
  std::atomic<unsigned long long> next_{0};
};

}  // namespace po::runtime
