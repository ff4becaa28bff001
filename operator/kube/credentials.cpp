// Static, token-file and exec-plugin credential providers.
#include "operator/kube/credentials.h"

#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "operator/kube/kubeconfig.h"

namespace po::kube {

TokenFileCredentialProvider::TokenFileCredentialProvider(std::string path,
                                                         std::chrono::seconds refresh,
                                                         const Clock& clock, Credentials base)
    : path_(std::move(path)), refresh_(refresh), clock_(clock), base_(std::move(base)) {}

Result<Credentials> TokenFileCredentialProvider::Get() {
  std::lock_guard lock(mu_);
  // The file's identity: mtime, inode and size. File timestamps are coarse (a few ms), so a quick
  // rotation is caught by the inode an atomic rename (or kubelet's symlink swap) brings.
  struct stat st {};
  std::string signature;
  if (stat(path_.c_str(), &st) == 0) {
    signature = std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "/" +
                std::to_string(st.st_ino) + "/" + std::to_string(st.st_size);
  }
  auto now = clock_.Now();
  bool stale = !last_read_ || now - *last_read_ >= refresh_ || signature != last_signature_;
  if (stale) {
    auto contents = ReadFile(path_);
    if (!contents.ok()) {
      if (token_.empty()) return contents.status().WithContext("reading the bearer token file");
    } else {
      std::string token = *contents;
      while (!token.empty() &&
             (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) {
        token.pop_back();
      }
      token_ = token;
      ++reads_;
      last_read_ = now;
      last_signature_ = signature;
    }
  }
  Credentials credentials = base_;
  credentials.bearer_token = token_;
  return credentials;
}

bool TokenFileCredentialProvider::Invalidate() {
  std::lock_guard lock(mu_);
  last_read_.reset();
  return true;
}

int TokenFileCredentialProvider::ReadCount() const {
  std::lock_guard lock(mu_);
  return reads_;
}

Result<Clock::WallTime> ParseRfc3339(std::string_view text) {
  int year, month, day, hour, minute, second;
  int consumed = 0;
  std::string s(text);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &second, &consumed) != 6) {
    return InvalidArgument("not an RFC 3339 time: \"" + s + "\"");
  }
  size_t pos = static_cast<size_t>(consumed);
  std::chrono::nanoseconds fraction{0};
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    long long scale = 100'000'000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      fraction += std::chrono::nanoseconds((s[pos] - '0') * scale);
      scale /= 10;
      ++pos;
    }
  }
  int offset_seconds = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2) {
      return InvalidArgument("bad time zone offset in \"" + s + "\"");
    }
    offset_seconds = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return InvalidArgument("RFC 3339 time without a zone: \"" + s + "\"");
  }
  if (pos != s.size()) return InvalidArgument("trailing text in time \"" + s + "\"");
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  std::time_t t = timegm(&tm);
  auto time = std::chrono::system_clock::from_time_t(t - offset_seconds);
  return time + std::chrono::duration_cast<std::chrono::system_clock::duration>(fraction);
}

namespace {
std::string FormatWithFraction(Clock::WallTime time, bool micro) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
  std::string out(buf);
  if (micro) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(time - seconds).count();
    char frac[32];
    std::snprintf(frac, sizeof(frac), ".%06lld", static_cast<long long>(us));
    out += frac;
  }
  return out + "Z";
}
}  // namespace

std::string FormatRfc3339(Clock::WallTime time) {
  return FormatWithFraction(time, false);
}
std::string FormatRfc3339Micro(Clock::WallTime time) {
  return FormatWithFraction(time, true);
}

Result<ExecCredentialStatus> ParseExecCredential(std::string_view json_text,
                                                 std::string_view api_version) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return InvalidArgument("exec plugin output is not a JSON object");
  if (doc.value("kind", "") != "ExecCredential") {
    return InvalidArgument("exec plugin output is not an ExecCredential");
  }
  if (doc.value("apiVersion", "") != api_version) {
    return InvalidArgument("exec plugin returned apiVersion \"" + doc.value("apiVersion", "") +
                           "\", want \"" + std::string(api_version) + "\"");
  }
  auto status = doc.find("status");
  if (status == doc.end() || !status->is_object()) {
    return InvalidArgument("exec plugin output has no status");
  }
  ExecCredentialStatus out;
  out.credentials.bearer_token = status->value("token", "");
  out.credentials.client_cert_pem = status->value("clientCertificateData", "");
  out.credentials.client_key_pem = status->value("clientKeyData", "");
  if (out.credentials.bearer_token.empty() && out.credentials.client_cert_pem.empty()) {
    return InvalidArgument("exec plugin returned neither a token nor a client certificate");
  }
  if (out.credentials.client_cert_pem.empty() != out.credentials.client_key_pem.empty()) {
    return InvalidArgument("exec plugin returned a client certificate without its key");
  }
  if (std::string expiry = status->value("expirationTimestamp", ""); !expiry.empty()) {
    PO_ASSIGN_OR_RETURN(out.expiry, ParseRfc3339(expiry));
  }
  return out;
}

ExecCredentialProvider::ExecCredentialProvider(ExecConfig exec, std::string server,
                                               CommandRunner& runner, const Clock& clock,
                                               Credentials base)
    : exec_(std::move(exec)),
      server_(std::move(server)),
      runner_(runner),
      clock_(clock),
      base_(std::move(base)) {}

Result<Credentials> ExecCredentialProvider::RunPlugin() {
  nlohmann::json info = {{"apiVersion", exec_.api_version},
                         {"kind", "ExecCredential"},
                         {"spec", {{"interactive", false}}}};
  if (exec_.provide_cluster_info) info["spec"]["cluster"] = {{"server", server_}};
  EnvVars env = exec_.env;
  env.emplace_back("KUBERNETES_EXEC_INFO", info.dump());
  PO_ASSIGN_OR_RETURN(CommandOutput output, runner_.Run(exec_.command, exec_.args, env));
  if (output.exit_code != 0) {
    return Status(StatusCode::kUnauthenticated, "exec plugin " + exec_.command + " exited with " +
                                                    std::to_string(output.exit_code));
  }
  auto parsed = ParseExecCredential(output.stdout_text, exec_.api_version);
  if (!parsed.ok()) return parsed.status().WithContext("running exec plugin " + exec_.command);
  Credentials credentials = base_;
  if (!parsed->credentials.bearer_token.empty()) {
    credentials.bearer_token = parsed->credentials.bearer_token;
  }
  if (!parsed->credentials.client_cert_pem.empty()) {
    credentials.client_cert_pem = parsed->credentials.client_cert_pem;
    credentials.client_key_pem = parsed->credentials.client_key_pem;
  }
  cached_ = credentials;
  expiry_ = parsed->expiry;
  return credentials;
}

Result<Credentials> ExecCredentialProvider::Get() {
  std::lock_guard lock(mu_);
  if (cached_ && (!expiry_ || clock_.WallNow() < *expiry_)) return *cached_;
  cached_.reset();
  return RunPlugin();
}

bool ExecCredentialProvider::Invalidate() {
  std::lock_guard lock(mu_);
  cached_.reset();
  return true;
}

std::unique_ptr<CredentialProvider> MakeCredentialProvider(const RestConfig& config,
                                                           CommandRunner& runner,
                                                           const Clock& clock) {
  Credentials base{config.bearer_token, config.client_cert_pem, config.client_key_pem};
  if (config.has_exec) {
    return std::make_unique<ExecCredentialProvider>(config.exec, config.server, runner, clock,
                                                    base);
  }
  if (!config.bearer_token_file.empty()) {
    return std::make_unique<TokenFileCredentialProvider>(config.bearer_token_file,
                                                         config.token_file_refresh, clock, base);
  }
  return std::make_unique<StaticCredentialProvider>(base);
}

}  // namespace po::kube
