// The apiserver accepts each manifest sequence in valid/ (values at their limits, updates of
// mutable fields next to immutable ones), so the rules refuse only what they mean to.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/integration/crds/crd_cluster.h"
#include "tests/integration/crds/manifest_case.h"

namespace po::testing::crds {
namespace {

using ::testing::HasSubstr;

std::filesystem::path ValidDir() {
  return RepoRoot() + "/tests/integration/crds/valid";
}

class ValidManifestTest : public CrdsInstalledTest<std::filesystem::path> {};

TEST_P(ValidManifestTest, IsAccepted) {
  auto test_case = LoadManifestCase(GetParam());
  ASSERT_TRUE(test_case.ok()) << test_case.status().ToString();
  SCOPED_TRACE(test_case->description);
  TestNamespace ns("crds-valid");
  ASSERT_TRUE(ns.ok()) << ns.error();

  const auto& documents = test_case->documents;
  for (size_t i = 0; i + 1 < documents.size(); ++i) {
    auto setup = ns.Apply(documents[i], /*dry_run=*/false);
    ASSERT_EQ(setup.exit_code, 0) << "document " << i + 1 << " must be accepted:\n" << setup.output;
  }
  auto accepted = ns.Apply(documents.back(), /*dry_run=*/true);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
  EXPECT_THAT(accepted.output, HasSubstr(test_case->expect));
}

INSTANTIATE_TEST_SUITE_P(Files, ValidManifestTest, ::testing::ValuesIn(YamlFilesIn(ValidDir())),
                         [](const auto& info) { return TestNameFromFile(info.param); });

}  // namespace
}  // namespace po::testing::crds
