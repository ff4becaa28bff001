// DBInstancePager: walks every page of DescribeDBInstances in one region lazily — a page is fetched
// only when the previous one is used up — following Marker until RDS returns none. Not thread-safe:
// one pager per walk.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "operator/aws/rds/api.h"

namespace po::aws::rds {

class DBInstancePager {
 public:
  // `request` selects the instances (Filters, MaxRecords as the page size); its Marker is ignored.
  DBInstancePager(RdsApi& api, std::string region, DescribeDBInstancesMessage request);

  // The next instance, std::nullopt after the last one, or the error of the page call that failed
  // (calling Next again retries that page).
  Outcome<std::optional<DBInstance>> Next();

  // How many DescribeDBInstances calls have succeeded so far.
  int pages_fetched() const { return pages_fetched_; }

 private:
  RdsApi& api_;
  std::string region_;
  DescribeDBInstancesMessage request_;
  std::vector<DBInstance> page_;
  size_t position_ = 0;
  bool last_page_seen_ = false;
  int pages_fetched_ = 0;
};

// Every instance matching `request` in `region`, all pages concatenated.
Outcome<std::vector<DBInstance>> DescribeAllDBInstances(RdsApi& api, const std::string& region,
                                                        DescribeDBInstancesMessage request);

}  // namespace po::aws::rds
