// DBInstancePager: lazy walk over the pages of DescribeDBInstances.
#include "operator/aws/rds/pager.h"

#include <utility>

namespace po::aws::rds {

DBInstancePager::DBInstancePager(RdsApi& api, std::string region,
                                 DescribeDBInstancesMessage request)
    : api_(api), region_(std::move(region)), request_(std::move(request)) {
  request_.Marker.reset();
}

Outcome<std::optional<DBInstance>> DBInstancePager::Next() {
  while (position_ >= page_.size()) {
    if (last_page_seen_) return std::optional<DBInstance>();
    Outcome<DBInstanceMessage> page = api_.DescribeDBInstances(region_, request_);
    if (!page.ok()) return page.error();
    ++pages_fetched_;
    page_ = std::move(page.value().DBInstances);
    position_ = 0;
    request_.Marker = std::move(page.value().Marker);
    if (!request_.Marker || request_.Marker->empty()) last_page_seen_ = true;
  }
  return std::optional<DBInstance>(std::move(page_[position_++]));
}

Outcome<std::vector<DBInstance>> DescribeAllDBInstances(RdsApi& api, const std::string& region,
                                                        DescribeDBInstancesMessage request) {
  DBInstancePager pager(api, region, std::move(request));
  std::vector<DBInstance> all;
  while (true) {
    Outcome<std::optional<DBInstance>> next = pager.Next();
    if (!next.ok()) return next.error();
    if (!next.value()) return all;
    all.push_back(std::move(*next.value()));
  }
}

}  // namespace po::aws::rds
