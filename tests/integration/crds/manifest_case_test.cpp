// ParseManifestCase reads the header and documents of a case file, and refuses malformed files
// with a message naming what is missing.
#include "tests/integration/crds/manifest_case.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace po::testing::crds {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ParseManifestCase, ReadsHeaderAndSingleDocument) {
  auto parsed =
      ParseManifestCase("01-x", "# What it shows.\n# expect: boom: \"x\"\nkind: A\nspec: {}\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->name, "01-x");
  EXPECT_EQ(parsed->description, "What it shows.");
  EXPECT_EQ(parsed->expect, "boom: \"x\"");
  EXPECT_THAT(parsed->documents, ElementsAre("kind: A\nspec: {}\n"));
}

TEST(ParseManifestCase, SplitsDocumentsAndDropsEmptyOnes) {
  auto parsed = ParseManifestCase(
      "x", "# d\n# expect: e\n---\nkind: A\n---\n# only a comment\n---\nkind: B\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_THAT(parsed->documents, ElementsAre("kind: A\n", "kind: B\n"));
}

TEST(ParseManifestCase, KeepsCommentsInsideDocuments) {
  auto parsed = ParseManifestCase("x", "# d\n# expect: e\nkind: A\n# note\nspec: {}\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_THAT(parsed->documents, ElementsAre("kind: A\n# note\nspec: {}\n"));
}

struct MalformedCase {
  std::string text;
  std::string error;
};

// Shows the file text in test output instead of dumping its bytes.
void PrintTo(const MalformedCase& c, std::ostream* os) {
  *os << ::testing::PrintToString(c.text);
}

class MalformedManifestCaseTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedManifestCaseTest, IsRefused) {
  auto parsed = ParseManifestCase("bad", GetParam().text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(parsed.status().message(), HasSubstr("case bad: " + GetParam().error));
}

INSTANTIATE_TEST_SUITE_P(
    Files, MalformedManifestCaseTest,
    ::testing::Values(MalformedCase{"kind: A\n", "the first line must be a comment"},
                      MalformedCase{"# expect: e\nkind: A\n", "the first line must be a comment"},
                      MalformedCase{"# d\nkind: A\n", "no \"# expect: <message>\" line"},
                      MalformedCase{"# d\n# expect: e\n---\n", "no YAML document"}));

TEST(TestNameFromFile, ReplacesPunctuation) {
  EXPECT_EQ(TestNameFromFile("/a/b/05-dbc-region.changed.yaml"), "05_dbc_region_changed");
}

TEST(LoadManifestCase, MissingFileIsNotFound) {
  auto loaded = LoadManifestCase("/nonexistent/case.yaml");
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace po::testing::crds
