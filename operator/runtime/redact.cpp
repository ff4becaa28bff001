// Secret-key detection and recursive redaction.
#include "operator/runtime/redact.h"

#include <array>
#include <cctype>
#include <string>

namespace po::runtime {
namespace {

std::string Normalize(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '_' || c == '-' || c == '.') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsSecretKey(std::string_view key) {
  const std::string k = Normalize(key);
  constexpr std::array<std::string_view, 5> kReferenceSuffixes = {"name", "ref", "arn", "id",
                                                                  "namespace"};
  for (auto suffix : kReferenceSuffixes) {
    if (EndsWith(k, suffix)) return false;
  }
  // status.connectionSecret of the AWS-backed kinds names the Secret that holds the connection
  // details; the name is not secret.
  if (k == "connectionsecret") return false;
  constexpr std::array<std::string_view, 9> kSecretWords = {
      "password",   "passwd",     "secret",     "token",        "apikey",
      "privatekey", "credential", "passphrase", "authorization"};
  for (auto word : kSecretWords) {
    if (k.find(word) != std::string::npos) return true;
  }
  return k == "auth" || k == "pwd";
}

nlohmann::json RedactSecrets(const nlohmann::json& value) {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, child] : value.items()) {
      if (IsSecretKey(key) && !child.is_null()) {
        out[key] = kRedacted;
      } else {
        out[key] = RedactSecrets(child);
      }
    }
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& child : value) out.push_back(RedactSecrets(child));
    return out;
  }
  return value;
}

}  // namespace po::runtime
