// The reconciler against FakeRds and the fake Kubernetes client: the status transitions moto
// cannot show (creating → available, modifying, storage-full, failed), replicas, the DR replica,
// password rotation, adoption, invalid specs, deletion under each policy and the shared Describe.
#include "controllers/database_cluster/reconciler.h"

#include <gtest/gtest.h>

#include "controllers/database_cluster/credentials.h"
#include "operator/app/kube_status_client.h"
#include "operator/kube/base64.h"
#include "operator/kube/fake_kube_client.h"
#include "operator/metrics/registry.h"
#include "operator/runtime/finalizers.h"
#include "tests/unit/controllers/database_cluster/cluster_builder.h"
#include "tests/unit/controllers/database_cluster/fake_rds.h"

namespace po::controllers::database_cluster {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using runtime::ReconcileResult;
using testing::DatabaseClusterBuilder;
using testing::FakeRds;
using Ptr = json::json_pointer;

class RecordingEvents final : public EventSink {
 public:
  struct Event {
    std::string type, reason, message;
  };
  void Normal(const json&, const std::string& reason, const std::string& message) override {
    std::lock_guard lock(mu_);
    events_.push_back({"Normal", reason, message});
  }
  void Warning(const json&, const std::string& reason, const std::string& message) override {
    std::lock_guard lock(mu_);
    events_.push_back({"Warning", reason, message});
  }
  int Count(const std::string& reason) const {
    std::lock_guard lock(mu_);
    int n = 0;
    for (const auto& e : events_) n += e.reason == reason ? 1 : 0;
    return n;
  }
  std::string Last(const std::string& reason) const {
    std::lock_guard lock(mu_);
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->reason == reason) return it->message;
    }
    return "";
  }

 private:
  mutable std::mutex mu_;
  std::vector<Event> events_;
};

class ReconcilerTest : public ::testing::Test {
 protected:
  ReconcilerTest()
      : status_(client_, DatabaseClusters()),
        observer_(rds_, clock_),
        metrics_(registry_, "database", "DBInstance"),
        reconciler_(ReconcilerDeps{client_, status_, rds_, observer_, events_, metrics_, backoff_,
                                   clock_}) {}

  void Apply(const json& object) {
    auto created = client_.Create(DatabaseClusters(), "team-a", object);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }
  json Object(const std::string& name = "db") {
    auto got = client_.Get(DatabaseClusters(), "team-a", name);
    EXPECT_TRUE(got.ok());
    return got.ok() ? *got : json();
  }
  void Edit(const std::function<void(json&)>& change, const std::string& name = "db") {
    json object = Object(name);
    change(object);
    object["metadata"]["generation"] = object["metadata"].value("generation", 1) + 1;
    ASSERT_TRUE(client_.Update(DatabaseClusters(), object).ok());
  }
  // One reconcile after the snapshot has expired (as a requeue would find it).
  ReconcileResult Run(const std::string& name = "db") {
    clock_.Advance(6s);
    std::atomic<bool> stopping{false};
    runtime::ReconcileContext context(runtime::Logger::Discard(clock_), "test", stopping);
    return reconciler_.Reconcile({"team-a", name}, context);
  }
  std::string Phase(const std::string& name = "db") {
    return Object(name)["status"].value("phase", "");
  }
  json Condition(const std::string& type, const std::string& name = "db") {
    const json object = Object(name);
    if (!object.contains("status") || !object["status"].contains("conditions")) return json();
    for (const auto& c : object["status"]["conditions"]) {
      if (c["type"] == type) return c;
    }
    return json();
  }
  std::optional<std::string> SecretValue(const std::string& secret, const std::string& key) {
    auto value = ReadSecretValue(client_, "team-a", secret, key);
    if (!value.ok()) return std::nullopt;
    return *value;
  }
  // Creates the cluster and brings its primary to "available".
  void CreateAvailable(const json& object) {
    Apply(object);
    ASSERT_EQ(Run().kind(), ReconcileResult::Kind::kRequeueAfter);
    rds_.SetStatus("us-east-1", "team-a-db", "available");
    Run();
  }

  kube::FakeKubeClient client_;
  FakeClock clock_;
  FakeRds rds_;
  app::KubeStatusClient status_;
  InstanceObserver observer_;
  RecordingEvents events_;
  metrics::Registry registry_;
  ResourceMetrics metrics_;
  WaitBackoff backoff_;
  DatabaseClusterReconciler reconciler_;
};

TEST_F(ReconcilerTest, CreatingToAvailable) {
  Apply(DatabaseClusterBuilder().Build());
  auto first = Run();
  ASSERT_EQ(first.kind(), ReconcileResult::Kind::kRequeueAfter);
  EXPECT_EQ(first.requeue_after(), 15s);
  ASSERT_EQ(rds_.CallsOf("CreateDBInstance").size(), 1u);
  auto primary = rds_.Get("us-east-1", "team-a-db");
  ASSERT_TRUE(primary.has_value());
  EXPECT_EQ(Phase(), "Creating");
  EXPECT_EQ(Condition("Ready")["status"], "False");
  EXPECT_EQ(events_.Count("Created"), 1);
  // A generated password, in an owned Secret, is the one RDS got.
  const auto password = SecretValue("db-credentials", "password");
  ASSERT_TRUE(password.has_value());
  EXPECT_EQ(password->size(), 32u);
  EXPECT_EQ(rds_.Password("team-a-db"), *password);
  EXPECT_EQ(SecretValue("db-connection", "password"), *password);
  EXPECT_TRUE(runtime::HasFinalizer(Object(), kFinalizer));

  // Still creating: no second create, and the wait grows.
  auto second = Run();
  EXPECT_EQ(second.requeue_after(), 30s);
  auto third = Run();
  EXPECT_EQ(third.requeue_after(), 60s);
  EXPECT_EQ(rds_.CallsOf("CreateDBInstance").size(), 1u);
  EXPECT_EQ(Phase(), "Creating");

  rds_.SetStatus("us-east-1", "team-a-db", "available");
  auto ready = Run();
  EXPECT_EQ(ready.kind(), ReconcileResult::Kind::kRequeueAfter);
  EXPECT_EQ(ready.requeue_after(), 30s);  // the resync
  EXPECT_EQ(Phase(), "Available");
  EXPECT_EQ(Condition("Ready")["status"], "True");
  EXPECT_EQ(Condition("Synced")["status"], "True");
  EXPECT_EQ(Condition("Degraded")["status"], "False");
  const json status = Object()["status"];
  EXPECT_EQ(status["endpoint"]["host"], "team-a-db.abc.us-east-1.rds.amazonaws.com");
  EXPECT_EQ(status["engineVersion"], "14.12");
  EXPECT_EQ(status["arn"], "arn:aws:rds:us-east-1:123456789012:db:team-a-db");
  EXPECT_EQ(status["connectionSecret"], "db-connection");
  ASSERT_EQ(status["instances"].size(), 1u);
  EXPECT_EQ(status["instances"][0]["role"], "primary");
  EXPECT_EQ(status["instances"][0]["status"], "available");
  EXPECT_EQ(events_.Count("BecameAvailable"), 1);
  EXPECT_EQ(SecretValue("db-connection", "host"), "team-a-db.abc.us-east-1.rds.amazonaws.com");
  EXPECT_EQ(SecretValue("db-connection", "endpoint"), "team-a-db.abc.us-east-1.rds.amazonaws.com");
  EXPECT_EQ(SecretValue("db-connection", "port"), "5432");
  EXPECT_EQ(SecretValue("db-connection", "dbname"), "postgres");
  // The instance matches: nothing is modified, not even the password.
  EXPECT_TRUE(rds_.Modifications().empty());
  Run();
  EXPECT_TRUE(rds_.Modifications().empty());
  EXPECT_NE(registry_.Scrape().find("platform_database_ready{name=\"db\",namespace=\"team-a\"} 1"),
            std::string::npos)
      << registry_.Scrape();
}

TEST_F(ReconcilerTest, ModifyingOnceThenWaiting) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  Edit([](json& o) { o["spec"]["instanceClass"] = "db.t3.small"; });
  Run();
  ASSERT_EQ(rds_.Modifications().size(), 1u);
  EXPECT_EQ(rds_.Modifications()[0].DBInstanceClass, "db.t3.small");
  EXPECT_EQ(rds_.Modifications()[0].ApplyImmediately, true);
  EXPECT_EQ(events_.Count("Modified"), 1);

  rds_.SetStatus("us-east-1", "team-a-db", "modifying");
  auto waiting = Run();
  EXPECT_EQ(rds_.Modifications().size(), 1u);
  EXPECT_EQ(Phase(), "Modifying");
  EXPECT_EQ(Condition("Synced")["reason"], "Waiting");
  EXPECT_EQ(Condition("Ready")["status"], "True");  // modifying still serves
  auto longer = Run();
  EXPECT_GT(longer.requeue_after(), waiting.requeue_after());

  rds_.SetStatus("us-east-1", "team-a-db", "available");
  Run();
  EXPECT_EQ(Phase(), "Available");
  EXPECT_EQ(rds_.Modifications().size(), 1u);
}

TEST_F(ReconcilerTest, SameModificationIsNotRepeatedWhileRdsHasNotReflectedIt) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  Edit([](json& o) { o["spec"]["instanceClass"] = "db.t3.small"; });
  Run();
  ASSERT_EQ(rds_.Modifications().size(), 1u);
  // RDS answers but keeps reporting the old class (a stale view, or a change it ignores).
  auto instance = *rds_.Get("us-east-1", "team-a-db");
  instance.DBInstanceClass = "db.t3.micro";
  rds_.Put("us-east-1", instance);
  Run();
  Run();
  EXPECT_EQ(rds_.Modifications().size(), 1u);
  EXPECT_EQ(Condition("Synced")["reason"], "WaitingForRds");
  // Out-of-band drift to another class is a new situation: corrected at once.
  instance.DBInstanceClass = "db.t3.large";
  rds_.Put("us-east-1", instance);
  Run();
  ASSERT_EQ(rds_.Modifications().size(), 2u);
  EXPECT_EQ(rds_.Modifications()[1].DBInstanceClass, "db.t3.small");
}

TEST_F(ReconcilerTest, StorageFullIsDegradedAndFixedByGrowingStorage) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  rds_.SetStatus("us-east-1", "team-a-db", "storage-full");
  auto result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kRequeueAfter);
  EXPECT_EQ(Phase(), "Degraded");
  const json degraded = Condition("Degraded");
  EXPECT_EQ(degraded["status"], "True");
  EXPECT_EQ(degraded["reason"], "StorageFull");
  EXPECT_NE(degraded["message"].get<std::string>().find("allocatedGiB"), std::string::npos);
  EXPECT_EQ(events_.Count("BecameDegraded"), 1);
  EXPECT_TRUE(rds_.Modifications().empty());

  Edit([](json& o) { o["spec"]["storage"]["allocatedGiB"] = 50; });
  Run();
  ASSERT_EQ(rds_.Modifications().size(), 1u);
  EXPECT_EQ(rds_.Modifications()[0].AllocatedStorage, 50);
}

TEST_F(ReconcilerTest, FailedIsDegradedWithRemedyAndUntouched) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  Edit([](json& o) { o["spec"]["instanceClass"] = "db.t3.small"; });
  rds_.SetStatus("us-east-1", "team-a-db", "failed");
  auto first = Run();
  auto second = Run();
  EXPECT_EQ(Phase(), "Degraded");
  EXPECT_EQ(Condition("Degraded")["reason"], "Failed");
  EXPECT_NE(Condition("Degraded")["message"].get<std::string>().find("spec.restore"),
            std::string::npos);
  EXPECT_EQ(Condition("Ready")["status"], "False");
  EXPECT_TRUE(rds_.Modifications().empty());
  EXPECT_GT(second.requeue_after(), first.requeue_after());  // no hammering
}

TEST_F(ReconcilerTest, ReplicasScaleUpAndDownHighestFirst) {
  CreateAvailable(DatabaseClusterBuilder().WithReplicas(2).Build());
  ASSERT_EQ(rds_.ReplicaRequests().size(), 2u);
  EXPECT_EQ(rds_.ReplicaRequests()[0].DBInstanceIdentifier, "team-a-db-replica-1");
  EXPECT_EQ(rds_.ReplicaRequests()[1].DBInstanceIdentifier, "team-a-db-replica-2");
  EXPECT_EQ(rds_.ReplicaRequests()[1].SourceDBInstanceIdentifier, "team-a-db");
  rds_.SetStatus("us-east-1", "team-a-db-replica-1", "available");
  rds_.SetStatus("us-east-1", "team-a-db-replica-2", "available");
  Run();
  EXPECT_EQ(Condition("ReplicasReady")["status"], "True");
  EXPECT_EQ(Object()["status"]["readerEndpoints"].size(), 2u);
  EXPECT_EQ(Phase(), "Available");

  Edit([](json& o) { o["spec"]["readReplicas"]["count"] = 1; });
  Run();
  const auto deletes = rds_.CallsOf("DeleteDBInstance");
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(deletes[0].identifier, "team-a-db-replica-2");
  EXPECT_EQ(events_.Count("ReplicaRemoved"), 1);
  Run();
  EXPECT_EQ(rds_.CallsOf("DeleteDBInstance").size(), 1u);
  EXPECT_EQ(Condition("ReplicasReady")["status"], "True");
}

TEST_F(ReconcilerTest, DisasterRecoveryReplicaInItsRegion) {
  CreateAvailable(DatabaseClusterBuilder()
                      .WithDisasterRecovery()
                      .At(Ptr("/spec/disasterRecovery/kmsKeyId"), "alias/dr-key")
                      .Build());
  ASSERT_EQ(rds_.ReplicaRequests().size(), 1u);
  const auto calls = rds_.CallsOf("CreateDBInstanceReadReplica");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].region, "us-west-2");
  EXPECT_EQ(rds_.ReplicaRequests()[0].SourceDBInstanceIdentifier,
            "arn:aws:rds:us-east-1:123456789012:db:team-a-db");
  EXPECT_EQ(rds_.ReplicaRequests()[0].KmsKeyId, "alias/dr-key");
  rds_.SetStatus("us-west-2", "team-a-db-dr", "available");
  Run();
  EXPECT_EQ(Condition("DisasterRecoveryReady")["status"], "True");

  Edit([](json& o) { o["spec"]["disasterRecovery"]["enabled"] = false; });
  Run();
  const auto deletes = rds_.CallsOf("DeleteDBInstance");
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_EQ(deletes[0].region, "us-west-2");
  Run();
  EXPECT_TRUE(Condition("DisasterRecoveryReady").is_null());
}

TEST_F(ReconcilerTest, PasswordRotationFromTheSecret) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  ASSERT_TRUE(
      client_
          .Patch(kube::Secrets(), "team-a", "db-credentials", kube::PatchType::kMerge,
                 json{{"data", {{"password", kube::Base64Encode("rotated-pw-123")}}}}.dump())
          .ok());
  Run();
  ASSERT_EQ(rds_.Modifications().size(), 1u);
  EXPECT_EQ(rds_.Modifications()[0].MasterUserPassword, "rotated-pw-123");
  EXPECT_EQ(rds_.Password("team-a-db"), "rotated-pw-123");
  EXPECT_EQ(SecretValue("db-connection", "password"), "rotated-pw-123");
  EXPECT_EQ(events_.Count("PasswordRotated"), 1);
  Run();
  EXPECT_EQ(rds_.Modifications().size(), 1u);
}

TEST_F(ReconcilerTest, UserSecretPasswordIsUsed) {
  json secret = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"metadata", {{"name", "master"}, {"namespace", "team-a"}}},
                 {"data", {{"password", kube::Base64Encode("user-given-password")}}}};
  ASSERT_TRUE(client_.Create(kube::Secrets(), "team-a", secret).ok());
  Apply(DatabaseClusterBuilder().At(Ptr("/spec/credentials/secretName"), "master").Build());
  Run();
  EXPECT_EQ(rds_.Password("team-a-db"), "user-given-password");
}

TEST_F(ReconcilerTest, RestoreFromSnapshotThenTheSameConverge) {
  Apply(DatabaseClusterBuilder().Spec("restore", {{"fromSnapshot", "snap-1"}}).Build());
  Run();
  ASSERT_EQ(rds_.CallsOf("RestoreDBInstanceFromDBSnapshot").size(), 1u);
  EXPECT_TRUE(rds_.CallsOf("CreateDBInstance").empty());
  EXPECT_EQ(events_.Count("Restored"), 1);
  EXPECT_EQ(Phase(), "Creating");
  // The snapshot's password is not the cluster's: nothing is published before it is set.
  EXPECT_FALSE(SecretValue("db-connection", "password").has_value());

  rds_.SetStatus("us-east-1", "team-a-db", "available");
  Run();
  const auto password = SecretValue("db-credentials", "password");
  ASSERT_TRUE(password.has_value());
  EXPECT_EQ(rds_.Password("team-a-db"), *password);
  EXPECT_EQ(SecretValue("db-connection", "password"), *password);
  EXPECT_EQ(events_.Count("PasswordSet"), 1);
  // What a restore cannot set comes from the converge.
  const auto instance = rds_.Get("us-east-1", "team-a-db");
  EXPECT_EQ(instance->BackupRetentionPeriod, 7);
  EXPECT_EQ(instance->MultiAZ, true);
  Run();
  const size_t settled = rds_.Modifications().size();
  Run();
  EXPECT_EQ(rds_.Modifications().size(), settled);
  EXPECT_EQ(Phase(), "Available");
}

TEST_F(ReconcilerTest, RestoreToLatestPointInTime) {
  Apply(DatabaseClusterBuilder()
            .Spec("restore", {{"pointInTime", {{"sourceIdentifier", "orders"}, {"latest", true}}}})
            .Build());
  Run();
  const auto calls = rds_.CallsOf("RestoreDBInstanceToPointInTime");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].identifier, "team-a-db");
  EXPECT_TRUE(rds_.CallsOf("CreateDBInstance").empty());
  EXPECT_NE(events_.Last("Restored").find("latest restorable time"), std::string::npos);
}

TEST_F(ReconcilerTest, ForeignOwnerIsATerminalConflict) {
  aws::rds::DBInstance other;
  other.DBInstanceIdentifier = "team-a-db";
  other.DBInstanceArn = "arn:aws:rds:us-east-1:123456789012:db:team-a-db";
  other.DBInstanceStatus = "available";
  other.TagList = {{std::string(kTagManagedBy), std::string(kManagedByValue)},
                   {std::string(kTagKind), "DatabaseCluster"},
                   {std::string(kTagNamespace), "team-b"},
                   {std::string(kTagName), "db"},
                   {std::string(kTagUid), "someone-else"}};
  rds_.Put("us-east-1", other);
  Apply(DatabaseClusterBuilder().Annotate(std::string(kAdoptAnnotation), "true").Build());
  EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kTerminalError);
  EXPECT_EQ(Condition("Synced")["reason"], "OwnedByAnotherResource");
  EXPECT_NE(Condition("Synced")["message"].get<std::string>().find("team-b/db"), std::string::npos);
  EXPECT_TRUE(rds_.CallsOf("AddTagsToResource").empty());
  EXPECT_TRUE(rds_.Modifications().empty());
}

TEST_F(ReconcilerTest, InstanceOfAnEarlierClusterOfTheSameNameIsAdopted) {
  aws::rds::DBInstance earlier;
  earlier.DBInstanceIdentifier = "team-a-db";
  earlier.DBInstanceArn = "arn:aws:rds:us-east-1:123456789012:db:team-a-db";
  earlier.DBInstanceStatus = "available";
  earlier.DBInstanceClass = "db.t3.micro";
  earlier.AllocatedStorage = 20;
  earlier.StorageType = "gp3";
  earlier.MultiAZ = true;
  earlier.BackupRetentionPeriod = 7;
  earlier.EngineVersion = "14.12";
  earlier.TagList = {{std::string(kTagManagedBy), std::string(kManagedByValue)},
                     {std::string(kTagKind), "DatabaseCluster"},
                     {std::string(kTagNamespace), "team-a"},
                     {std::string(kTagName), "db"},
                     {std::string(kTagUid), "uid-of-a-deleted-object"}};
  rds_.Put("us-east-1", earlier);
  Apply(DatabaseClusterBuilder().Build());
  Run();
  EXPECT_EQ(events_.Count("Adopted"), 1);
  EXPECT_TRUE(rds_.CallsOf("CreateDBInstance").empty());
  const auto tags = rds_.Get("us-east-1", "team-a-db")->TagList;
  EXPECT_TRUE(std::any_of(tags.begin(), tags.end(), [&](const auto& t) {
    return t.Key == kTagUid && t.Value == Object()["metadata"]["uid"].get<std::string>();
  }));
}

TEST_F(ReconcilerTest, ForeignInstanceNeedsTheAdoptAnnotation) {
  aws::rds::DBInstance foreign;
  foreign.DBInstanceIdentifier = "team-a-db";
  foreign.DBInstanceArn = "arn:aws:rds:us-east-1:123456789012:db:team-a-db";
  foreign.DBInstanceStatus = "available";
  foreign.DBInstanceClass = "db.t3.micro";
  foreign.AllocatedStorage = 20;
  foreign.StorageType = "gp3";
  foreign.MultiAZ = true;
  foreign.BackupRetentionPeriod = 7;
  foreign.EngineVersion = "14.12";
  foreign.TagList = {{"owner", "someone"}};
  rds_.Put("us-east-1", foreign);
  Apply(DatabaseClusterBuilder().Build());
  auto result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kDone);
  EXPECT_EQ(Condition("Synced")["reason"], "AdoptionRequired");
  EXPECT_NE(Condition("Synced")["message"].get<std::string>().find(std::string(kAdoptAnnotation)),
            std::string::npos);
  for (const auto& call : rds_.Calls()) EXPECT_EQ(call.action, "DescribeDBInstances");

  Edit([](json& o) { o["metadata"]["annotations"][std::string(kAdoptAnnotation)] = "true"; });
  Run();
  EXPECT_EQ(rds_.CallsOf("AddTagsToResource").size(), 1u);
  EXPECT_EQ(events_.Count("Adopted"), 1);
  const auto tags = rds_.Get("us-east-1", "team-a-db")->TagList;
  EXPECT_TRUE(
      std::any_of(tags.begin(), tags.end(), [](const auto& t) { return t.Key == kTagUid; }));
  EXPECT_EQ(rds_.CallsOf("CreateDBInstance").size(), 0u);
  EXPECT_EQ(Phase(), "Available");
}

TEST_F(ReconcilerTest, InvalidSpecIsTerminalWithoutAwsCalls) {
  Apply(DatabaseClusterBuilder()
            .Spec("encryption", {{"kmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/k"}})
            .Build());
  auto result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kTerminalError);
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Synced")["reason"], "InvalidSpec");
  EXPECT_TRUE(rds_.Calls().empty());
}

TEST_F(ReconcilerTest, TerminalAwsErrorIsNotRetried) {
  rds_.FailNext("CreateDBInstance",
                {"InvalidParameterCombination", "bad combination", "", 400, false});
  Apply(DatabaseClusterBuilder().Build());
  auto result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kTerminalError);
  EXPECT_EQ(Phase(), "Failed");
  EXPECT_EQ(Condition("Synced")["reason"], "InvalidRequest");
}

TEST_F(ReconcilerTest, DeleteWithSnapshotRemovesReplicasThenPrimaryOnce) {
  CreateAvailable(DatabaseClusterBuilder().WithReplicas(1).Build());
  rds_.SetStatus("us-east-1", "team-a-db-replica-1", "available");
  Run();
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  auto first = Run();
  EXPECT_EQ(first.kind(), ReconcileResult::Kind::kRequeueAfter);
  EXPECT_FALSE(rds_.Get("us-east-1", "team-a-db-replica-1").has_value());
  EXPECT_TRUE(rds_.Get("us-east-1", "team-a-db").has_value());
  EXPECT_EQ(Phase(), "Deleting");
  Run();
  EXPECT_FALSE(rds_.Get("us-east-1", "team-a-db").has_value());
  EXPECT_TRUE(rds_.HasSnapshot("team-a-db-final"));
  auto last = Run();
  EXPECT_EQ(last.kind(), ReconcileResult::Kind::kDone);
  EXPECT_FALSE(runtime::HasFinalizer(Object(), kFinalizer));
  EXPECT_EQ(rds_.CallsOf("DeleteDBInstance").size(), 2u);
}

TEST_F(ReconcilerTest, DeleteIsRefusedWhileProtected) {
  CreateAvailable(DatabaseClusterBuilder()
                      .Spec("deletionPolicy", "Delete")
                      .Spec("deletionProtection", true)
                      .Build());
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  auto result = Run();
  EXPECT_EQ(result.kind(), ReconcileResult::Kind::kDone);
  EXPECT_EQ(Condition("Synced")["reason"], "DeletionProtected");
  EXPECT_TRUE(rds_.CallsOf("DeleteDBInstance").empty());
  EXPECT_TRUE(runtime::HasFinalizer(Object(), kFinalizer));

  // Lifting it: protection goes off in RDS, then the instance without a snapshot.
  Edit([](json& o) { o["spec"]["deletionProtection"] = false; });
  Run();
  Run();
  Run();
  EXPECT_FALSE(rds_.Get("us-east-1", "team-a-db").has_value());
  EXPECT_FALSE(rds_.HasSnapshot("team-a-db-final"));
  EXPECT_FALSE(runtime::HasFinalizer(Object(), kFinalizer));
}

TEST_F(ReconcilerTest, SubnetGroupFromSubnetIdsIsCreatedAndDeletedWithTheCluster) {
  CreateAvailable(DatabaseClusterBuilder()
                      .Spec("deletionPolicy", "Delete")
                      .At(Ptr("/spec/network/subnetIds"),
                          json::array({"subnet-0123456789", "subnet-0abcdef012"}))
                      .Build());
  EXPECT_TRUE(rds_.HasSubnetGroup("team-a-db-subnets"));
  EXPECT_EQ(rds_.CallsOf("CreateDBSubnetGroup").size(), 1u);
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  Run();
  Run();
  EXPECT_FALSE(rds_.Get("us-east-1", "team-a-db").has_value());
  EXPECT_FALSE(rds_.HasSubnetGroup("team-a-db-subnets"));
  EXPECT_FALSE(runtime::HasFinalizer(Object(), kFinalizer));
}

TEST_F(ReconcilerTest, RetainLeavesInstances) {
  CreateAvailable(DatabaseClusterBuilder().Spec("deletionPolicy", "Retain").Build());
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  EXPECT_EQ(Run().kind(), ReconcileResult::Kind::kDone);
  EXPECT_TRUE(rds_.Get("us-east-1", "team-a-db").has_value());
  EXPECT_TRUE(rds_.CallsOf("DeleteDBInstance").empty());
  EXPECT_FALSE(runtime::HasFinalizer(Object(), kFinalizer));
}

TEST_F(ReconcilerTest, DeletionResumesAfterACrashBetweenSnapshotAndDelete) {
  CreateAvailable(DatabaseClusterBuilder().Build());
  // The final snapshot was taken by an earlier attempt that did not finish.
  rds_.FailNext("DeleteDBInstance", {"DBSnapshotAlreadyExists", "exists", "", 400, false});
  Edit([](json& o) { o["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"; });
  Run();
  EXPECT_FALSE(rds_.Get("us-east-1", "team-a-db").has_value());
  Run();
  EXPECT_FALSE(runtime::HasFinalizer(Object(), kFinalizer));
}

TEST_F(ReconcilerTest, ManyClustersShareOneDescribePerRound) {
  for (int i = 0; i < 20; ++i) {
    Apply(DatabaseClusterBuilder("db" + std::to_string(i)).Build());
  }
  clock_.Advance(6s);
  std::atomic<bool> stopping{false};
  runtime::ReconcileContext context(runtime::Logger::Discard(clock_), "test", stopping);
  for (int i = 0; i < 20; ++i) {
    reconciler_.Reconcile({"team-a", "db" + std::to_string(i)}, context);
  }
  EXPECT_EQ(rds_.CallsOf("CreateDBInstance").size(), 20u);
  EXPECT_EQ(rds_.CallsOf("DescribeDBInstances").size(), 1u);
  // The next round (after the snapshot expired) is again one Describe for all of them.
  rds_.ClearCalls();
  clock_.Advance(6s);
  for (int i = 0; i < 20; ++i) {
    reconciler_.Reconcile({"team-a", "db" + std::to_string(i)}, context);
  }
  EXPECT_EQ(rds_.CallsOf("DescribeDBInstances").size(), 1u);
  EXPECT_EQ(rds_.CallsOf("CreateDBInstance").size(), 0u);
}

}  // namespace
}  // namespace po::controllers::database_cluster
