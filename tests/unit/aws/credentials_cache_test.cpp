// CachingCredentialsProvider: caching, refresh 5 minutes before expiry, fallback to still-valid
// credentials, and one shared refresh for concurrent callers.
#include "operator/aws/credentials_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace po::aws {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// Hands out numbered credentials expiring `lifetime` after the fake clock's now; can be told to
// fail, and to block until released (to hold a refresh in flight).
class CountingProvider final : public CredentialsProvider {
 public:
  CountingProvider(Clock& clock, std::chrono::seconds lifetime)
      : clock_(clock), lifetime_(lifetime) {}

  Result<Credentials> Get() override {
    int n = ++calls;
    {
      std::unique_lock lock(mu_);
      entered_ = true;
      entered_cv_.notify_all();
      release_cv_.wait(lock, [&] { return !hold_; });
    }
    if (fail) return Unavailable("sts unreachable");
    Credentials credentials{"ASIA" + std::to_string(n), "secret", "token", {}};
    if (lifetime_.count() > 0) credentials.expiration = clock_.WallNow() + lifetime_;
    return credentials;
  }
  std::string Name() const override { return "counting"; }

  void Hold() {
    std::lock_guard lock(mu_);
    hold_ = true;
    entered_ = false;
  }
  void WaitUntilEntered() {
    std::unique_lock lock(mu_);
    entered_cv_.wait(lock, [&] { return entered_; });
  }
  void Release() {
    std::lock_guard lock(mu_);
    hold_ = false;
    release_cv_.notify_all();
  }

  std::atomic<int> calls{0};
  std::atomic<bool> fail{false};

 private:
  Clock& clock_;
  std::chrono::seconds lifetime_;
  std::mutex mu_;
  std::condition_variable entered_cv_, release_cv_;
  bool hold_ = false;
  bool entered_ = false;
};

void WaitForWaiters(CachingCredentialsProvider& cache, int n) {
  while (cache.WaitingCallers() < n) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(CredentialsCache, LongTermCredentialsAreFetchedOnce) {
  FakeClock clock;
  auto inner = std::make_unique<CountingProvider>(clock, seconds(0));
  CountingProvider* counting = inner.get();
  CachingCredentialsProvider cache(std::move(inner), clock);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(cache.Get().ok());
    clock.Advance(std::chrono::hours(24));
  }
  EXPECT_EQ(counting->calls, 1);
}

TEST(CredentialsCache, RefreshesFiveMinutesBeforeExpiry) {
  FakeClock clock;
  auto inner = std::make_unique<CountingProvider>(clock, minutes(60));
  CountingProvider* counting = inner.get();
  CachingCredentialsProvider cache(std::move(inner), clock);
  EXPECT_EQ(cache.Get()->access_key_id, "ASIA1");
  clock.Advance(minutes(54));
  EXPECT_EQ(cache.Get()->access_key_id, "ASIA1");  // 6 minutes left: still fresh
  clock.Advance(minutes(1) + seconds(1));
  EXPECT_EQ(cache.Get()->access_key_id, "ASIA2");  // under 5 minutes left: refreshed
  EXPECT_EQ(counting->calls, 2);
}

TEST(CredentialsCache, FailedRefreshKeepsStillValidCredentials) {
  FakeClock clock;
  auto inner = std::make_unique<CountingProvider>(clock, minutes(60));
  CountingProvider* counting = inner.get();
  CachingCredentialsProvider cache(std::move(inner), clock);
  ASSERT_TRUE(cache.Get().ok());
  counting->fail = true;
  clock.Advance(minutes(57));
  Result<Credentials> during = cache.Get();
  ASSERT_TRUE(during.ok());
  EXPECT_EQ(during->access_key_id, "ASIA1");
  clock.Advance(minutes(4));  // now expired
  Result<Credentials> after = cache.Get();
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.status(), Unavailable("sts unreachable"));
}

TEST(CredentialsCache, ConcurrentCallersShareOneRefresh) {
  FakeClock clock;
  auto inner = std::make_unique<CountingProvider>(clock, minutes(60));
  CountingProvider* counting = inner.get();
  CachingCredentialsProvider cache(std::move(inner), clock);
  counting->Hold();

  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  std::vector<std::string> keys(kThreads);
  threads.emplace_back([&] { keys[0] = cache.Get()->access_key_id; });
  counting->WaitUntilEntered();  // the first caller is refreshing
  for (int i = 1; i < kThreads; ++i) {
    threads.emplace_back([&, i] { keys[i] = cache.Get()->access_key_id; });
  }
  WaitForWaiters(cache, kThreads - 1);
  counting->Release();
  for (auto& t : threads) t.join();

  EXPECT_EQ(counting->calls, 1);
  for (const std::string& key : keys) EXPECT_EQ(key, "ASIA1");
}

TEST(CredentialsCache, WaitersSeeTheSharedRefreshError) {
  FakeClock clock;
  auto inner = std::make_unique<CountingProvider>(clock, minutes(60));
  CountingProvider* counting = inner.get();
  CachingCredentialsProvider cache(std::move(inner), clock);
  counting->fail = true;
  counting->Hold();
  Status first, second;
  std::thread a([&] { first = cache.Get().status(); });
  counting->WaitUntilEntered();
  std::thread b([&] { second = cache.Get().status(); });
  WaitForWaiters(cache, 1);
  counting->Release();
  a.join();
  b.join();
  EXPECT_EQ(first, Unavailable("sts unreachable"));
  EXPECT_EQ(second, Unavailable("sts unreachable"));
  EXPECT_EQ(counting->calls, 1);
}

}  // namespace
}  // namespace po::aws
