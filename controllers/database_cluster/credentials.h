// The master credentials of a DatabaseCluster and the connection Secret it publishes. The password
// comes from the Secret named by spec.credentials.secretName (key "password") when it exists;
// otherwise a strong one is generated into that Secret (or "<name>-credentials"), owned by the
// DatabaseCluster. The connection Secret carries host, port, username, password, dbname, uri,
// readerHosts and Crossplane's endpoint/address keys. Values never reach logs or errors.
// Functions; thread-safe if the client is.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "controllers/common/secrets.h"
#include "controllers/database_cluster/observe.h"
#include "controllers/database_cluster/spec.h"
#include "operator/kube/kube_client.h"

namespace po::controllers::database_cluster {

struct Credentials {
  std::string username;
  std::string password;
  bool generated = false;  // created in this call
};

// Reads the password, or generates and stores one. kFailedPrecondition when the Secret exists
// without a "password" key (the user must fix it).
Result<Credentials> EnsureCredentials(kube::KubeClient& client, const nlohmann::json& owner,
                                      const ClusterSpec& spec);

// The connection Secret's data for the observed endpoints (pure). Host and URI are empty while the
// primary has no endpoint yet.
SecretData ConnectionSecretData(const ClusterSpec& spec, const Observation& observed,
                                const Credentials& credentials);

// The password last published in the connection Secret, std::nullopt when there is none.
Result<std::optional<std::string>> PublishedPassword(kube::KubeClient& client,
                                                     const ClusterSpec& spec);

}  // namespace po::controllers::database_cluster
