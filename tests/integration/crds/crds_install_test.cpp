// `kubectl apply -f crds/` installs exactly the three CRDs, they become Established, and each kind
// has its short name, the "platform" category, the status subresource and its printer columns.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "tests/integration/crds/crd_cluster.h"

namespace po::testing::crds {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// The words of the first line of kubectl's table output, in order, joined by single spaces.
std::string FirstLineWords(const std::string& table) {
  std::istringstream in(table.substr(0, table.find('\n')));
  std::string word, header;
  while (in >> word) header += (header.empty() ? "" : " ") + word;
  return header;
}

struct KindCase {
  std::string crd;
  std::string kind;
  std::string short_name;
  std::vector<std::string> columns;  // printer columns, in order
  std::string name;                  // of the object below
  std::string minimal;               // the smallest valid object
  std::string header;                // `kubectl get <short_name>` header for it
  std::string status;                // a status the operator could write (JSON merge patch)
  std::string row;                   // the object's row with that status, without its age
};

// A Ready condition as the operator writes it.
constexpr const char* kReady =
    R"("conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2024-05-01T12:00:00Z",)"
    R"("reason":"Available","message":"serving","observedGeneration":1}])";

// Names the case in test output instead of dumping its bytes.
void PrintTo(const KindCase& c, std::ostream* os) {
  *os << c.kind;
}

const std::vector<KindCase>& Kinds() {
  static const std::vector<KindCase> kinds = {
      {"databaseclusters.platform.startup-metrics.com",
       "DatabaseCluster",
       "dbc",
       {"Ready", "Phase", "Class", "Version", "Endpoint", "Age", "Region", "Replicas"},
       "orders",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: DatabaseCluster\n"
       "metadata: {name: orders}\nspec: {}\n",
       "NAME READY PHASE CLASS VERSION ENDPOINT AGE",
       std::string(
           R"({"status":{"phase":"Available","endpoint":{"host":"orders.rds.test","port":5432},)") +
           kReady + "}}",
       "orders True Available db.r5.xlarge 14 orders.rds.test"},
      {"cacheclusters.platform.startup-metrics.com",
       "CacheCluster",
       "cc",
       {"Ready", "Phase", "Node Type", "Version", "Endpoint", "Age", "Region", "Cluster Mode"},
       "sessions",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: CacheCluster\n"
       "metadata: {name: sessions}\nspec: {}\n",
       "NAME READY PHASE NODE TYPE VERSION ENDPOINT AGE",
       std::string(
           R"({"status":{"phase":"Available","endpoint":{"host":"sessions.cache.test","port":6379},)") +
           kReady + "}}",
       "sessions True Available cache.r5.large 6.2 sessions.cache.test"},
      {"metricsplatforms.platform.startup-metrics.com",
       "MetricsPlatform",
       "mp",
       {"Environment", "Ready", "Phase", "Endpoint", "Age", "Region", "DR Region"},
       "metrics",
       "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: MetricsPlatform\n"
       "metadata: {name: metrics}\nspec:\n  environment: development\n"
       "  web: {image: registry.example.com/web:1}\n  app: {image: registry.example.com/app:1}\n",
       "NAME ENVIRONMENT READY PHASE ENDPOINT AGE",
       std::string(R"({"status":{"phase":"Available","url":"https://metrics.example.com",)") +
           kReady + "}}",
       "metrics development True Available https://metrics.example.com"},
  };
  return kinds;
}

class CrdInstallTest : public CrdsInstalledTest<KindCase> {};

TEST(CrdFolder, ApplyInstallsTheThreeCrdsAndNothingElse) {
  auto installed = InstallCrds();
  ASSERT_TRUE(installed.ok()) << installed.status().ToString();
  std::istringstream lines(*installed);
  std::vector<std::string> applied;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    EXPECT_THAT(line, StartsWith("customresourcedefinition.apiextensions.k8s.io/")) << line;
    applied.push_back(line.substr(line.find('/') + 1, line.find(' ') - line.find('/') - 1));
  }
  EXPECT_THAT(applied, ::testing::UnorderedElementsAreArray(kCrdNames));
}

TEST_P(CrdInstallTest, IsEstablishedWithNamesSubresourceAndColumns) {
  const KindCase& kind = GetParam();
  auto crd = RunWithHarness("kubectl get crd " + kind.crd + " -o json");
  ASSERT_EQ(crd.exit_code, 0) << crd.output;
  auto json = nlohmann::json::parse(crd.output);

  EXPECT_EQ(json["spec"]["group"], "platform.startup-metrics.com");
  EXPECT_EQ(json["spec"]["scope"], "Namespaced");
  EXPECT_EQ(json["spec"]["names"]["kind"], kind.kind);
  EXPECT_THAT(json["spec"]["names"]["shortNames"], ElementsAre(kind.short_name));
  EXPECT_THAT(json["spec"]["names"]["categories"], ElementsAre("platform"));
  ASSERT_EQ(json["spec"]["versions"].size(), 1u);
  const auto& version = json["spec"]["versions"][0];
  EXPECT_EQ(version["name"], "v1alpha1");
  EXPECT_EQ(version["served"], true);
  EXPECT_EQ(version["storage"], true);
  EXPECT_TRUE(version["subresources"].contains("status"));
  std::vector<std::string> columns;
  for (const auto& column : version["additionalPrinterColumns"]) columns.push_back(column["name"]);
  EXPECT_THAT(columns, ElementsAreArray(kind.columns));

  bool established = false;
  for (const auto& condition : json["status"]["conditions"]) {
    if (condition["type"] == "Established") established = condition["status"] == "True";
  }
  EXPECT_TRUE(established) << json["status"].dump();
}

TEST_P(CrdInstallTest, ShortNameListsObjectsWithThePrinterColumns) {
  const KindCase& kind = GetParam();
  TestNamespace ns("crds-install");
  ASSERT_TRUE(ns.ok()) << ns.error();
  auto created = ns.Apply(kind.minimal, /*dry_run=*/false);
  ASSERT_EQ(created.exit_code, 0) << created.output;

  auto table = ns.Kubectl("get " + kind.short_name);
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_EQ(FirstLineWords(table.output), kind.header) << table.output;

  auto by_category = ns.Kubectl("get platform -o name");
  ASSERT_EQ(by_category.exit_code, 0) << by_category.output;
  std::string resource = kind.kind;
  for (char& c : resource) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_THAT(by_category.output, HasSubstr(resource + ".platform.startup-metrics.com/"));
}

TEST_P(CrdInstallTest, StatusSubresourceFeedsThePrinterColumns) {
  const KindCase& kind = GetParam();
  TestNamespace ns("crds-install");
  ASSERT_TRUE(ns.ok()) << ns.error();
  auto created = ns.Apply(kind.minimal, /*dry_run=*/false);
  ASSERT_EQ(created.exit_code, 0) << created.output;

  auto patched = ns.Kubectl("patch " + kind.short_name + " " + kind.name +
                            " --subresource=status --type=merge -p '" + kind.status + "'");
  ASSERT_EQ(patched.exit_code, 0) << patched.output;

  auto row = ns.Kubectl("get " + kind.short_name + " " + kind.name + " --no-headers");
  ASSERT_EQ(row.exit_code, 0) << row.output;
  std::string words = FirstLineWords(row.output);
  EXPECT_EQ(words.substr(0, words.rfind(' ')), kind.row) << row.output;
}

INSTANTIATE_TEST_SUITE_P(Kinds, CrdInstallTest, ::testing::ValuesIn(Kinds()),
                         [](const auto& info) { return info.param.kind; });

}  // namespace
}  // namespace po::testing::crds
