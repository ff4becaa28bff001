// The apiserver refuses each manifest in invalid/ with the message its "# expect:" line names:
// enums, bounds, patterns, required and unknown fields, immutable fields and cross-field rules.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/integration/crds/crd_cluster.h"
#include "tests/integration/crds/manifest_case.h"

namespace po::testing::crds {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::filesystem::path InvalidDir() {
  return RepoRoot() + "/tests/integration/crds/invalid";
}

class InvalidManifestTest : public CrdsInstalledTest<std::filesystem::path> {};

TEST_P(InvalidManifestTest, IsRefusedWithTheExpectedMessage) {
  auto test_case = LoadManifestCase(GetParam());
  ASSERT_TRUE(test_case.ok()) << test_case.status().ToString();
  SCOPED_TRACE(test_case->description);
  TestNamespace ns("crds-invalid");
  ASSERT_TRUE(ns.ok()) << ns.error();

  const auto& documents = test_case->documents;
  for (size_t i = 0; i + 1 < documents.size(); ++i) {
    auto setup = ns.Apply(documents[i], /*dry_run=*/false);
    ASSERT_EQ(setup.exit_code, 0) << "document " << i + 1 << " must be accepted:\n" << setup.output;
  }
  auto refused = ns.Apply(documents.back(), /*dry_run=*/true);
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr(test_case->expect));
  EXPECT_THAT(refused.output, Not(HasSubstr("created (server dry run)")));
}

INSTANTIATE_TEST_SUITE_P(Files, InvalidManifestTest, ::testing::ValuesIn(YamlFilesIn(InvalidDir())),
                         [](const auto& info) { return TestNameFromFile(info.param); });

TEST(InvalidManifestTable, HasAtLeast24Cases) {
  EXPECT_GE(YamlFilesIn(InvalidDir()).size(), 24u);
}

}  // namespace
}  // namespace po::testing::crds
