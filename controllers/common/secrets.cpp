// Reading users' Secrets, applying the Secrets a controller owns, and generating passwords.
#include "controllers/common/secrets.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cstdio>

#include "operator/kube/base64.h"
#include "operator/kube/owner_refs.h"
#include "operator/kube/resource.h"

namespace po::controllers {
namespace {

std::string SecretPath(std::string_view ns, std::string_view name) {
  return "Secret " + std::string(ns) + "/" + std::string(name);
}

Result<SecretData> DecodeData(const nlohmann::json& secret, std::string_view ns,
                              std::string_view name) {
  SecretData data;
  const auto found = secret.find("data");
  if (found == secret.end() || !found->is_object()) return data;
  for (const auto& [key, value] : found->items()) {
    if (!value.is_string()) continue;
    auto decoded = kube::Base64Decode(value.get<std::string>());
    if (!decoded.ok()) {
      return InvalidArgument("key \"" + key + "\" of " + SecretPath(ns, name) +
                             " is not valid base64");
    }
    data[key] = std::move(decoded).value();
  }
  return data;
}

nlohmann::json EncodeData(const SecretData& data) {
  nlohmann::json encoded = nlohmann::json::object();
  for (const auto& [key, value] : data) encoded[key] = kube::Base64Encode(value);
  return encoded;
}

}  // namespace

Result<std::optional<SecretData>> ReadSecret(kube::KubeClient& client, std::string_view ns,
                                             std::string_view name) {
  auto secret = client.Get(kube::Secrets(), ns, name);
  if (!secret.ok()) {
    if (secret.status().code() == StatusCode::kNotFound) return std::optional<SecretData>();
    return secret.status().WithContext("reading " + SecretPath(ns, name));
  }
  PO_ASSIGN_OR_RETURN(SecretData data, DecodeData(*secret, ns, name));
  return std::optional<SecretData>(std::move(data));
}

Result<std::optional<std::string>> ReadSecretValue(kube::KubeClient& client, std::string_view ns,
                                                   std::string_view name, std::string_view key) {
  PO_ASSIGN_OR_RETURN(std::optional<SecretData> data, ReadSecret(client, ns, name));
  if (!data) return std::optional<std::string>();
  const auto it = data->find(std::string(key));
  if (it == data->end()) {
    return NotFound(SecretPath(ns, name) + " has no key \"" + std::string(key) + "\"");
  }
  return std::optional<std::string>(it->second);
}

Result<SecretChange> ApplyOwnedSecret(kube::KubeClient& client, const nlohmann::json& owner,
                                      const std::string& name, const SecretData& data,
                                      const std::map<std::string, std::string>& labels) {
  const std::string ns = kube::NamespaceOf(owner);
  auto existing = client.Get(kube::Secrets(), ns, name);
  if (!existing.ok() && existing.status().code() != StatusCode::kNotFound) {
    return existing.status().WithContext("reading " + SecretPath(ns, name));
  }
  if (!existing.ok()) {
    nlohmann::json secret = {
        {"apiVersion", "v1"},
        {"kind", "Secret"},
        {"metadata",
         {{"name", name},
          {"namespace", ns},
          {"ownerReferences", nlohmann::json::array({kube::ControllerReferenceTo(owner)})}}},
        {"type", "Opaque"},
        {"data", EncodeData(data)}};
    if (!labels.empty()) secret["metadata"]["labels"] = labels;
    auto created = client.Create(kube::Secrets(), ns, secret);
    if (!created.ok()) return created.status().WithContext("creating " + SecretPath(ns, name));
    return SecretChange::kCreated;
  }
  nlohmann::json secret = std::move(existing).value();
  const auto controller = kube::ControllerOf(secret);
  if (!controller || controller->uid != kube::UidOf(owner)) {
    return FailedPrecondition(SecretPath(ns, name) + " exists and is not controlled by " +
                              owner.value("kind", "") + " " + kube::NameOf(owner) +
                              "; rename it or delete it");
  }
  PO_ASSIGN_OR_RETURN(SecretData current, DecodeData(secret, ns, name));
  bool labels_match = true;
  for (const auto& [key, value] : labels) {
    const auto& have = secret["metadata"].value("labels", nlohmann::json::object());
    if (!have.contains(key) || have[key] != value) labels_match = false;
  }
  if (current == data && labels_match) return SecretChange::kUnchanged;
  secret["data"] = EncodeData(data);
  for (const auto& [key, value] : labels) secret["metadata"]["labels"][key] = value;
  auto updated = client.Update(kube::Secrets(), secret);
  if (!updated.ok()) return updated.status().WithContext("updating " + SecretPath(ns, name));
  return SecretChange::kUpdated;
}

Result<std::string> GeneratePassword(size_t length) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // 248 = the largest multiple of 62 below 256: bytes above it are dropped so every character is
  // equally likely.
  constexpr unsigned char kLimit = 248;
  std::string password;
  password.reserve(length);
  std::array<unsigned char, 64> buffer{};
  while (password.size() < length) {
    if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
      return Internal("the random number generator failed");
    }
    for (unsigned char byte : buffer) {
      if (byte >= kLimit || password.size() == length) continue;
      password.push_back(kAlphabet[byte % kAlphabet.size()]);
    }
  }
  return password;
}

std::string DataChecksum(const SecretData& data) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
  for (const auto& [key, value] : data) {
    // Length-prefixed so that {"ab": "c"} and {"a": "bc"} differ.
    for (const std::string* part : {&key, &value}) {
      const std::string length = std::to_string(part->size()) + ":";
      EVP_DigestUpdate(context, length.data(), length.size());
      EVP_DigestUpdate(context, part->data(), part->size());
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(context, digest, &size);
  EVP_MD_CTX_free(context);
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof(pair), "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace po::controllers
