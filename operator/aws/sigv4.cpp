// Signature Version 4: canonical request, string to sign, signing key and signature.
#include "operator/aws/sigv4.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

#include "operator/aws/crypto.h"
#include "operator/aws/text.h"

namespace po::aws {
namespace {

constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";

// Trims the value and collapses each run of whitespace (including folded line breaks) to one space.
std::string CanonicalHeaderValue(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (unsigned char c : value) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

// Headers that proxies and clients may change in flight; signing them would break the signature.
bool IsUnsignableHeader(const std::string& lower_name) {
  return lower_name == "authorization" || lower_name == "user-agent" ||
         lower_name == "x-amzn-trace-id" || lower_name == "expect" || lower_name == "connection";
}

struct CanonicalHeaders {
  std::string block;         // "name:value\n" lines
  std::string signed_names;  // "host;x-amz-date"
};

CanonicalHeaders BuildCanonicalHeaders(const KeyValueList& headers) {
  std::map<std::string, std::string> merged;
  for (const auto& [name, value] : headers) {
    std::string lower = ToLower(name);
    if (IsUnsignableHeader(lower)) continue;
    std::string canonical = CanonicalHeaderValue(value);
    auto [it, inserted] = merged.emplace(lower, canonical);
    if (!inserted) it->second += "," + canonical;
  }
  CanonicalHeaders out;
  for (const auto& [name, value] : merged) {
    out.block += name + ":" + value + "\n";
    if (!out.signed_names.empty()) out.signed_names.push_back(';');
    out.signed_names += name;
  }
  return out;
}

std::string CanonicalQuery(const KeyValueList& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [name, value] : query) encoded.emplace_back(UriEncode(name), UriEncode(value));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) {
    if (!out.empty()) out.push_back('&');
    out += name + "=" + value;
  }
  return out;
}

std::string DateStamp(const std::string& amz_date) {
  return amz_date.substr(0, 8);
}

std::string Scope(const std::string& amz_date, const SigningOptions& options) {
  return DateStamp(amz_date) + "/" + options.region + "/" + options.service + "/aws4_request";
}

std::string PayloadHash(const SigningRequest& request, const SigningOptions& options) {
  return options.unsigned_payload ? std::string(kUnsignedPayload) : Sha256Hex(request.body);
}

std::string BuildCanonicalRequest(const SigningRequest& request, const SigningOptions& options,
                                  const KeyValueList& query, const CanonicalHeaders& headers,
                                  const std::string& payload_hash) {
  return request.method + "\n" +
         CanonicalUri(request.path, options.normalize_path, options.double_encode_path) + "\n" +
         CanonicalQuery(query) + "\n" + headers.block + "\n" + headers.signed_names + "\n" +
         payload_hash;
}

void Finish(SignatureResult& result, const Credentials& credentials, const std::string& amz_date,
            const SigningOptions& options) {
  std::string scope = Scope(amz_date, options);
  result.string_to_sign = std::string(kAlgorithm) + "\n" + amz_date + "\n" + scope + "\n" +
                          Sha256Hex(result.canonical_request);
  std::string key = HmacSha256("AWS4" + credentials.secret_access_key, DateStamp(amz_date));
  key = HmacSha256(key, options.region);
  key = HmacSha256(key, options.service);
  key = HmacSha256(key, "aws4_request");
  result.signature = HexEncode(HmacSha256(key, result.string_to_sign));
}

}  // namespace

SigningOptions SigningOptions::For(const std::string& service, const std::string& region,
                                   std::chrono::system_clock::time_point time) {
  SigningOptions options;
  options.service = service;
  options.region = region;
  options.time = time;
  if (service == "s3") {
    options.normalize_path = false;
    options.double_encode_path = false;
    options.add_content_sha256_header = true;
  }
  return options;
}

std::string FormatAmzDate(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string CanonicalUri(const std::string& path, bool normalize, bool double_encode) {
  std::string p = path.empty() ? "/" : path;
  if (normalize) p = NormalizePath(p);
  if (double_encode) return UriEncode(p, /*keep_slash=*/true);
  // Single encoding: the wire path is already encoded; only encode what is not (e.g. a raw space),
  // leaving existing %XX escapes alone.
  std::string out;
  for (char c : p) {
    if (c == '%') {
      out.push_back(c);
    } else {
      out += UriEncode(std::string_view(&c, 1), /*keep_slash=*/true);
    }
  }
  return out;
}

SignatureResult SignWithHeaders(const SigningRequest& request, const Credentials& credentials,
                                const SigningOptions& options) {
  SignatureResult result;
  const std::string amz_date = FormatAmzDate(options.time);
  const std::string payload_hash = PayloadHash(request, options);

  KeyValueList headers = request.headers;
  result.additions.emplace_back("X-Amz-Date", amz_date);
  if (!credentials.session_token.empty() && options.sign_session_token) {
    result.additions.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }
  if (options.add_content_sha256_header) {
    result.additions.emplace_back("x-amz-content-sha256", payload_hash);
  }
  headers.insert(headers.end(), result.additions.begin(), result.additions.end());

  CanonicalHeaders canonical = BuildCanonicalHeaders(headers);
  result.canonical_request =
      BuildCanonicalRequest(request, options, request.query, canonical, payload_hash);
  Finish(result, credentials, amz_date, options);

  if (!credentials.session_token.empty() && !options.sign_session_token) {
    result.additions.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }
  result.additions.emplace_back(
      "Authorization", std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + "/" +
                           Scope(amz_date, options) + ", SignedHeaders=" + canonical.signed_names +
                           ", Signature=" + result.signature);
  return result;
}

SignatureResult Presign(const SigningRequest& request, const Credentials& credentials,
                        const SigningOptions& options) {
  SignatureResult result;
  const std::string amz_date = FormatAmzDate(options.time);
  CanonicalHeaders canonical = BuildCanonicalHeaders(request.headers);

  KeyValueList& added = result.additions;
  added.emplace_back("X-Amz-Algorithm", kAlgorithm);
  added.emplace_back("X-Amz-Credential",
                     credentials.access_key_id + "/" + Scope(amz_date, options));
  added.emplace_back("X-Amz-Date", amz_date);
  added.emplace_back("X-Amz-SignedHeaders", canonical.signed_names);
  added.emplace_back("X-Amz-Expires", std::to_string(options.expires.count()));
  bool token = !credentials.session_token.empty();
  if (token && options.sign_session_token) {
    added.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }

  KeyValueList query = request.query;
  query.insert(query.end(), added.begin(), added.end());
  result.canonical_request =
      BuildCanonicalRequest(request, options, query, canonical, PayloadHash(request, options));
  Finish(result, credentials, amz_date, options);

  if (token && !options.sign_session_token) {
    added.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }
  added.emplace_back("X-Amz-Signature", result.signature);
  return result;
}

}  // namespace po::aws
