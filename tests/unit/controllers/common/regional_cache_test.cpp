// The shared per-region observation cache: age, staleness, single flight, errors.
#include "controllers/common/regional_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace po::controllers {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

struct Fixture {
  FakeClock clock;
  std::atomic<int> calls{0};
  RegionalSnapshotCache<std::string> cache{
      clock, [this](const std::string& region) {
        const int n = ++calls;
        return Result<std::vector<std::string>>(
            std::vector<std::string>{region + "#" + std::to_string(n)});
      }};
};

TEST(RegionalSnapshotCacheTest, ServesOneFetchPerRegionUntilItAges) {
  Fixture f;
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#1");
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#1");
  EXPECT_EQ((*f.cache.Get("us-west-2").value())[0], "us-west-2#2");
  f.clock.Advance(seconds(4));
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#1");
  f.clock.Advance(seconds(1));
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#3");
  EXPECT_EQ(f.cache.Fetches(), 3u);
}

TEST(RegionalSnapshotCacheTest, StaleRegionIsRefetchedAfterTheMinimumInterval) {
  Fixture f;
  f.cache.Get("us-east-1");
  f.cache.MarkStale("us-east-1");
  f.clock.Advance(milliseconds(500));
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#1");
  f.clock.Advance(milliseconds(500));
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#2");
  // Fresh again: not refetched.
  EXPECT_EQ((*f.cache.Get("us-east-1").value())[0], "us-east-1#2");
}

TEST(RegionalSnapshotCacheTest, FailedFetchIsReturnedAndNotCached) {
  FakeClock clock;
  int calls = 0;
  RegionalSnapshotCache<int> cache(clock, [&](const std::string&) -> Result<std::vector<int>> {
    if (++calls == 1) return Unavailable("throttled");
    return std::vector<int>{7};
  });
  auto first = cache.Get("us-east-1");
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(first.status().message(), "throttled");
  auto second = cache.Get("us-east-1");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second.value())[0], 7);
  EXPECT_EQ(cache.Fetches(), 1u);
}

TEST(RegionalSnapshotCacheTest, ConcurrentReadersShareOneFetch) {
  RealClock clock;
  std::atomic<int> calls{0};
  RegionalSnapshotCache<int> cache(clock, [&](const std::string&) -> Result<std::vector<int>> {
    ++calls;
    std::this_thread::sleep_for(milliseconds(100));
    return std::vector<int>{1, 2, 3};
  });
  std::vector<std::thread> readers;
  std::atomic<int> ok{0};
  for (int i = 0; i < 16; ++i) {
    readers.emplace_back([&] {
      auto items = cache.Get("us-east-1");
      if (items.ok() && items.value()->size() == 3) ++ok;
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(ok.load(), 16);
  EXPECT_EQ(calls.load(), 1);
}

}  // namespace
}  // namespace po::controllers
