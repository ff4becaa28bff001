// Tests kubeconfig parsing variants and the in-cluster configuration.
#include "operator/kube/kubeconfig.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "operator/kube/base64.h"

namespace po::kube {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/kubeconfig-test-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& contents) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p) << contents;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const char kMultiContext[] = R"(
apiVersion: v1
kind: Config
current-context: admin
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:6443/
    certificate-authority-data: Q0EgUEVN
- name: insecure
  cluster:
    server: https://10.0.0.1
    insecure-skip-tls-verify: true
contexts:
- name: admin
  context: {cluster: local, user: admin, namespace: team-a}
- name: robot
  context: {cluster: insecure, user: robot}
- name: plugin
  context: {cluster: local, user: plugin}
- name: files
  context: {cluster: local, user: files}
- name: dangling
  context: {cluster: nowhere, user: admin}
users:
- name: admin
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: robot
  user:
    token: s3cr3t
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/get-token
      args: [--audience, api]
      env: [{name: MODE, value: test}]
      provideClusterInfo: true
- name: files
  user:
    client-certificate: certs/client.crt
    client-key: certs/client.key
    tokenFile: token
)";

TEST(KubeconfigTest, CurrentContextWithClientCertificateData) {
  auto config = ParseKubeconfig(kMultiContext, "/cfg");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://127.0.0.1:6443");
  EXPECT_EQ(config->ca_pem, "CA PEM");
  EXPECT_EQ(config->client_cert_pem, "CERT");
  EXPECT_EQ(config->client_key_pem, "KEY");
  EXPECT_EQ(config->default_namespace, "team-a");
  EXPECT_FALSE(config->insecure_skip_tls_verify);
  EXPECT_FALSE(config->has_exec);
}

TEST(KubeconfigTest, NamedContextWithTokenAndInsecure) {
  auto config = ParseKubeconfig(kMultiContext, "/cfg", "robot");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://10.0.0.1");
  EXPECT_TRUE(config->insecure_skip_tls_verify);
  EXPECT_EQ(config->bearer_token, "s3cr3t");
  EXPECT_EQ(config->default_namespace, "default");
}

TEST(KubeconfigTest, ExecPluginResolvedAgainstKubeconfigFolder) {
  auto config = ParseKubeconfig(kMultiContext, "/cfg", "plugin");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_TRUE(config->has_exec);
  EXPECT_EQ(config->exec.api_version, "client.authentication.k8s.io/v1");
  EXPECT_EQ(config->exec.command, "/cfg/./bin/get-token");
  EXPECT_EQ(config->exec.args, (std::vector<std::string>{"--audience", "api"}));
  ASSERT_EQ(config->exec.env.size(), 1u);
  EXPECT_EQ(config->exec.env[0].first, "MODE");
  EXPECT_TRUE(config->exec.provide_cluster_info);
}

TEST(KubeconfigTest, FilesAreReadRelativeToTheKubeconfig) {
  TempDir dir;
  fs::create_directories(dir.path() + "/certs");
  dir.Write("certs/client.crt", "FILE CERT");
  dir.Write("certs/client.key", "FILE KEY");
  dir.Write("token", "file-token\n");
  std::string path = dir.Write("config", kMultiContext);
  auto config = LoadKubeconfig(path, "files");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->client_cert_pem, "FILE CERT");
  EXPECT_EQ(config->client_key_pem, "FILE KEY");
  EXPECT_EQ(config->bearer_token_file, dir.path() + "/token");
}

TEST(KubeconfigTest, Errors) {
  struct Case {
    std::string yaml, context;
    StatusCode want;
    std::string mentions;
  } cases[] = {
      {kMultiContext, "missing", StatusCode::kNotFound, "context named \"missing\""},
      {kMultiContext, "dangling", StatusCode::kNotFound, "cluster named \"nowhere\""},
      {kMultiContext, "files", StatusCode::kNotFound, "reading client-certificate"},
      {"current-context: x\n", "", StatusCode::kNotFound, "context named \"x\""},
      {"{unbalanced", "", StatusCode::kInvalidArgument, "malformed kubeconfig"},
      {"- a list\n", "", StatusCode::kInvalidArgument, "not a YAML mapping"},
      {"clusters: []\n", "", StatusCode::kInvalidArgument, "no current-context"},
      {R"(current-context: c
contexts: [{name: c, context: {cluster: k, user: u}}]
clusters: [{name: k, cluster: {server: "https://x"}}]
users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}}]
)",
       "", StatusCode::kInvalidArgument, "v1alpha1"},
      {R"(current-context: c
contexts: [{name: c, context: {cluster: k, user: u}}]
clusters: [{name: k, cluster: {server: "https://x"}}]
users: [{name: u, user: {client-certificate-data: Q0VSVA==}}]
)",
       "", StatusCode::kInvalidArgument, "without a key"},
      {R"(current-context: c
contexts: [{name: c, context: {cluster: k}}]
clusters: [{name: k, cluster: {server: "https://x", certificate-authority-data: "!!"}}]
)",
       "", StatusCode::kInvalidArgument, "certificate-authority-data"},
  };
  for (const auto& c : cases) {
    auto config = ParseKubeconfig(c.yaml, "/nonexistent", c.context);
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), c.want) << config.status().ToString();
    EXPECT_NE(config.status().message().find(c.mentions), std::string::npos)
        << config.status().ToString();
  }
}

TEST(InClusterConfigTest, ReadsServiceAccountFiles) {
  TempDir dir;
  InClusterSource source{
      dir.Write("token", "sa-token"),
      dir.Write("ca.crt", "SA CA"),
      dir.Write("namespace", "operators\n"),
      {{"KUBERNETES_SERVICE_HOST", "10.96.0.1"}, {"KUBERNETES_SERVICE_PORT", "443"}}};
  auto config = InClusterConfig(source);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://10.96.0.1:443");
  EXPECT_EQ(config->bearer_token_file, source.token_file);
  EXPECT_EQ(config->bearer_token, "");
  EXPECT_EQ(config->ca_pem, "SA CA");
  EXPECT_EQ(config->default_namespace, "operators");

  source.env = {{"KUBERNETES_SERVICE_HOST", "fd00::1"}, {"KUBERNETES_SERVICE_PORT", "6443"}};
  EXPECT_EQ(InClusterConfig(source)->server, "https://[fd00::1]:6443");
}

TEST(InClusterConfigTest, Errors) {
  TempDir dir;
  InClusterSource no_env{dir.Write("token", "t"), dir.Write("ca.crt", "c"), "", {{"X", "y"}}};
  EXPECT_EQ(InClusterConfig(no_env).status().code(), StatusCode::kFailedPrecondition);
  InClusterSource no_token{dir.path() + "/missing",
                           dir.path() + "/ca.crt",
                           "",
                           {{"KUBERNETES_SERVICE_HOST", "h"}, {"KUBERNETES_SERVICE_PORT", "1"}}};
  EXPECT_EQ(InClusterConfig(no_token).status().code(), StatusCode::kNotFound);
}

TEST(Base64Test, RoundTripsAndRejectsGarbage) {
  for (std::string s : {"", "a", "ab", "abc", "abcd", "hello world\n"}) {
    EXPECT_EQ(*Base64Decode(Base64Encode(s)), s);
  }
  EXPECT_EQ(*Base64Decode("aGVs\nbG8="), "hello");
  EXPECT_EQ(Base64Decode("a$b").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace po::kube
