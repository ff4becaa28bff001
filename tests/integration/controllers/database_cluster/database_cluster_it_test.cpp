// DatabaseClusters converged by the real operator binary against the harness (kube-apiserver +
// moto), checked with awscli: create with the requested settings, replicas 2 → 0 → 1, the DR
// replica in us-west-2, a class change, out-of-band drift corrected, password rotation, adoption,
// deletion under each policy, and 50 clusters at once with the Describe calls counted from the
// operator's own /metrics.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "operator/common/clock.h"
#include "operator/kube/base64.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/kubeconfig.h"
#include "operator/kube/rest_kube_client.h"
#include "tests/integration/operator/operator_process.h"
#include "tests/integration/operator/restricted_identity.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const kube::ResourceRef kClusters{"platform.startup-metrics.com", "v1alpha1", "databaseclusters",
                                  "DatabaseCluster", true};

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds poll = 250ms) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(poll);
  }
  return done();
}

// Runs a command with the harness env; fails the test (non-fatally) on a non-zero exit.
std::string Sh(const std::string& command) {
  CommandResult result = RunWithHarness(command);
  EXPECT_EQ(result.exit_code, 0) << command << "\n" << result.output;
  return result.output;
}

// `aws rds <args> --output json` parsed; null when it fails (e.g. not found).
json Rds(const std::string& args) {
  CommandResult result = RunWithHarness("aws rds " + args + " --output json 2>/dev/null");
  if (result.exit_code != 0) return nullptr;
  return json::parse(result.output, nullptr, false);
}

json Instance(const std::string& id, const std::string& region = "us-east-1") {
  json out = Rds("describe-db-instances --region " + region + " --db-instance-identifier " + id);
  if (!out.is_object() || out["DBInstances"].empty()) return nullptr;
  return out["DBInstances"][0];
}

std::string TagValue(const json& instance, const std::string& key) {
  for (const auto& tag : instance.value("TagList", json::array())) {
    if (tag["Key"] == key) return tag["Value"];
  }
  return "<absent>";
}

// The sum of aws_api_requests_total for one RDS operation on the operator's /metrics.
double AwsRequests(const OperatorProcess& process, const std::string& operation) {
  HttpReply reply = HttpGet(process.metrics_port(), "/metrics");
  double total = 0;
  std::istringstream lines(reply.body);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("aws_api_requests_total{", 0) != 0) continue;
    if (line.find("operation=\"" + operation + "\"") == std::string::npos) continue;
    if (line.find("service=\"rds\"") == std::string::npos) continue;
    total += std::stod(line.substr(line.rfind(' ') + 1));
  }
  return total;
}

// A namespace, the chart's identity in it and an operator watching only it.
struct Suite {
  RealClock clock;
  kube::RealCommandRunner runner;
  std::unique_ptr<kube::RestKubeClient> admin;
  std::string ns;
  std::unique_ptr<RestrictedIdentity> identity;
  std::unique_ptr<OperatorProcess> process;

  void Start(const std::string& name, int workers = 1) {
    ns = name;
    auto config = kube::LoadKubeconfig(HarnessVar("KUBECONFIG"));
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    admin = kube::MakeRestKubeClient(*config, clock, runner);
    json object = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}};
    ASSERT_TRUE(admin->Create(kube::Namespaces(), "", object).ok());
    auto made = RestrictedIdentity::Create(*admin, ns, "platform-operator");
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    identity = std::move(*made);
    process = std::make_unique<OperatorProcess>(
        PLATFORM_OPERATOR_BINARY, ns,
        std::vector<std::string>{"--kubeconfig=" + identity->KubeconfigPath(), "--namespace=" + ns,
                                 "--leader-elect=false", "--aws-region=us-east-1",
                                 "--aws-endpoint-url=" + HarnessVar("AWS_ENDPOINT_URL"),
                                 "--max-concurrent-reconciles=" + std::to_string(workers)});
    ASSERT_TRUE(
        Eventually([&] { return HttpGet(process->health_port(), "/readyz").code == 200; }, 30s))
        << process->Log();
  }
  ~Suite() {
    if (!admin) return;
    // Let the operator finalize what is left, then drop the namespace.
    (void)RunWithHarness("kubectl delete databaseclusters --all -n " + ns +
                         " --wait=false >/dev/null 2>&1");
    Eventually(
        [&] {
          auto list = admin->List(kClusters, ns);
          return list.ok() && list->items.empty();
        },
        120s, 500ms);
    process.reset();
    identity.reset();
    (void)admin->Delete(kube::Namespaces(), "", ns);
  }
};

class DatabaseClusterIntegrationTest : public ::testing::Test {
 protected:
  // One namespace, identity and operator for the suite; each test uses its own object names.
  static void SetUpTestSuite() {
    RequireHarness();
    for (const auto& [key, value] : RequireHarness()) ::setenv(key.c_str(), value.c_str(), 1);
    suite_ = new Suite();
    suite_->Start("po-it-dbc-" + std::to_string(::getpid()));
  }
  static void TearDownTestSuite() {
    delete suite_;
    suite_ = nullptr;
  }

  static std::string Ns() { return suite_->ns; }
  static std::string Id(const std::string& name) { return Ns() + "-" + name; }

  // kubectl apply of a DatabaseCluster with small, fast settings plus `spec` merged in.
  static void Apply(const std::string& name, const json& spec,
                    const json& annotations = json::object()) {
    json object = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
                   {"kind", "DatabaseCluster"},
                   {"metadata", {{"name", name}, {"namespace", Ns()}}},
                   {"spec",
                    {{"instanceClass", "db.t3.micro"},
                     {"storage", {{"allocatedGiB", 20}}},
                     {"maintenance", {{"applyImmediately", true}}},
                     {"deletionPolicy", "Delete"}}}};
    if (!annotations.empty()) object["metadata"]["annotations"] = annotations;
    object["spec"].merge_patch(spec);
    Sh("kubectl apply -f - <<'EOF'\n" + object.dump() + "\nEOF");
  }
  static void Patch(const std::string& name, const json& patch) {
    Sh("kubectl patch databasecluster " + name + " -n " + Ns() + " --type merge -p '" +
       patch.dump() + "'");
  }
  static json Get(const std::string& name) {
    auto got = suite_->admin->Get(kClusters, Ns(), name);
    return got.ok() ? *got : json();
  }
  static std::string Phase(const std::string& name) {
    json object = Get(name);
    if (!object.contains("status")) return "";
    return object["status"].value("phase", "");
  }
  static json Condition(const std::string& name, const std::string& type) {
    json object = Get(name);
    if (!object.contains("status") || !object["status"].contains("conditions")) {
      return json::object();
    }
    for (const auto& c : object["status"]["conditions"]) {
      if (c["type"] == type) return c;
    }
    return json::object();
  }
  static bool Available(const std::string& name) { return Phase(name) == "Available"; }
  static std::string SecretValue(const std::string& secret, const std::string& key) {
    auto got = suite_->admin->Get(kube::Secrets(), Ns(), secret);
    if (!got.ok() || !(*got)["data"].contains(key)) return "<absent>";
    auto decoded = kube::Base64Decode((*got)["data"][key].get<std::string>());
    return decoded.ok() ? *decoded : "<undecodable>";
  }
  static bool HasEvent(const std::string& name, const std::string& reason) {
    CommandResult result =
        RunWithHarness("kubectl get events -n " + Ns() +
                       " --field-selector involvedObject.name=" + name + " -o json");
    if (result.exit_code != 0) return false;
    json events = json::parse(result.output, nullptr, false);
    for (const auto& e : events.value("items", json::array())) {
      if (e.value("reason", "") == reason) return true;
    }
    return false;
  }
  static void Delete(const std::string& name) {
    Sh("kubectl delete databasecluster " + name + " -n " + Ns() + " --wait=false");
  }
  static bool Gone(const std::string& name) {
    auto got = suite_->admin->Get(kClusters, Ns(), name);
    return !got.ok() && got.status().code() == StatusCode::kNotFound;
  }
  static std::string Log() { return suite_->process->Log(); }

  static inline Suite* suite_ = nullptr;
};

TEST_F(DatabaseClusterIntegrationTest, CreatesTheRequestedInstance) {
  Apply("create", {{"engineVersion", "14"},
                   {"multiAZ", true},
                   {"encryption", {{"kmsKeyId", "alias/po-it-db"}}},
                   {"backup", {{"retentionDays", 3}, {"window", "03:00-03:30"}}},
                   {"tags", {{"team", "metrics"}}}});
  ASSERT_TRUE(Eventually([] { return Available("create"); }, 60s))
      << Get("create").dump(2) << Log();
  const json instance = Instance(Id("create"));
  ASSERT_TRUE(instance.is_object());
  EXPECT_EQ(instance["Engine"], "postgres");
  EXPECT_EQ(instance["EngineVersion"].get<std::string>().rfind("14", 0), 0u);
  EXPECT_EQ(instance["DBInstanceClass"], "db.t3.micro");
  EXPECT_EQ(instance["MultiAZ"], true);
  EXPECT_EQ(instance["StorageEncrypted"], true);
  EXPECT_NE(instance["KmsKeyId"].get<std::string>().find("po-it-db"), std::string::npos);
  EXPECT_EQ(instance["BackupRetentionPeriod"], 3);
  EXPECT_EQ(instance["PreferredBackupWindow"], "03:00-03:30");
  EXPECT_EQ(TagValue(instance, "team"), "metrics");
  EXPECT_EQ(TagValue(instance, "platform.startup-metrics.com/uid"),
            Get("create")["metadata"]["uid"]);
  EXPECT_EQ(TagValue(instance, "platform.startup-metrics.com/namespace"), Ns());
  EXPECT_EQ(TagValue(instance, "platform.startup-metrics.com/name"), "create");

  const json status = Get("create")["status"];
  EXPECT_EQ(status["endpoint"]["host"], instance["Endpoint"]["Address"]);
  EXPECT_EQ(status["arn"], instance["DBInstanceArn"]);
  EXPECT_EQ(status["connectionSecret"], "create-connection");
  EXPECT_EQ(status["observedGeneration"], Get("create")["metadata"]["generation"]);
  EXPECT_EQ(Condition("create", "Ready")["status"], "True");
  EXPECT_EQ(Condition("create", "Synced")["status"], "True");
  EXPECT_EQ(Condition("create", "Degraded")["status"], "False");
  EXPECT_EQ(SecretValue("create-connection", "host"), instance["Endpoint"]["Address"]);
  EXPECT_EQ(SecretValue("create-connection", "address"), instance["Endpoint"]["Address"]);
  EXPECT_EQ(SecretValue("create-connection", "username"), "postgres");
  EXPECT_EQ(SecretValue("create-connection", "password"),
            SecretValue("create-credentials", "password"));
  EXPECT_EQ(SecretValue("create-credentials", "password").size(), 32u);
  EXPECT_NE(SecretValue("create-connection", "uri").rfind("postgresql://postgres:", 0),
            std::string::npos);
  EXPECT_TRUE(Eventually([] { return HasEvent("create", "Created"); }, 10s));
  // The password never reaches the operator's log or the status.
  EXPECT_EQ(Log().find(SecretValue("create-credentials", "password")), std::string::npos);
  EXPECT_EQ(Get("create").dump().find(SecretValue("create-credentials", "password")),
            std::string::npos);
}

TEST_F(DatabaseClusterIntegrationTest, ReplicasTwoThenZeroThenOne) {
  Apply("replicas", {{"readReplicas", {{"count", 2}}}});
  ASSERT_TRUE(Eventually(
      [] {
        return Instance(Id("replicas") + "-replica-1").is_object() &&
               Instance(Id("replicas") + "-replica-2").is_object() && Available("replicas");
      },
      90s))
      << Get("replicas").dump(2) << Log();
  EXPECT_EQ(Instance(Id("replicas") + "-replica-2")["ReadReplicaSourceDBInstanceIdentifier"],
            Id("replicas"));
  EXPECT_EQ(Get("replicas")["status"]["readerEndpoints"].size(), 2u);
  EXPECT_EQ(Condition("replicas", "ReplicasReady")["status"], "True");

  Patch("replicas", {{"spec", {{"readReplicas", {{"count", 0}}}}}});
  ASSERT_TRUE(Eventually(
      [] {
        return Instance(Id("replicas") + "-replica-1").is_null() &&
               Instance(Id("replicas") + "-replica-2").is_null() && Available("replicas");
      },
      90s))
      << Get("replicas").dump(2);
  EXPECT_TRUE(Instance(Id("replicas")).is_object());
  EXPECT_TRUE(Eventually([] { return HasEvent("replicas", "ReplicaRemoved"); }, 10s));

  Patch("replicas", {{"spec", {{"readReplicas", {{"count", 1}}}}}});
  ASSERT_TRUE(Eventually(
      [] { return Instance(Id("replicas") + "-replica-1").is_object() && Available("replicas"); },
      90s))
      << Get("replicas").dump(2);
  EXPECT_TRUE(Instance(Id("replicas") + "-replica-2").is_null());
  EXPECT_EQ(Get("replicas")["status"]["readerEndpoints"].size(), 1u);
}

TEST_F(DatabaseClusterIntegrationTest, DisasterRecoveryReplicaInUsWest2) {
  Apply("dr", {{"disasterRecovery",
                {{"enabled", true}, {"region", "us-west-2"}, {"kmsKeyId", "alias/po-it-dr"}}}});
  ASSERT_TRUE(Eventually(
      [] { return Instance(Id("dr") + "-dr", "us-west-2").is_object() && Available("dr"); }, 180s))
      << Get("dr").dump(2) << Log();
  const json replica = Instance(Id("dr") + "-dr", "us-west-2");
  EXPECT_EQ(replica["ReadReplicaSourceDBInstanceIdentifier"], Instance(Id("dr"))["DBInstanceArn"]);
  EXPECT_EQ(TagValue(replica, "platform.startup-metrics.com/name"), "dr");
  EXPECT_TRUE(Instance(Id("dr") + "-dr").is_null());  // not in the primary's region
  EXPECT_EQ(Condition("dr", "DisasterRecoveryReady")["status"], "True");
  bool listed = false;
  const json status = Get("dr")["status"];
  for (const auto& entry : status["instances"]) {
    listed |= entry["role"] == "disaster-recovery" && entry["region"] == "us-west-2";
  }
  EXPECT_TRUE(listed) << status.dump(2);

  // Deleting the cluster removes the DR replica too (deletionPolicy Delete).
  Delete("dr");
  ASSERT_TRUE(Eventually([] { return Gone("dr"); }, 90s)) << Get("dr").dump(2);
  EXPECT_TRUE(Instance(Id("dr") + "-dr", "us-west-2").is_null());
  EXPECT_TRUE(Instance(Id("dr")).is_null());
}

TEST_F(DatabaseClusterIntegrationTest, ClassChangeAndOutOfBandDriftCorrected) {
  Apply("drift", json::object());
  ASSERT_TRUE(Eventually([] { return Available("drift"); }, 60s)) << Log();
  Patch("drift", {{"spec", {{"instanceClass", "db.t3.small"}}}});
  ASSERT_TRUE(
      Eventually([] { return Instance(Id("drift"))["DBInstanceClass"] == "db.t3.small"; }, 60s))
      << Get("drift").dump(2);
  EXPECT_TRUE(Eventually([] { return HasEvent("drift", "Modified"); }, 10s));

  // Changed in the console: corrected on a later observation (resync 30 s).
  Sh("aws rds modify-db-instance --region us-east-1 --db-instance-identifier " + Id("drift") +
     " --db-instance-class db.t3.large --apply-immediately >/dev/null");
  const double before = AwsRequests(*suite_->process, "ModifyDBInstance");
  ASSERT_TRUE(
      Eventually([] { return Instance(Id("drift"))["DBInstanceClass"] == "db.t3.small"; }, 60s))
      << Get("drift").dump(2);
  // One modification corrected it, and nothing more follows once it is in sync.
  std::this_thread::sleep_for(8s);
  EXPECT_EQ(AwsRequests(*suite_->process, "ModifyDBInstance") - before, 1.0);
}

TEST_F(DatabaseClusterIntegrationTest, PasswordRotation) {
  Apply("rotate", json::object());
  ASSERT_TRUE(Eventually([] { return Available("rotate"); }, 60s)) << Log();
  const double before = AwsRequests(*suite_->process, "ModifyDBInstance");
  const std::string fresh = "Rotated0Password0123456789abcd";
  Sh("kubectl patch secret rotate-credentials -n " + Ns() + " --type merge -p '" +
     json{{"data", {{"password", kube::Base64Encode(fresh)}}}}.dump() + "'");
  ASSERT_TRUE(
      Eventually([&] { return SecretValue("rotate-connection", "password") == fresh; }, 60s))
      << Get("rotate").dump(2);
  EXPECT_EQ(AwsRequests(*suite_->process, "ModifyDBInstance") - before, 1.0);
  EXPECT_TRUE(Eventually([] { return HasEvent("rotate", "PasswordRotated"); }, 10s));
  EXPECT_EQ(Log().find(fresh), std::string::npos);
}

TEST_F(DatabaseClusterIntegrationTest, AdoptionOnlyWithTheAnnotation) {
  const std::string id = Id("adopt");
  Sh("aws rds create-db-instance --region us-east-1 --db-instance-identifier " + id +
     " --db-instance-class db.t3.micro --engine postgres --engine-version 14 --allocated-storage 20"
     " --master-username postgres --master-user-password Foreign0Password123 >/dev/null");
  Apply("adopt", json::object());
  ASSERT_TRUE(Eventually(
      [] { return Condition("adopt", "Synced").value("reason", "") == "AdoptionRequired"; }, 60s))
      << Get("adopt").dump(2) << Log();
  EXPECT_NE(Condition("adopt", "Synced")["message"].get<std::string>().find(
                "platform.startup-metrics.com/adopt"),
            std::string::npos);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(TagValue(Instance(id), "platform.startup-metrics.com/uid"), "<absent>");
  EXPECT_EQ(Instance(id)["MultiAZ"], false);  // untouched

  Sh("kubectl annotate databasecluster adopt -n " + Ns() +
     " platform.startup-metrics.com/adopt=true");
  ASSERT_TRUE(Eventually([] { return Available("adopt"); }, 60s)) << Get("adopt").dump(2);
  EXPECT_EQ(TagValue(Instance(id), "platform.startup-metrics.com/uid"),
            Get("adopt")["metadata"]["uid"]);
  EXPECT_EQ(Instance(id)["MultiAZ"], true);  // now converged to the spec
  EXPECT_TRUE(HasEvent("adopt", "Adopted"));
}

TEST_F(DatabaseClusterIntegrationTest, DeleteUnderEachPolicy) {
  Apply("del-snapshot", {{"deletionPolicy", "Snapshot"}});
  Apply("del-delete", {{"deletionPolicy", "Delete"}, {"deletionProtection", true}});
  Apply("del-retain", {{"deletionPolicy", "Retain"}});
  ASSERT_TRUE(Eventually(
      [] {
        return Available("del-snapshot") && Available("del-delete") && Available("del-retain");
      },
      90s))
      << Log();
  EXPECT_EQ(Instance(Id("del-delete"))["DeletionProtection"], true);

  Delete("del-snapshot");
  ASSERT_TRUE(Eventually([] { return Gone("del-snapshot"); }, 60s)) << Get("del-snapshot").dump(2);
  EXPECT_TRUE(Instance(Id("del-snapshot")).is_null());
  const json snapshots = Rds("describe-db-snapshots --region us-east-1 --db-snapshot-identifier " +
                             Id("del-snapshot") + "-final");
  ASSERT_TRUE(snapshots.is_object());
  ASSERT_EQ(snapshots["DBSnapshots"].size(), 1u);
  EXPECT_EQ(snapshots["DBSnapshots"][0]["DBInstanceIdentifier"], Id("del-snapshot"));

  // Delete is refused while deletion protection is asked for, with a clear condition.
  Delete("del-delete");
  ASSERT_TRUE(Eventually(
      [] { return Condition("del-delete", "Synced").value("reason", "") == "DeletionProtected"; },
      60s))
      << Get("del-delete").dump(2);
  EXPECT_EQ(Phase("del-delete"), "Deleting");
  EXPECT_TRUE(Instance(Id("del-delete")).is_object());
  Patch("del-delete", {{"spec", {{"deletionProtection", false}}}});
  ASSERT_TRUE(Eventually([] { return Gone("del-delete"); }, 90s)) << Get("del-delete").dump(2);
  EXPECT_TRUE(Instance(Id("del-delete")).is_null());
  EXPECT_TRUE(Rds("describe-db-snapshots --region us-east-1 --db-snapshot-identifier " +
                  Id("del-delete") + "-final")
                  .is_null());

  Delete("del-retain");
  ASSERT_TRUE(Eventually([] { return Gone("del-retain"); }, 60s));
  EXPECT_TRUE(Instance(Id("del-retain")).is_object());
  Sh("aws rds delete-db-instance --region us-east-1 --db-instance-identifier " + Id("del-retain") +
     " --skip-final-snapshot >/dev/null");
}

TEST_F(DatabaseClusterIntegrationTest, InvalidCombinationIsATerminalError) {
  Apply("invalid", {{"encryption", {{"kmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/k1"}}}});
  ASSERT_TRUE(Eventually([] { return Phase("invalid") == "Failed"; }, 30s)) << Log();
  EXPECT_EQ(Condition("invalid", "Synced")["reason"], "InvalidSpec");
  EXPECT_NE(Condition("invalid", "Synced")["message"].get<std::string>().find("eu-west-1"),
            std::string::npos);
  EXPECT_TRUE(Instance(Id("invalid")).is_null());
}

// 50 DatabaseClusters at once, with their own operator so its /metrics count only them.
TEST(DatabaseClusterScaleTest, FiftyClustersConvergeWithPagedDescribes) {
  RequireHarness();
  for (const auto& [key, value] : RequireHarness()) ::setenv(key.c_str(), value.c_str(), 1);
  Suite suite;
  suite.Start("po-it-dbc50-" + std::to_string(::getpid()), /*workers=*/4);
  ASSERT_NE(suite.process, nullptr);
  constexpr int kCount = 50;
  const double describes_before = AwsRequests(*suite.process, "DescribeDBInstances");
  const double creates_before = AwsRequests(*suite.process, "CreateDBInstance");

  std::string manifests;
  for (int i = 0; i < kCount; ++i) {
    json object = {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
                   {"kind", "DatabaseCluster"},
                   {"metadata", {{"name", "db" + std::to_string(i)}, {"namespace", suite.ns}}},
                   {"spec",
                    {{"instanceClass", "db.t3.micro"},
                     {"storage", {{"allocatedGiB", 20}}},
                     {"deletionPolicy", "Delete"}}}};
    manifests += "---\n" + object.dump() + "\n";
  }
  const auto started = std::chrono::steady_clock::now();
  Sh("kubectl apply -f - >/dev/null <<'EOF'\n" + manifests + "EOF");
  auto all_available = [&] {
    auto list = suite.admin->List(kClusters, suite.ns);
    if (!list.ok() || list->items.size() != static_cast<size_t>(kCount)) return false;
    for (const auto& item : list->items) {
      if (!item.contains("status") || item["status"].value("phase", "") != "Available") {
        return false;
      }
    }
    return true;
  };
  ASSERT_TRUE(Eventually(all_available, 300s, 500ms)) << suite.process->Log();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double describes = AwsRequests(*suite.process, "DescribeDBInstances") - describes_before;
  const double creates = AwsRequests(*suite.process, "CreateDBInstance") - creates_before;
  std::printf(
      "[figures] %d DatabaseClusters converged (all Available) in %.1f s with %.0f "
      "DescribeDBInstances calls (%.2f per cluster; one paged call per region per refresh) and "
      "%.0f CreateDBInstance calls\n",
      kCount, seconds, describes, describes / kCount, creates);
  EXPECT_EQ(creates, kCount);  // never a duplicate create
  // O(pages) per observation round: the snapshot is refreshed at most once a second when stale
  // (every 5 s otherwise), whatever the number of clusters.
  EXPECT_LT(describes, kCount);
  EXPECT_LE(describes, seconds + 2);

  // A quiet round: in sync, the clusters only resync from the shared snapshot.
  const double quiet_before = AwsRequests(*suite.process, "DescribeDBInstances");
  std::this_thread::sleep_for(35s);
  const double quiet = AwsRequests(*suite.process, "DescribeDBInstances") - quiet_before;
  std::printf(
      "[figures] %d in-sync DatabaseClusters over 35 s of resyncs: %.0f "
      "DescribeDBInstances calls\n",
      kCount, quiet);
  EXPECT_LE(quiet, 35.0 / 5 + 2);
  EXPECT_EQ(AwsRequests(*suite.process, "ModifyDBInstance"), 0.0);
}

}  // namespace
}  // namespace po::testing
