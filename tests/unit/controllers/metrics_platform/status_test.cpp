// Status roll-up: children summaries, conditions, phase and the effective-values patch, as tables.
#include "controllers/metrics_platform/status.h"

#include <gtest/gtest.h>

#include "controllers/metrics_platform/children.h"

namespace po::controllers::metrics_platform {
namespace {

using nlohmann::json;

json Child(int generation, int observed, const std::string& ready, const std::string& phase) {
  json child = {{"metadata", json::object({{"generation", generation}})},
                {"status",
                 {{"observedGeneration", observed},
                  {"phase", phase},
                  {"connectionSecret", "conn"},
                  {"endpoint", {{"host", "db.example"}, {"port", 5432}}}}}};
  if (!ready.empty()) {
    child["status"]["conditions"] =
        json::array({{{"type", "Ready"}, {"status", ready}, {"reason", "R"}, {"message", "m"}}});
  }
  return child;
}

TEST(SummarizeChildTest, RedactedSecretReferenceFallsBackToTheChildrensNaming) {
  json child = Child(1, 1, "True", "Available");
  child["metadata"]["name"] = "metrics-db";
  child["status"]["connectionSecret"] = "[REDACTED]";
  EXPECT_EQ(SummarizeChild(child, "database").connection_secret, "metrics-db-connection");
}

TEST(SummarizeChildTest, Table) {
  struct Row {
    std::string name;
    json child;
    bool ready;
    std::string reason;
  };
  const std::vector<Row> rows = {
      {"absent", nullptr, false, "Creating"},
      {"no condition yet", Child(1, 0, "", "Creating"), false, "Creating"},
      {"ready", Child(1, 1, "True", "Available"), true, "Ready"},
      {"not ready", Child(1, 1, "False", "Creating"), false, "R"},
      {"ready but stale generation", Child(2, 1, "True", "Available"), false, "Updating"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    const ChildSummary s = SummarizeChild(row.child, "database");
    EXPECT_EQ(s.ready, row.ready);
    EXPECT_EQ(s.reason, row.reason);
    EXPECT_NE(s.message.find("database"), std::string::npos);
    if (!row.child.is_null()) {
      EXPECT_EQ(s.connection_secret, "conn");
      EXPECT_EQ(s.endpoint, "db.example:5432");
    }
  }
}

Observation AllReadyObservation() {
  Observation o;
  for (ComponentState* s :
       {&o.database, &o.cache, &o.web, &o.app, &o.storage, &o.logging, &o.monitoring}) {
    *s = {true, "Ready", "ok"};
  }
  o.url = "https://m.example.com";
  return o;
}

const runtime::Condition* Find(const StatusReport& r, const std::string& type) {
  for (const auto& c : r.conditions) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

TEST(BuildStatusReportTest, Table) {
  struct Row {
    std::string name;
    std::function<void(Observation&)> change;
    std::string previous;
    std::string phase;
    std::map<std::string, std::string> conditions;  // type → status
  };
  const std::vector<Row> rows = {
      {"all ready",
       [](Observation&) {},
       "",
       "Available",
       {{"DatabaseReady", "True"},
        {"CacheReady", "True"},
        {"WorkloadsReady", "True"},
        {"StorageReady", "True"},
        {"MonitoringReady", "True"},
        {"Ready", "True"}}},
      {"database creating",
       [](Observation& o) {
         o.database = {false, "Creating", "x"};
       },
       "",
       "Creating",
       {{"DatabaseReady", "False"}, {"Ready", "False"}}},
      {"app tier waits",
       [](Observation& o) {
         o.app = {false, "WaitingForConnections", "x"};
       },
       "Available",
       "Modifying",
       {{"WorkloadsReady", "False"}, {"Ready", "False"}}},
      {"logging error",
       [](Observation& o) {
         o.logging = {false, "CloudWatchLogsError", "x"};
       },
       "",
       "Degraded",
       {{"StorageReady", "False"}, {"Ready", "False"}}},
      {"bucket name taken",
       [](Observation& o) {
         o.storage = {false, "BucketNameTaken", "x"};
       },
       "Creating",
       "Degraded",
       {{"StorageReady", "False"}}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    Observation o = AllReadyObservation();
    row.change(o);
    const StatusReport report = BuildStatusReport(o, row.previous);
    EXPECT_EQ(report.phase, row.phase);
    ASSERT_EQ(report.conditions.size(), 6u);
    for (const auto& [type, status] : row.conditions) {
      const runtime::Condition* c = Find(report, type);
      ASSERT_NE(c, nullptr) << type;
      EXPECT_EQ(c->status, status) << type;
      EXPECT_FALSE(c->reason.empty()) << type;
    }
    EXPECT_EQ(report.fields["url"], "https://m.example.com");
    EXPECT_EQ(report.fields["components"]["database"]["ready"], o.database.ready);
  }
  Observation waiting = AllReadyObservation();
  waiting.cache = {false, "Creating", "x"};
  waiting.web = {false, "DeploymentProgressing", "1 of 2 pods available"};
  const StatusReport report = BuildStatusReport(waiting, "");
  EXPECT_EQ(Find(report, "Ready")->message, "waiting for CacheReady, WorkloadsReady");
  EXPECT_EQ(Find(report, "WorkloadsReady")->message, "web: 1 of 2 pods available");
}

TEST(ReplacementPatchTest, Table) {
  struct Row {
    json current;
    json desired;
    json want;
  };
  const std::vector<Row> rows = {
      {nullptr, {{"a", 1}}, {{"a", 1}}},
      {{{"a", 1}, {"b", 2}}, {{"a", 1}}, {{"a", 1}, {"b", nullptr}}},
      {{{"o", {{"x", 1}, {"y", 2}}}}, {{"o", {{"x", 3}}}}, {{"o", {{"x", 3}, {"y", nullptr}}}}},
      {{{"l", {1, 2}}}, {{"l", {3}}}, {{"l", {3}}}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(ReplacementPatch(row.current, row.desired), row.want);
    json applied = row.current;
    applied.merge_patch(ReplacementPatch(row.current, row.desired));
    EXPECT_EQ(applied, row.desired);
  }
}

}  // namespace
}  // namespace po::controllers::metrics_platform
