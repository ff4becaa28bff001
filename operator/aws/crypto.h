// Hashing and encoding primitives for request signing: SHA-256, HMAC-SHA256, MD5 and hex/base64,
// all on OpenSSL's EVP interface. Pure functions; safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

namespace po::aws {

// Raw (binary) digests, returned as byte strings.
std::string Sha256(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);
std::string Md5(std::string_view data);

// Lower-case hexadecimal of arbitrary bytes.
std::string HexEncode(std::string_view bytes);
// Standard base64 with padding (RFC 4648 §4), used for Content-MD5.
std::string Base64Encode(std::string_view bytes);

// Hex SHA-256 of `data`: the payload hash of a signed request.
inline std::string Sha256Hex(std::string_view data) {
  return HexEncode(Sha256(data));
}

}  // namespace po::aws
