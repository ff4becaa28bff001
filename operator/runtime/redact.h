// Removes secret-looking values (passwords, tokens, secret keys, credentials) from JSON before it
// is logged or written to a status, keeping the shape so the line still reads. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace po::runtime {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// True for keys such as password, dbPassword, token, authToken, secret, secretAccessKey,
// sessionToken, apiKey, privateKey, credentials, authorization — case-, '_'- and '-'-insensitive.
// Keys that only name or point at a secret (secretName, tokenSecretRef, ...Arn, connectionSecret)
// are not secret.
bool IsSecretKey(std::string_view key);

// A copy of `value` with the value under every secret key, at any depth, replaced by kRedacted.
nlohmann::json RedactSecrets(const nlohmann::json& value);

}  // namespace po::runtime
