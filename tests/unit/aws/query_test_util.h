// Helpers shared by the Query-protocol (RDS, ElastiCache) unit tests: a table row that pairs an
// encoder call with botocore's expected form parameters, order-insensitive comparison, the row's
// test name, and the operations a FakeApiCaller saw. Header-only; plain functions, thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "operator/aws/api_caller.h"
#include "tests/fakes/fake_api_caller.h"

namespace po::aws::testing {

// One encoder case: `encode` builds a request and encodes it; `expected` is what botocore's query
// serializer produces for the same input.
struct EncodeCase {
  std::string name;
  std::function<QueryParams()> encode;
  QueryParams expected;
};

// The parameters sorted, so that two encodings compare regardless of order.
inline QueryParams Sorted(QueryParams params) {
  std::sort(params.begin(), params.end());
  return params;
}

// The test name of an EncodeCase row: its `name`.
inline std::string EncodeCaseName(const ::testing::TestParamInfo<EncodeCase>& info) {
  return info.param.name;
}

// The operation (action) names of every call `caller` recorded, in order.
inline std::vector<std::string> Operations(const FakeApiCaller& caller) {
  std::vector<std::string> operations;
  for (const RecordedCall& call : caller.calls()) operations.push_back(call.operation);
  return operations;
}

}  // namespace po::aws::testing
