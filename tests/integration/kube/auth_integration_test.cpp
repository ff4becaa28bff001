// Authenticates to the harness apiserver every supported way: client certificate (the admin
// kubeconfig), bearer token (a ServiceAccount token from the TokenRequest API), an exec plugin,
// and the in-cluster service-account files — including rotation of the token file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "operator/kube/credentials.h"
#include "tests/integration/kube/kube_test_env.h"

namespace po::kube {
namespace {

using po::testing::HarnessVar;
using po::testing::RunWithHarness;
using testing::HarnessClient;
using testing::ScopedNamespace;

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

class AuthIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin = HarnessClient(clock, runner);
    ASSERT_NE(admin, nullptr);
    ns = std::make_unique<ScopedNamespace>(*admin, "kube-it-auth");
    char tmpl[] = "/tmp/kube-it-auth-XXXXXX";
    dir = mkdtemp(tmpl);
    server = HarnessVar("KUBE_APISERVER_URL");
    ca_file = HarnessVar("KUBE_CA_FILE");
  }
  void TearDown() override {
    ns.reset();
    std::filesystem::remove_all(dir);
  }

  // A ServiceAccount token; `can_read` binds the SA to the "view" role in the namespace.
  std::string TokenFor(const std::string& sa, bool can_read) {
    auto made = RunWithHarness("kubectl -n " + ns->name() + " create serviceaccount " + sa);
    EXPECT_EQ(made.exit_code, 0) << made.output;
    if (can_read) {
      auto bound =
          RunWithHarness("kubectl -n " + ns->name() + " create rolebinding " + sa +
                         "-view --clusterrole=view --serviceaccount=" + ns->name() + ":" + sa);
      EXPECT_EQ(bound.exit_code, 0) << bound.output;
    }
    auto token = RunWithHarness("kubectl -n " + ns->name() + " create token " + sa +
                                " --duration=10m 2>/dev/null");
    EXPECT_EQ(token.exit_code, 0);
    return Trim(token.output);
  }

  RestConfig BaseConfig() {
    RestConfig config;
    config.server = server;
    config.ca_pem = *ReadFile(ca_file);
    return config;
  }

  Status ListConfigMaps(KubeClient& client) {
    return client.ListPage(ConfigMaps(), ns->name(), {}).status();
  }

  RealClock clock;
  RealCommandRunner runner;
  std::unique_ptr<RestKubeClient> admin;
  std::unique_ptr<ScopedNamespace> ns;
  std::string dir, server, ca_file;
};

TEST_F(AuthIntegrationTest, ClientCertificateFromTheAdminKubeconfig) {
  auto config = LoadKubeconfig(HarnessVar("KUBECONFIG"));
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(config->client_cert_pem.empty());
  EXPECT_TRUE(ListConfigMaps(*admin).ok());

  // Without the CA the server's certificate is not trusted: TLS verification is on.
  RestConfig untrusted = *config;
  untrusted.ca_pem.clear();
  auto client = MakeRestKubeClient(untrusted, clock, runner);
  Status status = ListConfigMaps(*client);
  EXPECT_EQ(status.code(), StatusCode::kUnavailable) << status.ToString();
  // ... unless explicitly skipped.
  untrusted.insecure_skip_tls_verify = true;
  auto insecure = MakeRestKubeClient(untrusted, clock, runner);
  EXPECT_TRUE(ListConfigMaps(*insecure).ok());
}

TEST_F(AuthIntegrationTest, BearerToken) {
  RestConfig config = BaseConfig();
  config.bearer_token = TokenFor("reader", true);
  ASSERT_FALSE(config.bearer_token.empty());
  auto client = MakeRestKubeClient(config, clock, runner);
  Status status = ListConfigMaps(*client);
  EXPECT_TRUE(status.ok()) << status.ToString();
  // view cannot write: Forbidden.
  auto write = client->Create(ConfigMaps(), ns->name(), testing::ConfigMap(ns->name(), "x"));
  EXPECT_EQ(write.status().code(), StatusCode::kForbidden) << write.status().ToString();
  // A wrong token is not authenticated, and the token never appears in the error.
  config.bearer_token = "not-a-real-token";
  auto bad = MakeRestKubeClient(config, clock, runner);
  Status unauthenticated = ListConfigMaps(*bad);
  EXPECT_EQ(unauthenticated.code(), StatusCode::kUnauthenticated) << unauthenticated.ToString();
  EXPECT_EQ(unauthenticated.message().find("not-a-real-token"), std::string::npos);
}

TEST_F(AuthIntegrationTest, ExecPluginIsRerunAfterA401) {
  std::string good = TokenFor("plugin", true);
  std::string token_file = dir + "/plugin-token";
  std::string runs_file = dir + "/runs";
  std::ofstream(token_file) << "bad-token";
  std::string script = dir + "/get-token.sh";
  std::ofstream(script) << "#!/bin/sh\n"
                        << "echo run >> '" << runs_file << "'\n"
                        << "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                           "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' "
                           "\"$(cat '"
                        << token_file << "')\"\n";
  chmod(script.c_str(), 0755);
  std::string kubeconfig =
      "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
      "clusters: [{name: k, cluster: {server: '" +
      server + "', certificate-authority: '" + ca_file +
      "'}}]\n"
      "contexts: [{name: c, context: {cluster: k, user: u}}]\n"
      "users: [{name: u, user: {exec: {apiVersion: "
      "client.authentication.k8s.io/v1, command: ./get-token.sh, "
      "interactiveMode: Never}}}]\n";
  std::ofstream(dir + "/config") << kubeconfig;
  auto config = LoadKubeconfig(dir + "/config");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_TRUE(config->has_exec);
  auto client = MakeRestKubeClient(*config, clock, runner);

  // The plugin's token is rejected: it is re-run once, still rejected.
  EXPECT_EQ(ListConfigMaps(*client).code(), StatusCode::kUnauthenticated);
  // Now the plugin hands out a good token; the cached bad one gets a 401 and the plugin re-runs.
  std::ofstream(token_file) << good;
  Status status = ListConfigMaps(*client);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(ListConfigMaps(*client).ok());  // cached now
  auto runs = ReadFile(runs_file);
  ASSERT_TRUE(runs.ok());
  EXPECT_EQ(std::count(runs->begin(), runs->end(), '\n'), 3);
}

TEST_F(AuthIntegrationTest, ExecPluginWithAClientCertificate) {
  // The plugin hands out the admin kubeconfig's client certificate and key.
  auto admin_config = LoadKubeconfig(HarnessVar("KUBECONFIG"));
  ASSERT_TRUE(admin_config.ok());
  Json credential = {{"apiVersion", "client.authentication.k8s.io/v1beta1"},
                     {"kind", "ExecCredential"},
                     {"status",
                      {{"clientCertificateData", admin_config->client_cert_pem},
                       {"clientKeyData", admin_config->client_key_pem},
                       {"expirationTimestamp", "2099-01-01T00:00:00Z"}}}};
  std::ofstream(dir + "/credential.json") << credential.dump();
  RestConfig config = BaseConfig();
  config.has_exec = true;
  config.exec.api_version = "client.authentication.k8s.io/v1beta1";
  config.exec.command = "/bin/cat";
  config.exec.args = {dir + "/credential.json"};
  auto client = MakeRestKubeClient(config, clock, runner);
  Status status = ListConfigMaps(*client);
  EXPECT_TRUE(status.ok()) << status.ToString();
  // Admin can write, which a token of the "view" role could not.
  EXPECT_TRUE(client->Create(ConfigMaps(), ns->name(), testing::ConfigMap(ns->name(), "w")).ok());
}

TEST_F(AuthIntegrationTest, InClusterConfigSeesARotatedTokenFile) {
  std::string reader = TokenFor("incluster-reader", true);
  std::string other = TokenFor("incluster-other", false);
  std::ofstream(dir + "/token") << reader;
  std::filesystem::copy_file(ca_file, dir + "/ca.crt");
  std::ofstream(dir + "/namespace") << ns->name();
  auto host_port = server.substr(std::string("https://").size());
  auto colon = host_port.rfind(':');
  InClusterSource source{dir + "/token",
                         dir + "/ca.crt",
                         dir + "/namespace",
                         {{"KUBERNETES_SERVICE_HOST", host_port.substr(0, colon)},
                          {"KUBERNETES_SERVICE_PORT", host_port.substr(colon + 1)}}};
  auto config = InClusterConfig(source);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->default_namespace, ns->name());
  auto client = MakeRestKubeClient(*config, clock, runner);
  Status status = ListConfigMaps(*client);
  EXPECT_TRUE(status.ok()) << status.ToString();

  // Rotate: the file now holds a token of a ServiceAccount without read access.
  std::ofstream(dir + "/token.new") << other;
  std::filesystem::rename(dir + "/token.new", dir + "/token");
  Status rotated = ListConfigMaps(*client);
  ASSERT_EQ(rotated.code(), StatusCode::kForbidden) << rotated.ToString();
  EXPECT_NE(rotated.message().find("system:serviceaccount:" + ns->name() + ":incluster-other"),
            std::string::npos)
      << rotated.message();
  // And back.
  std::ofstream(dir + "/token.new") << reader;
  std::filesystem::rename(dir + "/token.new", dir + "/token");
  EXPECT_TRUE(ListConfigMaps(*client).ok());
}

}  // namespace
}  // namespace po::kube
