// Paginator<Page>: walks a paginated AWS listing lazily, one page per fetch, for both styles —
// Query's Marker/MaxRecords and the NextToken of JSON/REST APIs. The typed client supplies
// fetch(token) returning the page and the token of the next one ("" on the last page). Iteration
// stops at the first error, which error() then exposes. Not thread-safe: one walker per paginator.
//
//   Paginator<DescribeDBInstancesPage> pages([&](const std::string& marker) { ... });
//   for (const auto& page : pages) { ... }
//   if (pages.error()) return pages.error()->ToStatus();
#pragma once

#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "operator/aws/error.h"

namespace po::aws {

template <typename Page>
struct PageWithToken {
  Page page;
  std::string next_token;  // "" when this is the last page
};

template <typename Page>
class Paginator {
 public:
  using Fetch = std::function<Outcome<PageWithToken<Page>>(const std::string& token)>;

  // `max_pages` guards against a service that keeps returning the same token.
  explicit Paginator(Fetch fetch, int max_pages = 1000)
      : fetch_(std::move(fetch)), max_pages_(max_pages) {}

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Page;
    using difference_type = std::ptrdiff_t;
    using pointer = const Page*;
    using reference = const Page&;

    Iterator() = default;
    explicit Iterator(Paginator* owner) : owner_(owner) { Advance(); }

    reference operator*() const { return *current_; }
    pointer operator->() const { return &*current_; }
    Iterator& operator++() {
      Advance();
      return *this;
    }
    bool operator==(const Iterator& other) const { return Done() == other.Done(); }

   private:
    bool Done() const { return owner_ == nullptr || !current_.has_value(); }
    void Advance() {
      current_.reset();
      if (owner_ != nullptr) current_ = owner_->Next();
    }

    Paginator* owner_ = nullptr;
    std::optional<Page> current_;
  };

  Iterator begin() { return Iterator(this); }
  Iterator end() { return Iterator(); }

  // The next page, or nullopt after the last page or an error.
  std::optional<Page> Next() {
    if (finished_) return std::nullopt;
    if (pages_ >= max_pages_) {
      error_ = AwsError{"PaginationLimitExceeded",
                        "stopped after " + std::to_string(max_pages_) + " pages", "", 0, false};
      finished_ = true;
      return std::nullopt;
    }
    Outcome<PageWithToken<Page>> outcome = fetch_(token_);
    ++pages_;
    if (!outcome.ok()) {
      error_ = outcome.error();
      finished_ = true;
      return std::nullopt;
    }
    PageWithToken<Page>& result = outcome.value();
    finished_ = result.next_token.empty() || result.next_token == token_;
    token_ = std::move(result.next_token);
    return std::move(result.page);
  }

  // The error that stopped iteration, if any.
  const std::optional<AwsError>& error() const { return error_; }
  int pages_fetched() const { return pages_; }

 private:
  Fetch fetch_;
  int max_pages_;
  std::string token_;
  bool finished_ = false;
  int pages_ = 0;
  std::optional<AwsError> error_;
};

}  // namespace po::aws
