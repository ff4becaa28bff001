// Supplies the credentials sent with each request: a static token or client certificate, a token
// file re-read when rotated, or an exec plugin's ExecCredential cached until it expires.
// All providers are thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "operator/common/clock.h"
#include "operator/common/status.h"
#include "operator/kube/command_runner.h"
#include "operator/kube/rest_config.h"

namespace po::kube {

struct Credentials {
  std::string bearer_token;     // sent as "Authorization: Bearer <token>" when set
  std::string client_cert_pem;  // a client certificate and key, when set
  std::string client_key_pem;
  bool operator==(const Credentials&) const = default;
};

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;
  virtual Result<Credentials> Get() = 0;
  // Called after a 401: drops cached credentials. Returns true when a retry may succeed with
  // fresh ones (file and exec providers), false when nothing would change (static ones).
  virtual bool Invalidate() = 0;
};

class StaticCredentialProvider final : public CredentialProvider {
 public:
  explicit StaticCredentialProvider(Credentials credentials)
      : credentials_(std::move(credentials)) {}
  Result<Credentials> Get() override { return credentials_; }
  bool Invalidate() override { return false; }

 private:
  const Credentials credentials_;
};

// A bearer token read from a file, re-read when the file changes (mtime, inode or size) or
// `refresh` has passed since the last read (client-go re-reads its cached file token every minute).
class TokenFileCredentialProvider final : public CredentialProvider {
 public:
  TokenFileCredentialProvider(std::string path, std::chrono::seconds refresh, const Clock& clock,
                              Credentials base = {});
  Result<Credentials> Get() override;
  bool Invalidate() override;
  int ReadCount() const;  // how many times the file was read (for tests)

 private:
  const std::string path_;
  const std::chrono::seconds refresh_;
  const Clock& clock_;
  const Credentials base_;
  mutable std::mutex mu_;
  std::optional<Clock::TimePoint> last_read_;
  std::string last_signature_;  // mtime, inode and size when last read
  std::string token_;
  int reads_ = 0;
};

// Runs an exec credential plugin and caches its ExecCredential until status.expirationTimestamp
// (forever when absent) or until Invalidate() after a 401.
class ExecCredentialProvider final : public CredentialProvider {
 public:
  ExecCredentialProvider(ExecConfig exec, std::string server, CommandRunner& runner,
                         const Clock& clock, Credentials base = {});
  Result<Credentials> Get() override;
  bool Invalidate() override;

 private:
  Result<Credentials> RunPlugin();

  const ExecConfig exec_;
  const std::string server_;
  CommandRunner& runner_;
  const Clock& clock_;
  const Credentials base_;
  std::mutex mu_;
  std::optional<Credentials> cached_;
  std::optional<Clock::WallTime> expiry_;
};

// Parses an ExecCredential JSON document printed by a plugin; `api_version` must match its
// apiVersion. The expiry is nullopt when the credential does not expire.
struct ExecCredentialStatus {
  Credentials credentials;
  std::optional<Clock::WallTime> expiry;
};
Result<ExecCredentialStatus> ParseExecCredential(std::string_view json_text,
                                                 std::string_view api_version);

// Parses an RFC 3339 timestamp ("2026-01-01T00:00:00Z", optional fraction and offset).
Result<Clock::WallTime> ParseRfc3339(std::string_view text);
// Formats a time as RFC 3339 in UTC with seconds precision ("2026-01-01T00:00:00Z").
std::string FormatRfc3339(Clock::WallTime time);
// Formats with microseconds ("2026-01-01T00:00:00.000000Z", metav1.MicroTime).
std::string FormatRfc3339Micro(Clock::WallTime time);

// The provider a RestConfig calls for: exec plugin, else token file, else static data.
std::unique_ptr<CredentialProvider> MakeCredentialProvider(const RestConfig& config,
                                                           CommandRunner& runner,
                                                           const Clock& clock);

}  // namespace po::kube
