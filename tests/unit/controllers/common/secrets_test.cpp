// Reading users' Secrets, applying owned Secrets, passwords and checksums.
#include "controllers/common/secrets.h"

#include <gtest/gtest.h>

#include <set>

#include "operator/kube/base64.h"
#include "operator/kube/fake_kube_client.h"

namespace po::controllers {
namespace {

nlohmann::json Owner(const std::string& uid = "owner-uid") {
  return {{"apiVersion", "platform.startup-metrics.com/v1alpha1"},
          {"kind", "DatabaseCluster"},
          {"metadata", {{"namespace", "team-a"}, {"name", "db"}, {"uid", uid}}}};
}

nlohmann::json UserSecret(const std::string& name, const nlohmann::json& data) {
  return {{"apiVersion", "v1"},
          {"kind", "Secret"},
          {"metadata", {{"namespace", "team-a"}, {"name", name}}},
          {"data", data}};
}

TEST(SecretsTest, ReadsAValueAndTellsAbsentSecretFromAbsentKey) {
  kube::FakeKubeClient client;
  ASSERT_TRUE(client
                  .Create(kube::Secrets(), "team-a",
                          UserSecret("master", {{"password", kube::Base64Encode("s3cret")}}))
                  .ok());
  auto value = ReadSecretValue(client, "team-a", "master", "password");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->value(), "s3cret");

  auto absent = ReadSecretValue(client, "team-a", "missing", "password");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());

  auto no_key = ReadSecretValue(client, "team-a", "master", "username");
  EXPECT_EQ(no_key.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(no_key.status().message(), "Secret team-a/master has no key \"username\"");
}

TEST(SecretsTest, InvalidBase64IsAnErrorThatDoesNotEchoTheValue) {
  kube::FakeKubeClient client;
  ASSERT_TRUE(
      client.Create(kube::Secrets(), "team-a", UserSecret("bad", {{"password", "%%%%"}})).ok());
  auto value = ReadSecretValue(client, "team-a", "bad", "password");
  EXPECT_EQ(value.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(value.status().message(), "key \"password\" of Secret team-a/bad is not valid base64");
}

TEST(SecretsTest, ApplyCreatesThenLeavesThenUpdates) {
  kube::FakeKubeClient client;
  const SecretData data = {{"host", "db.example"}, {"password", "pw1"}};
  auto created = ApplyOwnedSecret(client, Owner(), "db-connection", data, {{"app", "db"}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(*created, SecretChange::kCreated);
  auto stored = client.Get(kube::Secrets(), "team-a", "db-connection");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ((*stored)["metadata"]["ownerReferences"][0]["uid"], "owner-uid");
  EXPECT_EQ((*stored)["metadata"]["ownerReferences"][0]["controller"], true);
  EXPECT_EQ((*stored)["metadata"]["labels"]["app"], "db");
  EXPECT_EQ((*stored)["data"]["password"], kube::Base64Encode("pw1"));

  auto again = ApplyOwnedSecret(client, Owner(), "db-connection", data, {{"app", "db"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, SecretChange::kUnchanged);

  SecretData rotated = data;
  rotated["password"] = "pw2";
  auto updated = ApplyOwnedSecret(client, Owner(), "db-connection", rotated, {{"app", "db"}});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(*updated, SecretChange::kUpdated);
  auto read = ReadSecretValue(client, "team-a", "db-connection", "password");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->value(), "pw2");
}

TEST(SecretsTest, ApplyRefusesASecretSomeoneElseControls) {
  kube::FakeKubeClient client;
  ASSERT_TRUE(client
                  .Create(kube::Secrets(), "team-a",
                          UserSecret("db-connection", {{"k", kube::Base64Encode("v")}}))
                  .ok());
  auto result = ApplyOwnedSecret(client, Owner(), "db-connection", {{"k", "new"}});
  EXPECT_EQ(result.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(result.status().message(),
            "Secret team-a/db-connection exists and is not controlled by DatabaseCluster db; "
            "rename it or delete it");
  auto kept = ReadSecretValue(client, "team-a", "db-connection", "k");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->value(), "v");
}

TEST(SecretsTest, PasswordsAreAlphanumericOfTheRequestedLengthAndDiffer) {
  std::set<std::string> seen;
  for (size_t length : {16u, 32u, 100u}) {
    auto password = GeneratePassword(length);
    ASSERT_TRUE(password.ok());
    EXPECT_EQ(password->size(), length);
    for (char c : *password) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << c;
    seen.insert(*password);
  }
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_NE(*GeneratePassword(), *GeneratePassword());
}

TEST(SecretsTest, ChecksumChangesWithAnyKeyOrValue) {
  const std::string base = DataChecksum({{"a", "b"}, {"c", "d"}});
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(base, DataChecksum({{"c", "d"}, {"a", "b"}}));
  EXPECT_NE(base, DataChecksum({{"a", "b"}, {"c", "e"}}));
  EXPECT_NE(DataChecksum({{"ab", "c"}}), DataChecksum({{"a", "bc"}}));
  EXPECT_EQ(DataChecksum({}), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace po::controllers
