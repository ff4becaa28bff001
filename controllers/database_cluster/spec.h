// ClusterSpec: a DatabaseCluster's spec parsed into a struct with the apiserver's defaults filled
// in, the names every AWS resource of the cluster gets, and the checks the schema cannot make (a
// KMS key from another region, gp3 IOPS below 400 GiB, ...) returned as values. Pure functions;
// plain values, safe to share between threads.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "controllers/common/deletion_policy.h"
#include "controllers/common/ownership.h"
#include "operator/common/status.h"

namespace po::controllers::database_cluster {

struct StorageSpec {
  int allocated_gib = 100;
  std::optional<int> max_allocated_gib;
  std::string type = "gp3";
  std::optional<int> iops;
};

struct DisasterRecoverySpec {
  bool enabled = false;
  std::string region = "us-west-2";
  std::optional<std::string> instance_class;
  std::optional<std::string> kms_key_id;
};

struct PointInTimeSpec {
  std::string source_identifier;
  std::optional<std::string> time;  // RFC 3339
  bool latest = false;
};

struct RestoreSpec {
  std::optional<std::string> from_snapshot;
  std::optional<PointInTimeSpec> point_in_time;
};

struct ClusterSpec {
  // Identity of the custom resource.
  std::string ns;
  std::string name;
  std::string uid;

  std::string region = "us-east-1";
  std::string identifier;  // spec.identifier or <namespace>-<name>
  std::string engine = "postgres";
  std::string engine_version = "14";
  std::string instance_class = "db.r5.xlarge";
  StorageSpec storage;
  bool multi_az = true;
  int replica_count = 0;
  std::optional<std::string> replica_class;
  DisasterRecoverySpec disaster_recovery;
  std::optional<std::string> subnet_group_name;
  std::vector<std::string> subnet_ids;
  std::vector<std::string> security_group_ids;
  bool publicly_accessible = false;
  std::optional<std::string> kms_key_id;
  std::string username = "postgres";
  std::optional<std::string> credentials_secret;
  int backup_retention_days = 7;
  std::optional<std::string> backup_window;
  std::optional<std::string> maintenance_window;
  bool apply_immediately = false;
  DeletionPolicy deletion_policy = DeletionPolicy::kSnapshot;
  bool deletion_protection = false;
  std::optional<RestoreSpec> restore;
  TagMap tags;  // the user's tags with the ownership tags laid over them
};

// Longest identifier the operator derives from <namespace>-<name>, leaving room for "-replica-N".
inline constexpr size_t kMaxDerivedIdentifier = 53;
// Database the connection Secret names (RDS for PostgreSQL's default database).
inline constexpr char kDefaultDatabase[] = "postgres";
// PostgreSQL's port.
inline constexpr int kPostgresPort = 5432;

// Reads a DatabaseCluster object's spec, filling in defaults, without judging it (deletion needs
// the names even of an invalid spec).
ClusterSpec ReadSpec(const nlohmann::json& object);
// The checks the schema cannot make. kInvalidArgument (terminal: retrying cannot fix it) names the
// field and the remedy.
Status ValidateSpec(const ClusterSpec& spec);
// ReadSpec, then ValidateSpec.
Result<ClusterSpec> ParseSpec(const nlohmann::json& object);

// Names of the cluster's AWS and Kubernetes resources; deterministic so a restart finds them again.
std::string ReplicaIdentifier(const ClusterSpec& spec, int index);  // "<id>-replica-<index>"
std::string DisasterRecoveryIdentifier(const ClusterSpec& spec);    // "<id>-dr"
std::string FinalSnapshotIdentifier(const ClusterSpec& spec);       // "<id>-final"
std::string SubnetGroupName(const ClusterSpec& spec);               // "<id>-subnets"
std::string ConnectionSecretName(const ClusterSpec& spec);          // "<name>-connection"
// The Secret holding the master password: credentials.secretName, else "<name>-credentials".
std::string CredentialsSecretName(const ClusterSpec& spec);
// The replica index of `identifier` when it is "<id>-replica-<N>" (N ≥ 1), else std::nullopt.
std::optional<int> ReplicaIndexOf(const ClusterSpec& spec, const std::string& identifier);
// The region named by a KMS key or alias ARN, std::nullopt for key IDs and alias names.
std::optional<std::string> KmsKeyRegion(const std::string& key);

}  // namespace po::controllers::database_cluster
