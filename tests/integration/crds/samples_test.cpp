// Every sample in crds/samples/ is accepted by the apiserver (server-side dry run, strict field
// validation), so the documented examples always match the schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/integration/crds/crd_cluster.h"
#include "tests/integration/crds/manifest_case.h"

namespace po::testing::crds {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::filesystem::path SamplesDir() {
  return CrdsDir() + "/samples";
}

class SampleTest : public CrdsInstalledTest<std::filesystem::path> {};

TEST_P(SampleTest, IsAcceptedByTheApiserver) {
  std::ifstream in(GetParam());
  ASSERT_TRUE(in) << "cannot read " << GetParam();
  std::ostringstream text;
  text << in.rdbuf();
  TestNamespace ns("crds-samples");
  ASSERT_TRUE(ns.ok()) << ns.error();

  auto applied = ns.Apply(text.str(), /*dry_run=*/true);
  EXPECT_EQ(applied.exit_code, 0) << applied.output;
  EXPECT_THAT(applied.output, HasSubstr("created (server dry run)"));
  EXPECT_THAT(applied.output, Not(HasSubstr("Warning")));
}

INSTANTIATE_TEST_SUITE_P(Files, SampleTest, ::testing::ValuesIn(YamlFilesIn(SamplesDir())),
                         [](const auto& info) { return TestNameFromFile(info.param); });

TEST(SampleSet, CoversEveryKindAndEnvironment) {
  std::vector<std::string> names;
  for (const auto& file : YamlFilesIn(SamplesDir())) names.push_back(file.filename().string());
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("cachecluster.yaml", "databasecluster.yaml",
                                                     "metricsplatform-development.yaml",
                                                     "metricsplatform-production.yaml",
                                                     "metricsplatform-staging.yaml"));
}

}  // namespace
}  // namespace po::testing::crds
