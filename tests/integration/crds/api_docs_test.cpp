// docs/api.md is what scripts/gen-api-docs.py generates from the CRDs, and the CRDs pass its
// checks (a description on every field, the MetricsPlatform templates in step with their kinds).
#include <gtest/gtest.h>

#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

TEST(ApiDocs, AreUpToDateWithTheCrds) {
  auto check = RunWithHarness("python3 '" + RepoRoot() + "/scripts/gen-api-docs.py' --check");
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

}  // namespace
}  // namespace po::testing
