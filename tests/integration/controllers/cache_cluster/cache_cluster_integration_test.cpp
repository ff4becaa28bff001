// The CacheCluster controller end to end: the platform-operator binary (scoped to one namespace
// per test) against the harness; objects applied with kubectl, ElastiCache state read back with
// the AWS CLI from moto. Create (cluster mode, shards, replicas, encryption, AUTH, tags), scale
// shards and replicas both ways, rotate the AUTH token, delete under each deletionPolicy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "tests/integration/operator/operator_process.h"
#include "tests/support/harness_env.h"

namespace po::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr auto kTimeout = 90s;

// True once `done` holds, polling every 500 ms until `timeout`.
bool Eventually(const std::function<bool()>& done, std::chrono::seconds timeout = kTimeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(500ms);
  }
  return done();
}

std::optional<json> JsonOf(const CommandResult& r) {
  if (r.exit_code != 0) return std::nullopt;
  try {
    return json::parse(r.output);
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

std::string Base64Decode(const std::string& text) {
  CommandResult r = RunWithHarness("printf '%s' '" + text + "' | base64 -d");
  return r.output;
}

class CacheClusterIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(RequireHarness().empty());
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::string tag;
    for (char c : test) {
      if (std::isupper(static_cast<unsigned char>(c)) && tag.size() < 6) {
        tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    ns_ = "cci-" + std::to_string(getpid() % 100000) + std::to_string(std::time(nullptr) % 1000) +
          "-" + tag;
    ASSERT_EQ(Kubectl("create namespace " + ns_).exit_code, 0);
    operator_ = std::make_unique<OperatorProcess>(
        PLATFORM_OPERATOR_BINARY, "cache-" + ns_,
        std::vector<std::string>{"--kubeconfig=" + HarnessVar("KUBECONFIG"), "--namespace=" + ns_,
                                 "--leader-elect=false",
                                 "--aws-endpoint-url=" + HarnessVar("AWS_ENDPOINT_URL"),
                                 "--aws-region=us-east-1"});
  }

  void TearDown() override {
    if (HasFailure() && operator_) {
      std::cerr << "operator log:\n" << operator_->Log() << "\n";
      std::cerr << Kubectl("get events -o wide -n " + ns_).output << "\n";
    }
    // The operator releases what is left (default policy), then the namespace goes.
    if (operator_) {
      Kubectl("delete cacheclusters --all --timeout=60s -n " + ns_);
      operator_.reset();
    }
    Kubectl("delete namespace " + ns_ + " --wait=false");
  }

  CommandResult Kubectl(const std::string& args) { return RunWithHarness("kubectl " + args); }
  void Apply(const std::string& yaml) {
    CommandResult r =
        RunWithHarness("kubectl apply -n " + ns_ + " -f - <<'EOF'\n" + yaml + "\nEOF");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  void PutToken(const std::string& secret, const std::string& token) {
    CommandResult r = RunWithHarness("kubectl create secret generic " + secret + " -n " + ns_ +
                                     " --from-literal=token=" + token +
                                     " --dry-run=client -o yaml | kubectl apply -f -");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  void ApplyCache(const std::string& name, const std::string& spec) {
    Apply(
        "apiVersion: platform.startup-metrics.com/v1alpha1\nkind: CacheCluster\nmetadata:\n"
        "  name: " +
        name + "\nspec:\n" + spec);
  }
  std::string GroupId(const std::string& name) const { return ns_ + "-" + name; }

  std::optional<json> Object(const std::string& name) {
    return JsonOf(Kubectl("get cachecluster " + name + " -o json -n " + ns_));
  }
  std::string ConditionStatus(const std::string& name, const std::string& type) {
    auto object = Object(name);
    if (!object || !object->contains("status")) return "";
    for (const auto& c : (*object)["status"].value("conditions", json::array())) {
      if (c.value("type", "") == type) return c.value("status", "");
    }
    return "";
  }
  bool ReadyAndSynced(const std::string& name) {
    return ConditionStatus(name, "Ready") == "True" && ConditionStatus(name, "Synced") == "True";
  }
  std::optional<json> Group(const std::string& name) {
    auto out =
        JsonOf(RunWithHarness("aws elasticache describe-replication-groups "
                              "--replication-group-id " +
                              GroupId(name) + " --output json"));
    if (!out || (*out)["ReplicationGroups"].empty()) return std::nullopt;
    return (*out)["ReplicationGroups"][0];
  }
  // Members per node group, in node group order.
  std::vector<int> Shape(const std::string& name) {
    std::vector<int> shape;
    if (auto g = Group(name)) {
      for (const auto& ng : (*g)["NodeGroups"]) shape.push_back(ng["NodeGroupMembers"].size());
    }
    return shape;
  }
  // As in AWS, a deleted group is gone or still listed as "deleting".
  bool GoneOrDeleting(const std::string& name) {
    auto group = Group(name);
    return !group || (*group)["Status"] == "deleting";
  }
  std::map<std::string, std::string> SecretData(const std::string& secret) {
    std::map<std::string, std::string> data;
    auto out = JsonOf(Kubectl("get secret " + secret + " -o json -n " + ns_));
    if (!out) return data;
    const json encoded = (*out).value("data", json::object());
    for (const auto& [k, v] : encoded.items()) {
      data[k] = Base64Decode(v.get<std::string>());
    }
    return data;
  }
  std::vector<std::string> EventReasons(const std::string& name) {
    std::vector<std::string> reasons;
    auto out = JsonOf(
        Kubectl("get events -o json -n " + ns_ + " --field-selector involvedObject.name=" + name));
    if (!out) return reasons;
    for (const auto& e : (*out)["items"]) {
      reasons.push_back(e.value("reason", "") + ": " + e.value("message", ""));
    }
    return reasons;
  }
  bool HasEvent(const std::string& name, const std::string& prefix) {
    for (const std::string& r : EventReasons(name)) {
      if (r.rfind(prefix, 0) == 0) return true;
    }
    return false;
  }

  std::string ns_;
  std::unique_ptr<OperatorProcess> operator_;
};

TEST_F(CacheClusterIntegrationTest, CreatesAShardedEncryptedGroupWithAuth) {
  PutToken("cache-auth", "firstToken0123456789abc");
  ApplyCache("cache",
             "  nodeType: cache.t4g.micro\n"
             "  clusterMode: {enabled: true, shards: 3, replicasPerShard: 1}\n"
             "  encryption: {atRest: true, inTransit: true}\n"
             "  auth: {tokenSecretName: cache-auth}\n"
             "  snapshot: {retentionDays: 5, window: \"03:00-04:00\"}\n"
             "  deletionPolicy: Delete\n"
             "  tags: {team: metrics}\n");
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("cache"); }));

  auto group = Group("cache");
  ASSERT_TRUE(group.has_value());
  EXPECT_EQ((*group)["Status"], "available");
  EXPECT_EQ((*group)["ClusterEnabled"], true);
  EXPECT_EQ((*group)["ClusterMode"], "enabled");
  EXPECT_EQ(Shape("cache"), (std::vector<int>{2, 2, 2}));
  EXPECT_EQ((*group)["AtRestEncryptionEnabled"], true);
  EXPECT_EQ((*group)["TransitEncryptionEnabled"], true);
  EXPECT_EQ((*group)["AuthTokenEnabled"], true);
  EXPECT_EQ((*group)["AutomaticFailover"], "enabled");
  EXPECT_EQ((*group)["MultiAZ"], "enabled");
  EXPECT_EQ((*group)["CacheNodeType"], "cache.t4g.micro");
  EXPECT_EQ((*group)["SnapshotRetentionLimit"], 5);
  EXPECT_EQ((*group)["SnapshotWindow"], "03:00-04:00");

  auto tags =
      JsonOf(RunWithHarness("aws elasticache list-tags-for-resource --output json "
                            "--resource-name " +
                            (*group)["ARN"].get<std::string>()));
  ASSERT_TRUE(tags.has_value());
  const std::string uid = (*Object("cache"))["metadata"]["uid"];
  EXPECT_THAT((*tags)["TagList"], Contains(json{{"Key", "team"}, {"Value", "metrics"}}));
  EXPECT_THAT((*tags)["TagList"],
              Contains(json{{"Key", "platform.startup-metrics.com/uid"}, {"Value", uid}}));

  const std::string endpoint = (*group)["ConfigurationEndpoint"]["Address"];
  auto status = (*Object("cache"))["status"];
  EXPECT_EQ(status["phase"], "Available");
  EXPECT_EQ(status["configurationEndpoint"]["host"], endpoint);
  EXPECT_EQ(status["shards"].size(), 3u);
  EXPECT_EQ(status["connectionSecret"], "cache-connection");
  EXPECT_EQ(status["shards"][0]["replicas"].size(), 1u);
  EXPECT_THAT(status.dump(), ::testing::Not(HasSubstr("firstToken0123456789abc")));

  auto data = SecretData("cache-connection");
  EXPECT_EQ(data["configurationEndpoint"], endpoint);
  EXPECT_EQ(data["configuration_endpoint_address"], endpoint);
  EXPECT_EQ(data["port"], "6379");
  EXPECT_EQ(data["authToken"], "firstToken0123456789abc");
  EXPECT_EQ(data["uri"], "rediss://:firstToken0123456789abc@" + endpoint + ":6379");

  HttpReply metrics = HttpGet(operator_->metrics_port(), "/metrics");
  EXPECT_THAT(metrics.body,
              HasSubstr("platform_cache_ready{name=\"cache\",namespace=\"" + ns_ + "\"} 1"));
  EXPECT_THAT(metrics.body, HasSubstr("platform_aws_resources_managed{kind=\"ReplicationGroup\"}"));
}

TEST_F(CacheClusterIntegrationTest, GeneratesATokenWhenTheSecretIsMissing) {
  ApplyCache("gen",
             "  clusterMode: {shards: 1, replicasPerShard: 1}\n"
             "  auth: {tokenSecretName: gen-auth}\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("gen"); }));
  const std::string token = SecretData("gen-auth")["token"];
  EXPECT_EQ(token.size(), 32u);
  EXPECT_EQ(SecretData("gen-connection")["authToken"], token);
  EXPECT_EQ((*Group("gen"))["AuthTokenEnabled"], true);
}

TEST_F(CacheClusterIntegrationTest, ScalesShardsAndReplicasOneStepAtATime) {
  ApplyCache("scale",
             "  clusterMode: {shards: 2, replicasPerShard: 1}\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("scale"); }));
  ASSERT_EQ(Shape("scale"), (std::vector<int>{2, 2}));

  ApplyCache("scale",
             "  clusterMode: {shards: 3, replicasPerShard: 2}\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] {
    return Shape("scale") == std::vector<int>{3, 3, 3};
  })) << ::testing::PrintToString(Shape("scale"));
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("scale"); }));
  EXPECT_TRUE(HasEvent("scale", "Modifying: ChangeShards: shards 2 → 3"))
      << ::testing::PrintToString(EventReasons("scale"));
  EXPECT_TRUE(HasEvent("scale", "Modifying: IncreaseReplicas: replicasPerShard 1 → 2"));
  EXPECT_EQ((*Object("scale"))["status"]["shards"].size(), 3u);

  ApplyCache("scale",
             "  clusterMode: {shards: 1, replicasPerShard: 1}\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] { return Shape("scale") == std::vector<int>{2}; }))
      << ::testing::PrintToString(Shape("scale"));
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("scale"); }));
  EXPECT_TRUE(HasEvent("scale", "Modifying: DecreaseReplicas: replicasPerShard 2 → 1"));
  EXPECT_TRUE(HasEvent("scale", "Modifying: ChangeShards: shards 3 → 1"));
}

TEST_F(CacheClusterIntegrationTest, RotatesTheAuthTokenWithRotateThenSet) {
  PutToken("rot-auth", "oldToken0123456789abcd");
  ApplyCache("rot",
             "  clusterMode: {shards: 1, replicasPerShard: 1}\n"
             "  auth: {tokenSecretName: rot-auth}\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("rot"); }));
  ASSERT_EQ(SecretData("rot-connection")["authToken"], "oldToken0123456789abcd");
  const std::string before = (*Group("rot")).value("AuthTokenLastModifiedDate", "");

  PutToken("rot-auth", "newToken0123456789abcd");
  ASSERT_TRUE(Eventually([&] {
    return SecretData("rot-connection")["authToken"] == "newToken0123456789abcd" &&
           HasEvent("rot", "AuthTokenSet") && ConditionStatus("rot", "AuthTokenRotation").empty();
  })) << ::testing::PrintToString(EventReasons("rot"));
  EXPECT_TRUE(HasEvent("rot", "AuthTokenRotating"));
  EXPECT_EQ(SecretData("rot-connection")["uri"].find("rediss://:newToken0123456789abcd@"), 0u);
  auto group = Group("rot");
  EXPECT_EQ((*group)["AuthTokenEnabled"], true);
  EXPECT_NE((*group).value("AuthTokenLastModifiedDate", ""), before);
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("rot"); }));
}

TEST_F(CacheClusterIntegrationTest, DeletesUnderEachPolicy) {
  for (const std::string policy : {"Snapshot", "Delete", "Retain"}) {
    std::string name = policy == "Snapshot" ? "snap" : policy == "Delete" ? "del" : "keep";
    ApplyCache(name,
               "  clusterMode: {shards: 1, replicasPerShard: 1}\n"
               "  deletionPolicy: " +
                   policy + "\n");
  }
  for (const char* name : {"snap", "del", "keep"}) {
    ASSERT_TRUE(Eventually([&] { return ReadyAndSynced(name); })) << name;
  }
  const std::string snap_uid = (*Object("snap"))["metadata"]["uid"];
  ASSERT_EQ(Kubectl("delete cachecluster snap del keep --timeout=60s -n " + ns_).exit_code, 0);
  for (const char* name : {"snap", "del", "keep"}) {
    EXPECT_FALSE(Object(name).has_value()) << name;
  }

  auto snapshots = JsonOf(RunWithHarness(
      "aws elasticache describe-snapshots --output json --query 'Snapshots[].SnapshotName'"));
  ASSERT_TRUE(snapshots.has_value());
  // Snapshot: a final snapshot, then the group is deleted.
  EXPECT_TRUE(GoneOrDeleting("snap"));
  EXPECT_THAT(*snapshots, Contains(GroupId("snap") + "-final-" + snap_uid.substr(0, 8)));
  // Delete: deleted without a snapshot.
  EXPECT_TRUE(GoneOrDeleting("del"));
  for (const auto& s : *snapshots) {
    EXPECT_EQ(s.get<std::string>().rfind(GroupId("del"), 0), std::string::npos) << s;
  }
  // Retain: left running, tags and all.
  ASSERT_TRUE(Group("keep").has_value());
  EXPECT_EQ((*Group("keep"))["Status"], "available");
  EXPECT_TRUE(HasEvent("keep", "Retained"));
}

TEST_F(CacheClusterIntegrationTest, OwnsTheSubnetGroupMadeFromSubnetIds) {
  ApplyCache("net",
             "  clusterMode: {shards: 1, replicasPerShard: 1}\n"
             "  network:\n"
             "    subnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]\n"
             "    securityGroupIds: [sg-0a1b2c3d4e5f60718]\n"
             "  deletionPolicy: Delete\n");
  ASSERT_TRUE(Eventually([&] { return ReadyAndSynced("net"); }));
  auto subnets =
      JsonOf(RunWithHarness("aws elasticache describe-cache-subnet-groups --output json "
                            "--cache-subnet-group-name " +
                            GroupId("net")));
  ASSERT_TRUE(subnets.has_value());
  auto identifiers = (*subnets)["CacheSubnetGroups"][0]["Subnets"];
  ASSERT_EQ(identifiers.size(), 2u);
  EXPECT_EQ(identifiers[0]["SubnetIdentifier"], "subnet-0a1b2c3d4e5f60718");
  EXPECT_TRUE(HasEvent("net", "SubnetGroupCreated"));

  ASSERT_EQ(Kubectl("delete cachecluster net --timeout=60s -n " + ns_).exit_code, 0);
  EXPECT_FALSE(Group("net").has_value());
  CommandResult gone = RunWithHarness(
      "aws elasticache describe-cache-subnet-groups --cache-subnet-group-name " + GroupId("net"));
  EXPECT_NE(gone.exit_code, 0);
  EXPECT_THAT(gone.output, HasSubstr("CacheSubnetGroupNotFoundFault"));
}

}  // namespace
}  // namespace po::testing
