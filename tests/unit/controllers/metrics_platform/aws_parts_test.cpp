// The bucket and log-group reconcile against in-memory S3 and CloudWatch Logs, and the pure
// bucket configuration, as tables.
#include <gtest/gtest.h>

#include "controllers/metrics_platform/effective.h"
#include "controllers/metrics_platform/logging.h"
#include "controllers/metrics_platform/storage.h"
#include "tests/unit/controllers/metrics_platform/fake_aws.h"
#include "tests/unit/controllers/metrics_platform/platform_fixture.h"

namespace po::controllers::metrics_platform {
namespace {

using nlohmann::json;
using testing::FakeLogs;
using testing::FakeS3;
using testing::PlatformBuilder;
using testing::Sample;

TEST(DesiredLifecycleTest, Table) {
  struct Row {
    LifecycleDays days;
    std::vector<std::pair<int, std::string>> transitions;
    std::optional<int> expire;
  };
  const std::vector<Row> rows = {
      {{30, 90, 730}, {{30, "STANDARD_IA"}, {90, "GLACIER"}}, 730},
      {{30, 0, 180}, {{30, "STANDARD_IA"}}, 180},
      {{0, 0, 30}, {}, 30},
      {{0, 0, 0}, {}, std::nullopt},
  };
  for (const auto& row : rows) {
    const auto config = DesiredLifecycle(row.days);
    ASSERT_EQ(config.Rules.size(), 1u);
    const auto& rule = config.Rules[0];
    EXPECT_EQ(rule.Status, "Enabled");
    std::vector<std::pair<int, std::string>> got;
    for (const auto& t : rule.Transitions) got.emplace_back(*t.Days, *t.StorageClass);
    EXPECT_EQ(got, row.transitions);
    EXPECT_EQ(rule.Expiration ? rule.Expiration->Days : std::nullopt, row.expire);
    ASSERT_TRUE(rule.NoncurrentVersionExpiration.has_value());
    EXPECT_EQ(rule.NoncurrentVersionExpiration->NoncurrentDays, kNoncurrentVersionDays);
  }
}

TEST(DesiredBucketTest, EncryptionReplicationAndTags) {
  const auto encryption = DesiredEncryption();
  ASSERT_EQ(encryption.Rules.size(), 1u);
  EXPECT_EQ(encryption.Rules[0].ApplyServerSideEncryptionByDefault->SSEAlgorithm, "aws:kms");
  const auto block = DesiredPublicAccessBlock();
  EXPECT_TRUE(*block.BlockPublicAcls && *block.IgnorePublicAcls && *block.BlockPublicPolicy &&
              *block.RestrictPublicBuckets);
  const auto replication = DesiredReplication("archive-dr", ReplicationRoleArn("111122223333"));
  EXPECT_EQ(replication.Role, "arn:aws:iam::111122223333:role/platform-operator-s3-replication");
  EXPECT_EQ(replication.Rules[0].Destination.Bucket, "arn:aws:s3:::archive-dr");
  const auto tags = BucketTags(Sample("development"));
  bool managed = false;
  for (const auto& tag : tags) {
    managed = managed || (tag.Key == "platform.startup-metrics.com/managed-by" &&
                          tag.Value == "platform-operator");
  }
  EXPECT_TRUE(managed);
}

TEST(BucketReconcilerTest, CreatesConfiguresOnceAndReplicates) {
  FakeS3 s3;
  BucketReconciler buckets(s3);
  const json platform = Sample("production");
  auto e = Resolve(platform);
  ASSERT_TRUE(e.ok());

  // Without the account the replica waits.
  StorageResult waiting = buckets.Reconcile(platform, *e, "");
  EXPECT_FALSE(waiting.ready);
  EXPECT_EQ(waiting.reason, "WaitingForAccount");

  StorageResult result = buckets.Reconcile(platform, *e, "123456789012");
  ASSERT_TRUE(result.ready) << result.message;
  const auto all = s3.Buckets();
  ASSERT_TRUE(all.contains("example-metrics-archive-prod"));
  const auto& bucket = all.at("example-metrics-archive-prod");
  EXPECT_EQ(bucket.region, "us-east-1");
  EXPECT_TRUE(bucket.versioning && bucket.encrypted && bucket.public_blocked);
  ASSERT_EQ(bucket.lifecycle.size(), 1u);
  EXPECT_EQ(bucket.lifecycle[0].Expiration->Days, 730);
  ASSERT_TRUE(bucket.replication.has_value());
  EXPECT_EQ(bucket.replication->Rules[0].Destination.Bucket,
            "arn:aws:s3:::example-metrics-archive-prod-dr");
  ASSERT_TRUE(all.contains("example-metrics-archive-prod-dr"));
  EXPECT_EQ(all.at("example-metrics-archive-prod-dr").region, "us-west-2");
  EXPECT_TRUE(all.at("example-metrics-archive-prod-dr").versioning);

  // Nothing changed: only existence checks.
  s3.ClearCalls();
  ASSERT_TRUE(buckets.Reconcile(platform, *e, "123456789012").ready);
  EXPECT_EQ(s3.Calls(), (std::vector<std::string>{"HeadBucket", "HeadBucket"}));

  // A lifecycle change is applied.
  e->storage.lifecycle.expire = 900;
  s3.ClearCalls();
  ASSERT_TRUE(buckets.Reconcile(platform, *e, "123456789012").ready);
  EXPECT_EQ(s3.Buckets().at("example-metrics-archive-prod").lifecycle[0].Expiration->Days, 900);
}

TEST(BucketReconcilerTest, ErrorsTable) {
  struct Row {
    std::string operation;
    std::string code;
    int http;
    std::string reason;
  };
  const std::vector<Row> rows = {
      {"CreateBucket", "BucketAlreadyExists", 409, "BucketNameTaken"},
      {"HeadBucket", "Forbidden", 403, "S3Error"},
      {"PutBucketEncryption", "AccessDenied", 403, "S3Error"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.operation);
    FakeS3 s3;
    BucketReconciler buckets(s3);
    const json platform = Sample("development");
    auto e = Resolve(platform);
    s3.FailNext(row.operation, row.code, row.http);
    StorageResult result = buckets.Reconcile(platform, *e, "123456789012");
    EXPECT_FALSE(result.ready);
    EXPECT_EQ(result.reason, row.reason);
    EXPECT_FALSE(result.message.empty());
  }
}

TEST(BucketReconcilerTest, DeletionTable) {
  struct Row {
    std::string name;
    json spec;
    int objects;
    bool bucket_left;
  };
  const std::vector<Row> rows = {
      {"Retain keeps", {{"storage", {{"deletionPolicy", "Retain"}}}}, 0, true},
      {"default deletes an empty bucket", json::object(), 0, false},
      {"default keeps a bucket with objects", json::object(), 3, true},
      {"Delete deletes an empty bucket", {{"deletionPolicy", "Delete"}}, 0, false},
      {"Delete empties a bucket over several pages, then deletes it",
       {{"deletionPolicy", "Delete"}},
       2500,
       false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    FakeS3 s3;
    BucketReconciler buckets(s3);
    const json platform = PlatformBuilder("staging").WithSpec(row.spec).Build();
    auto e = Resolve(platform);
    ASSERT_TRUE(buckets.Reconcile(platform, *e, "123456789012").ready);
    for (int i = 0; i < row.objects; ++i) {
      s3.PutObject(e->storage.bucket_name, "k" + std::to_string(100000 + i));
    }
    std::string message;
    Status deleted = buckets.Delete(platform, *e, message);
    EXPECT_TRUE(deleted.ok()) << deleted.ToString();
    EXPECT_EQ(s3.Buckets().contains(e->storage.bucket_name), row.bucket_left) << message;
  }
}

TEST(BucketReconcilerTest, ForeignBucketsAreNeitherConfiguredNorDeleted) {
  struct Row {
    std::string name;
    std::vector<aws::s3::Tag> tags;
    bool adopt;
    bool ready;
    std::string reason;
  };
  const std::vector<Row> rows = {
      {"another platform's",
       {{"platform.startup-metrics.com/managed-by", "platform-operator"},
        {"platform.startup-metrics.com/uid", "someone-else"},
        {"platform.startup-metrics.com/kind", "MetricsPlatform"},
        {"platform.startup-metrics.com/namespace", "team-b"},
        {"platform.startup-metrics.com/name", "other"}},
       false,
       false,
       "BucketOwnedElsewhere"},
      {"unowned", {{"team", "data"}}, false, false, "BucketNotOwned"},
      {"unowned, adoption allowed", {{"team", "data"}}, true, true, "BucketReady"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.name);
    FakeS3 s3;
    BucketReconciler buckets(s3);
    json platform = PlatformBuilder("development").WithSpec({{"deletionPolicy", "Delete"}}).Build();
    if (row.adopt) {
      platform["metadata"]["annotations"]["platform.startup-metrics.com/adopt"] = "true";
    }
    auto e = Resolve(platform);
    s3.AddBucket(e->storage.bucket_name, row.tags);
    const StorageResult result = buckets.Reconcile(platform, *e, "123456789012");
    EXPECT_EQ(result.ready, row.ready) << result.message;
    EXPECT_EQ(result.reason, row.reason);
    std::string message;
    ASSERT_TRUE(buckets.Delete(platform, *e, message).ok());
    EXPECT_EQ(s3.Buckets().contains(e->storage.bucket_name), !row.adopt) << message;
  }
}

TEST(LogGroupsTest, CreatesFixesRetentionAndFindsTheAccount) {
  FakeLogs logs;
  auto e = Resolve(Sample("production"));
  ASSERT_TRUE(e.ok());
  LoggingResult first = ReconcileLogGroups(logs, *e, {{"k", "v"}});
  ASSERT_TRUE(first.ready) << first.message;
  EXPECT_EQ(first.account_id, "123456789012");
  EXPECT_EQ(logs.Groups(), (std::map<std::string, int>{{"/platform/team-a/metrics/app", 365},
                                                       {"/platform/team-a/metrics/web", 365}}));
  // In step: describe only.
  logs.ClearCalls();
  ASSERT_TRUE(ReconcileLogGroups(logs, *e, {}).ready);
  EXPECT_EQ(logs.Calls(), std::vector<std::string>{"DescribeLogGroups"});
  // Retention changed in the spec.
  e->log_retention_days = 30;
  ASSERT_TRUE(ReconcileLogGroups(logs, *e, {}).ready);
  EXPECT_EQ(logs.Groups().at("/platform/team-a/metrics/web"), 30);
}

TEST(LogGroupsTest, DeletionFollowsThePolicy) {
  for (const std::string policy : {"Delete", "Snapshot", "Retain"}) {
    SCOPED_TRACE(policy);
    FakeLogs logs;
    auto e = Resolve(PlatformBuilder("development").WithSpec({{"deletionPolicy", policy}}).Build());
    ASSERT_TRUE(ReconcileLogGroups(logs, *e, {}).ready);
    std::string message;
    ASSERT_TRUE(DeleteLogGroups(logs, *e, message).ok());
    EXPECT_EQ(logs.Groups().empty(), policy == "Delete");
  }
}

TEST(AccountOfArnTest, Table) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"arn:aws:logs:us-east-1:123456789012:log-group:/x:*", "123456789012"},
      {"arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:a", "111122223333"},
      {"arn:aws:logs", ""},
      {"", ""},
  };
  for (const auto& [arn, want] : rows) EXPECT_EQ(AccountOfArn(arn), want) << arn;
}

}  // namespace
}  // namespace po::controllers::metrics_platform
