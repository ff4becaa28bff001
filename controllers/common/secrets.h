// Kubernetes Secrets as the AWS-backed controllers use them: read one key of a user's Secret,
// create or update a Secret the controller owns (connection details, generated credentials), and
// generate strong passwords. Values never reach logs: errors name the Secret and key only.
// Functions; thread-safe if the client is.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "operator/common/status.h"
#include "operator/kube/kube_client.h"

namespace po::controllers {

using SecretData = std::map<std::string, std::string>;

// The decoded value of `key` in Secret ns/name; std::nullopt when the Secret does not exist;
// kNotFound when it exists without the key; kInvalidArgument when the value is not base64.
Result<std::optional<std::string>> ReadSecretValue(kube::KubeClient& client, std::string_view ns,
                                                   std::string_view name, std::string_view key);

// All keys of Secret ns/name, decoded; std::nullopt when it does not exist.
Result<std::optional<SecretData>> ReadSecret(kube::KubeClient& client, std::string_view ns,
                                             std::string_view name);

enum class SecretChange { kUnchanged, kCreated, kUpdated };

// Makes Secret `name` in the owner's namespace hold exactly `data` (type Opaque), controlled by
// `owner` (an ownerReference with controller=true), with `labels`. Creates it, or updates it when
// its data differ. kFailedPrecondition when a Secret of that name exists that `owner` does not
// control (it is never overwritten).
Result<SecretChange> ApplyOwnedSecret(kube::KubeClient& client, const nlohmann::json& owner,
                                      const std::string& name, const SecretData& data,
                                      const std::map<std::string, std::string>& labels = {});

// A random password of `length` characters from [A-Za-z0-9] (accepted by RDS and ElastiCache
// AUTH alike), drawn from OpenSSL's CSPRNG. kInternal if the CSPRNG fails.
Result<std::string> GeneratePassword(size_t length = 32);

// A hex SHA-256 of the data (keys and values), for checksum annotations that roll pods when a
// Secret changes without putting its values anywhere.
std::string DataChecksum(const SecretData& data);

}  // namespace po::controllers
