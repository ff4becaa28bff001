// Parses a DatabaseCluster's spec into ClusterSpec and names the cluster's resources.
#include "controllers/database_cluster/spec.h"

#include <charconv>

#include "operator/kube/resource.h"

namespace po::controllers::database_cluster {
namespace {

using nlohmann::json;

const json& Field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::optional<std::string> OptString(const json& object, const char* key) {
  const json& v = Field(object, key);
  if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
  return std::nullopt;
}

std::string String(const json& object, const char* key, const std::string& fallback) {
  return OptString(object, key).value_or(fallback);
}

std::optional<int> OptInt(const json& object, const char* key) {
  const json& v = Field(object, key);
  if (v.is_number_integer()) return v.get<int>();
  return std::nullopt;
}

bool Bool(const json& object, const char* key, bool fallback) {
  const json& v = Field(object, key);
  return v.is_boolean() ? v.get<bool>() : fallback;
}

std::vector<std::string> Strings(const json& object, const char* key) {
  std::vector<std::string> out;
  const json& v = Field(object, key);
  if (!v.is_array()) return out;
  for (const auto& item : v) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

Status Invalid(const std::string& field, const std::string& message) {
  return InvalidArgument("spec." + field + ": " + message);
}

}  // namespace

std::optional<std::string> KmsKeyRegion(const std::string& key) {
  // arn:<partition>:kms:<region>:<account>:key/... or alias/...
  if (key.rfind("arn:", 0) != 0) return std::nullopt;
  size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    start = key.find(':', start);
    if (start == std::string::npos) return std::nullopt;
    ++start;
  }
  const size_t end = key.find(':', start);
  if (end == std::string::npos) return std::nullopt;
  return key.substr(start, end - start);
}

ClusterSpec ReadSpec(const json& object) {
  ClusterSpec spec;
  spec.ns = kube::NamespaceOf(object);
  spec.name = kube::NameOf(object);
  spec.uid = kube::UidOf(object);
  const json& s = Field(object, "spec");

  spec.region = String(s, "region", spec.region);
  spec.identifier =
      OptString(s, "identifier").value_or(DefaultIdentifier(object, kMaxDerivedIdentifier));
  spec.engine = String(s, "engine", spec.engine);
  spec.engine_version = String(s, "engineVersion", spec.engine_version);
  spec.instance_class = String(s, "instanceClass", spec.instance_class);

  const json& storage = Field(s, "storage");
  spec.storage.allocated_gib = OptInt(storage, "allocatedGiB").value_or(100);
  spec.storage.max_allocated_gib = OptInt(storage, "maxAllocatedGiB");
  spec.storage.type = String(storage, "type", "gp3");
  spec.storage.iops = OptInt(storage, "iops");
  spec.multi_az = Bool(s, "multiAZ", true);

  const json& replicas = Field(s, "readReplicas");
  spec.replica_count = OptInt(replicas, "count").value_or(0);
  spec.replica_class = OptString(replicas, "instanceClass");

  const json& dr = Field(s, "disasterRecovery");
  spec.disaster_recovery.enabled = Bool(dr, "enabled", false);
  spec.disaster_recovery.region = String(dr, "region", "us-west-2");
  spec.disaster_recovery.instance_class = OptString(dr, "instanceClass");
  spec.disaster_recovery.kms_key_id = OptString(dr, "kmsKeyId");

  const json& network = Field(s, "network");
  spec.subnet_group_name = OptString(network, "subnetGroupName");
  spec.subnet_ids = Strings(network, "subnetIds");
  spec.security_group_ids = Strings(network, "securityGroupIds");
  spec.publicly_accessible = Bool(network, "publiclyAccessible", false);
  spec.kms_key_id = OptString(Field(s, "encryption"), "kmsKeyId");

  const json& credentials = Field(s, "credentials");
  spec.username = String(credentials, "username", "postgres");
  spec.credentials_secret = OptString(credentials, "secretName");

  const json& backup = Field(s, "backup");
  spec.backup_retention_days = OptInt(backup, "retentionDays").value_or(7);
  spec.backup_window = OptString(backup, "window");
  const json& maintenance = Field(s, "maintenance");
  spec.maintenance_window = OptString(maintenance, "window");
  spec.apply_immediately = Bool(maintenance, "applyImmediately", false);
  spec.deletion_policy = ParseDeletionPolicy(String(s, "deletionPolicy", "Snapshot"));
  spec.deletion_protection = Bool(s, "deletionProtection", false);

  const json& restore = Field(s, "restore");
  if (restore.is_object()) {
    RestoreSpec r;
    r.from_snapshot = OptString(restore, "fromSnapshot");
    const json& pit = Field(restore, "pointInTime");
    if (pit.is_object()) {
      PointInTimeSpec p;
      p.source_identifier = String(pit, "sourceIdentifier", "");
      p.time = OptString(pit, "time");
      p.latest = Bool(pit, "latest", false);
      r.point_in_time = p;
    }
    spec.restore = r;
  }
  spec.tags = DesiredTags(Field(s, "tags"), object);
  return spec;
}

Status ValidateSpec(const ClusterSpec& spec) {
  if (spec.engine != "postgres") return Invalid("engine", "only postgres is supported");
  if (spec.kms_key_id) {
    auto key_region = KmsKeyRegion(*spec.kms_key_id);
    if (key_region && *key_region != spec.region) {
      return Invalid("encryption.kmsKeyId", "the KMS key is in " + *key_region +
                                                " but the database is in " + spec.region +
                                                "; use a key of " + spec.region);
    }
  }
  if (spec.disaster_recovery.enabled) {
    if (spec.disaster_recovery.region == spec.region) {
      return Invalid("disasterRecovery.region", "must differ from region " + spec.region);
    }
    if (spec.disaster_recovery.kms_key_id) {
      auto key_region = KmsKeyRegion(*spec.disaster_recovery.kms_key_id);
      if (key_region && *key_region != spec.disaster_recovery.region) {
        return Invalid("disasterRecovery.kmsKeyId",
                       "the KMS key is in " + *key_region + " but the replica is in " +
                           spec.disaster_recovery.region + "; use a key of " +
                           spec.disaster_recovery.region);
      }
    }
    if (spec.backup_retention_days < 1) {
      return Invalid("backup.retentionDays",
                     "the disaster-recovery replica needs automated backups; set retentionDays "
                     "to at least 1");
    }
  }
  if (spec.replica_count > 0 && spec.backup_retention_days < 1) {
    return Invalid("backup.retentionDays",
                   "read replicas need automated backups; set retentionDays to at least 1");
  }
  if (spec.storage.iops && spec.storage.type == "gp3" && spec.storage.allocated_gib < 400) {
    return Invalid("storage.iops",
                   "gp3 takes provisioned IOPS only from 400 GiB; raise allocatedGiB to 400 or "
                   "remove iops");
  }
  if (spec.storage.iops && spec.storage.type == "gp2") {
    return Invalid("storage.iops", "gp2 does not take provisioned IOPS");
  }
  if (spec.storage.type == "io1" && !spec.storage.iops) {
    return Invalid("storage.iops", "io1 needs iops");
  }
  if (spec.storage.max_allocated_gib &&
      *spec.storage.max_allocated_gib < spec.storage.allocated_gib) {
    return Invalid("storage.maxAllocatedGiB", "must be at least allocatedGiB");
  }
  if (spec.subnet_group_name && !spec.subnet_ids.empty()) {
    return Invalid("network", "set either subnetGroupName or subnetIds, not both");
  }
  const size_t longest_suffix = std::string("-replica-5").size();
  if (spec.replica_count > 0 && spec.identifier.size() + longest_suffix > 63) {
    return Invalid("identifier",
                   "is too long for replica names (<identifier>-replica-N must fit "
                   "in 63 characters); use at most 53 characters");
  }
  if (spec.restore) {
    if (spec.restore->from_snapshot.has_value() == spec.restore->point_in_time.has_value()) {
      return Invalid("restore", "needs exactly one of fromSnapshot or pointInTime");
    }
    if (spec.restore->point_in_time) {
      const auto& p = *spec.restore->point_in_time;
      if (p.source_identifier.empty()) {
        return Invalid("restore.pointInTime.sourceIdentifier", "is required");
      }
      if (p.source_identifier == spec.identifier) {
        return Invalid("restore.pointInTime.sourceIdentifier",
                       "names the database itself; restore from another instance");
      }
      if (p.time.has_value() == p.latest) {
        return Invalid("restore.pointInTime", "needs exactly one of time or latest: true");
      }
    }
  }
  return Status::Ok();
}

Result<ClusterSpec> ParseSpec(const json& object) {
  ClusterSpec spec = ReadSpec(object);
  PO_RETURN_IF_ERROR(ValidateSpec(spec));
  return spec;
}

std::string ReplicaIdentifier(const ClusterSpec& spec, int index) {
  return spec.identifier + "-replica-" + std::to_string(index);
}
std::string DisasterRecoveryIdentifier(const ClusterSpec& spec) {
  return spec.identifier + "-dr";
}
std::string FinalSnapshotIdentifier(const ClusterSpec& spec) {
  return spec.identifier + "-final";
}
std::string SubnetGroupName(const ClusterSpec& spec) {
  return spec.identifier + "-subnets";
}
std::string ConnectionSecretName(const ClusterSpec& spec) {
  return spec.name + "-connection";
}
std::string CredentialsSecretName(const ClusterSpec& spec) {
  return spec.credentials_secret.value_or(spec.name + "-credentials");
}

std::optional<int> ReplicaIndexOf(const ClusterSpec& spec, const std::string& identifier) {
  const std::string prefix = spec.identifier + "-replica-";
  if (identifier.size() <= prefix.size() || identifier.compare(0, prefix.size(), prefix) != 0) {
    return std::nullopt;
  }
  const std::string digits = identifier.substr(prefix.size());
  int index = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || index < 1 || digits[0] == '0') {
    return std::nullopt;
  }
  return index;
}

}  // namespace po::controllers::database_cluster
