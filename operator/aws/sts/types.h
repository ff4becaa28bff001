// Request and response shapes of the AWS STS API (2011-06-15) that the operator uses, named and
// spelled exactly as in the service model. Credentials hold secrets: never log or print them.
// Plain values; safe to copy and share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace po::aws::sts {

inline constexpr char kApiVersion[] = "2011-06-15";
inline constexpr char kSigningName[] = "sts";

struct GetCallerIdentityResponse {
  std::string UserId;
  std::string Account;
  std::string Arn;
};

struct PolicyDescriptorType {
  std::string arn;
};

struct AssumeRoleWithWebIdentityRequest {
  std::string RoleArn;
  std::string RoleSessionName;
  std::string WebIdentityToken;  // secret: never logged
  std::optional<std::string> ProviderId;
  std::vector<PolicyDescriptorType> PolicyArns;
  std::optional<std::string> Policy;
  std::optional<int> DurationSeconds;
};

// Temporary credentials. SecretAccessKey and SessionToken are secrets.
struct Credentials {
  std::string AccessKeyId;
  std::string SecretAccessKey;
  std::string SessionToken;
  std::string Expiration;  // ISO 8601, e.g. "2026-01-01T01:00:00Z"
};

struct AssumedRoleUser {
  std::string AssumedRoleId;
  std::string Arn;
};

struct AssumeRoleWithWebIdentityResponse {
  sts::Credentials Credentials;
  std::optional<std::string> SubjectFromWebIdentityToken;
  sts::AssumedRoleUser AssumedRoleUser;
  std::optional<int> PackedPolicySize;
  std::optional<std::string> Provider;
  std::optional<std::string> Audience;
  std::optional<std::string> SourceIdentity;
};

}  // namespace po::aws::sts
