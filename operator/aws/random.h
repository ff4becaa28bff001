// Random: the source of randomness for retry jitter, so tests can fix it. RealRandom draws from a
// mutex-guarded Mersenne Twister; FixedRandom always returns one value. Both are thread-safe.
#pragma once

#include <mutex>
#include <random>

namespace po::aws {

class Random {
 public:
  virtual ~Random() = default;
  // A value in [0, 1).
  virtual double Uniform() = 0;
};

class RealRandom final : public Random {
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

class FixedRandom final : public Random {
 public:
  explicit FixedRandom(double value) : value_(value) {}
  double Uniform() override { return value_; }

 private:
  double value_;
};

}  // namespace po::aws
