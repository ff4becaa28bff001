// The randomness behind jitter (backoff, watch timeouts, resync periods, event names), injected so
// tests are deterministic. RealRandom and SequenceRandom are thread-safe.
#pragma once

#include <mutex>
#include <random>
#include <vector>

namespace po::kube {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // A uniform value in [0, 1).
  virtual double Uniform() = 0;
};

class RealRandom final : public RandomSource {
 public:
  RealRandom() : engine_(std::random_device{}()) {}
  double Uniform() override {
    std::lock_guard lock(mu_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
  }

 private:
  std::mutex mu_;
  std::mt19937_64 engine_;
};

// Returns the given values in turn, cycling; a constant when given one value.
class SequenceRandom final : public RandomSource {
 public:
  explicit SequenceRandom(std::vector<double> values) : values_(std::move(values)) {}
  double Uniform() override {
    std::lock_guard lock(mu_);
    if (values_.empty()) return 0.0;
    double value = values_[next_ % values_.size()];
    ++next_;
    return value;
  }

 private:
  std::mutex mu_;
  std::vector<double> values_;
  size_t next_ = 0;
};

}  // namespace po::kube
