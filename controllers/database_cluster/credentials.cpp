// Resolves the master password and builds the connection Secret of a DatabaseCluster.
#include "controllers/database_cluster/credentials.h"

#include "operator/kube/resource.h"

namespace po::controllers::database_cluster {
namespace {

const std::map<std::string, std::string> kLabels = {
    {"app.kubernetes.io/managed-by", "platform-operator"},
    {"app.kubernetes.io/component", "database"}};

}  // namespace

Result<Credentials> EnsureCredentials(kube::KubeClient& client, const nlohmann::json& owner,
                                      const ClusterSpec& spec) {
  const std::string name = CredentialsSecretName(spec);
  auto existing = ReadSecretValue(client, spec.ns, name, "password");
  if (!existing.ok()) {
    if (existing.status().code() == StatusCode::kNotFound) {
      return FailedPrecondition("Secret " + spec.ns + "/" + name +
                                " has no \"password\" key; add one or delete the Secret to let "
                                "the operator generate a password");
    }
    return existing.status().WithContext("while reading the master password");
  }
  if (existing->has_value()) return Credentials{spec.username, **existing, false};

  PO_ASSIGN_OR_RETURN(std::string password, GeneratePassword(32));
  auto applied = ApplyOwnedSecret(client, owner, name,
                                  {{"username", spec.username}, {"password", password}}, kLabels);
  if (!applied.ok()) return applied.status().WithContext("while storing the generated password");
  return Credentials{spec.username, password, true};
}

SecretData ConnectionSecretData(const ClusterSpec& spec, const Observation& observed,
                                const Credentials& credentials) {
  std::string host;
  int port = kPostgresPort;
  if (observed.primary && observed.primary->Endpoint && observed.primary->Endpoint->Address) {
    host = *observed.primary->Endpoint->Address;
    port = observed.primary->Endpoint->Port.value_or(kPostgresPort);
  }
  std::string readers;
  for (const auto& [index, replica] : observed.replicas) {
    if (index > spec.replica_count || !replica.Endpoint || !replica.Endpoint->Address) continue;
    if (!readers.empty()) readers += ",";
    readers += *replica.Endpoint->Address;
  }
  SecretData data;
  data["host"] = host;
  data["address"] = host;
  data["endpoint"] = host;
  data["port"] = std::to_string(port);
  data["username"] = credentials.username;
  data["password"] = credentials.password;
  data["dbname"] = kDefaultDatabase;
  data["readerHosts"] = readers;
  data["uri"] = host.empty()
                    ? std::string()
                    : "postgresql://" + kube::QueryEscape(credentials.username) + ":" +
                          kube::QueryEscape(credentials.password) + "@" + host + ":" +
                          std::to_string(port) + "/" + kDefaultDatabase + "?sslmode=require";
  return data;
}

Result<std::optional<std::string>> PublishedPassword(kube::KubeClient& client,
                                                     const ClusterSpec& spec) {
  auto value = ReadSecretValue(client, spec.ns, ConnectionSecretName(spec), "password");
  if (!value.ok()) {
    if (value.status().code() == StatusCode::kNotFound) return std::optional<std::string>();
    return value.status();
  }
  return *value;
}

}  // namespace po::controllers::database_cluster
