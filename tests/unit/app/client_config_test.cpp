// Where the Kubernetes configuration and the Lease namespace come from, for each combination of
// flag, environment and files.
#include "operator/app/client_config.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace po::app {
namespace {

constexpr char kKubeconfig[] = R"(apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "https://SERVER:6443", insecure-skip-tls-verify: true}
users:
- name: u
  user: {token: t}
contexts:
- name: x
  context: {cluster: c, user: u, namespace: ctx-ns}
current-context: x
)";

// A temporary folder with kubeconfigs whose server names the file ("https://<name>:6443").
class Files {
 public:
  Files() {
    char pattern[] = "/tmp/po-app-client-config-XXXXXX";
    dir_ = ::mkdtemp(pattern);
  }
  ~Files() { std::system(("rm -rf " + dir_).c_str()); }
  std::string Kubeconfig(const std::string& name) {
    std::string text = kKubeconfig;
    text.replace(text.find("SERVER"), 6, name);
    return Write(name, text);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
    return path;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

ClientConfigSources Sources(std::map<std::string, std::string> env) {
  ClientConfigSources sources = ProcessClientConfigSources();
  sources.env = [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  return sources;
}

TEST(LoadClientConfigTest, PicksTheFirstAvailableSourceInOrder) {
  Files files;
  const std::string flag = files.Kubeconfig("flag");
  const std::string env1 = files.Kubeconfig("env1");
  const std::string env2 = files.Kubeconfig("env2");
  ::mkdir((files.dir() + "/home").c_str(), 0700);
  ::mkdir((files.dir() + "/home/.kube").c_str(), 0700);
  files.Write("home/.kube/config", [&] {
    std::string text = kKubeconfig;
    return text.replace(text.find("SERVER"), 6, "home");
  }());
  const std::string home = files.dir() + "/home";
  const std::string missing = files.dir() + "/missing";

  struct Case {
    std::string name;
    std::string flag;
    std::map<std::string, std::string> env;
    std::string want_server;
  };
  const Case cases[] = {
      {"flag wins over everything",
       flag,
       {{"KUBECONFIG", env1}, {"HOME", home}},
       "https://flag:6443"},
      {"$KUBECONFIG next", "", {{"KUBECONFIG", env1}, {"HOME", home}}, "https://env1:6443"},
      {"first existing entry of a $KUBECONFIG list",
       "",
       {{"KUBECONFIG", missing + ":" + env2 + ":" + env1}},
       "https://env2:6443"},
      {"~/.kube/config last", "", {{"HOME", home}}, "https://home:6443"},
      {"empty $KUBECONFIG is ignored",
       "",
       {{"KUBECONFIG", ""}, {"HOME", home}},
       "https://home:6443"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto config = LoadClientConfig(c.flag, Sources(c.env));
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    EXPECT_EQ(config->server, c.want_server);
    EXPECT_EQ(config->default_namespace, "ctx-ns");
  }
}

TEST(LoadClientConfigTest, InClusterBeforeHome) {
  Files files;
  ClientConfigSources sources =
      Sources({{"KUBERNETES_SERVICE_HOST", "10.0.0.1"}, {"HOME", files.dir()}});
  sources.in_cluster.token_file = files.Write("token", "sa-token");
  sources.in_cluster.ca_file = files.Write("ca.crt", "");
  sources.in_cluster.namespace_file = files.Write("namespace", "operators\n");
  sources.in_cluster.env = {{"KUBERNETES_SERVICE_HOST", "10.0.0.1"},
                            {"KUBERNETES_SERVICE_PORT", "443"}};
  auto config = LoadClientConfig("", sources);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->server, "https://10.0.0.1:443");
  EXPECT_EQ(config->bearer_token_file, sources.in_cluster.token_file);
}

TEST(LoadClientConfigTest, UnusableSettingsGiveOneLineErrors) {
  Files files;
  const std::string broken = files.Write("broken", "clusters: [");
  const std::string missing = files.dir() + "/missing";
  struct Case {
    std::string name;
    std::string flag;
    std::map<std::string, std::string> env;
    StatusCode want_code;
    std::string want_message;
  };
  const Case cases[] = {
      {"missing --kubeconfig",
       missing,
       {},
       StatusCode::kNotFound,
       "cannot load kubeconfig " + missing + ": no such file"},
      {"missing $KUBECONFIG",
       "",
       {{"KUBECONFIG", missing}},
       StatusCode::kNotFound,
       "cannot load kubeconfig " + missing + ": no such file"},
      {"malformed file",
       broken,
       {},
       StatusCode::kInvalidArgument,
       "cannot load kubeconfig " + broken + ": "},
      {"nothing at all",
       "",
       {{"HOME", files.dir()}},
       StatusCode::kNotFound,
       "no Kubernetes configuration found: pass --kubeconfig, set $KUBECONFIG, run in a cluster "
       "or create ~/.kube/config"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto config = LoadClientConfig(c.flag, Sources(c.env));
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.status().code(), c.want_code);
    EXPECT_EQ(config.status().message().rfind(c.want_message, 0), 0u) << config.status().message();
    EXPECT_EQ(config.status().message().find('\n'), std::string::npos);
  }
}

TEST(LeaderElectionNamespaceTest, FlagThenNamespaceFileThenDefault) {
  struct Case {
    std::string name;
    std::string flag;
    std::optional<std::string> namespace_file;
    std::string want;
  };
  const Case cases[] = {
      {"flag", "from-flag", "from-file", "from-flag"},
      {"namespace file, trimmed", "", " from-file\n", "from-file"},
      {"blank namespace file", "", "\n", "default"},
      {"no namespace file", "", std::nullopt, "default"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ClientConfigSources sources = Sources({});
    std::set<std::string> read;
    sources.read_file = [&](const std::string& path) -> Result<std::string> {
      read.insert(path);
      if (!c.namespace_file) return NotFound("no such file");
      return *c.namespace_file;
    };
    EXPECT_EQ(LeaderElectionNamespace(c.flag, sources), c.want);
    if (c.flag.empty()) {
      EXPECT_EQ(read, std::set<std::string>{sources.in_cluster.namespace_file});
    }
  }
}

}  // namespace
}  // namespace po::app
