// Paginator: lazy page-by-page iteration for Marker and NextToken styles, stopping on errors.
#include <gtest/gtest.h>

#include "operator/aws/paginator.h"

namespace po::aws {
namespace {

using Page = std::vector<std::string>;

TEST(Paginator, WalksUntilTokenIsEmpty) {
  std::vector<std::string> tokens_seen;
  Paginator<Page> pages([&](const std::string& token) -> Outcome<PageWithToken<Page>> {
    tokens_seen.push_back(token);
    if (token.empty()) return PageWithToken<Page>{{"a", "b"}, "m1"};
    if (token == "m1") return PageWithToken<Page>{{"c"}, "m2"};
    return PageWithToken<Page>{{"d"}, ""};
  });
  std::vector<std::string> items;
  for (const Page& page : pages) items.insert(items.end(), page.begin(), page.end());
  EXPECT_EQ(items, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(tokens_seen, (std::vector<std::string>{"", "m1", "m2"}));
  EXPECT_FALSE(pages.error().has_value());
  EXPECT_EQ(pages.pages_fetched(), 3);
}

TEST(Paginator, IsLazy) {
  int fetches = 0;
  Paginator<Page> pages([&](const std::string&) -> Outcome<PageWithToken<Page>> {
    ++fetches;
    return PageWithToken<Page>{{"x"}, "more"};
  });
  EXPECT_EQ(fetches, 0);
  auto it = pages.begin();
  EXPECT_EQ(fetches, 1);
  EXPECT_EQ((*it)[0], "x");
}

TEST(Paginator, StopsOnErrorAndExposesIt) {
  Paginator<Page> pages([&](const std::string& token) -> Outcome<PageWithToken<Page>> {
    if (token.empty()) return PageWithToken<Page>{{"a"}, "t1"};
    return AwsError{"Throttling", "Rate exceeded", "r", 400, true};
  });
  int seen = 0;
  for (const Page& page : pages) seen += static_cast<int>(page.size());
  EXPECT_EQ(seen, 1);
  ASSERT_TRUE(pages.error().has_value());
  EXPECT_EQ(pages.error()->code, "Throttling");
}

TEST(Paginator, StopsWhenServiceRepeatsToken) {
  Paginator<Page> pages([&](const std::string&) -> Outcome<PageWithToken<Page>> {
    return PageWithToken<Page>{{"a"}, "same"};
  });
  int count = 0;
  for (const Page& page : pages) count += static_cast<int>(page.size());
  EXPECT_EQ(count, 2);  // "" -> "same", then "same" -> "same" ends the walk
  EXPECT_FALSE(pages.error().has_value());
}

TEST(Paginator, PageLimitIsAnError) {
  int n = 0;
  Paginator<Page> pages(
      [&](const std::string&) -> Outcome<PageWithToken<Page>> {
        return PageWithToken<Page>{{"a"}, "t" + std::to_string(++n)};
      },
      /*max_pages=*/5);
  int count = 0;
  for (const Page& page : pages) count += static_cast<int>(page.size());
  EXPECT_EQ(count, 5);
  ASSERT_TRUE(pages.error().has_value());
  EXPECT_EQ(pages.error()->code, "PaginationLimitExceeded");
}

}  // namespace
}  // namespace po::aws
