// Compares a desired RDS instance with the observed one and builds the ModifyDBInstance.
#include "controllers/database_cluster/diff.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "operator/aws/text.h"

namespace po::controllers::database_cluster {
namespace {

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool SameText(const std::optional<std::string>& observed, const std::string& desired) {
  return observed && aws::EqualsIgnoreCase(*observed, desired);
}

std::string Show(const std::optional<std::string>& v) {
  return v ? *v : "(unset)";
}
std::string Show(const std::optional<int>& v) {
  return v ? std::to_string(*v) : "(unset)";
}
std::string Show(const std::optional<bool>& v) {
  return v ? (*v ? "true" : "false") : "(unset)";
}

// A value as it will be once the pending modifications apply.
template <typename T>
std::optional<T> Effective(const std::optional<T>& current, const std::optional<T>& pending) {
  return pending ? pending : current;
}

// >0 when desired is newer than observed, 0 when the same, <0 when older. A major-only desired
// version matches every minor of that major.
int CompareVersions(const EngineVersion& desired, const EngineVersion& observed) {
  if (desired.major != observed.major) return desired.major > observed.major ? 1 : -1;
  if (!desired.minor) return 0;
  if (!observed.minor) return 1;  // "14" observed, "14.12" asked: pin it
  if (*desired.minor == *observed.minor) return 0;
  return *desired.minor > *observed.minor ? 1 : -1;
}

}  // namespace

std::optional<EngineVersion> ParseEngineVersion(const std::string& text) {
  const size_t dot = text.find('.');
  EngineVersion v;
  auto major = ParseInt(std::string_view(text).substr(0, dot));
  if (!major) return std::nullopt;
  v.major = *major;
  if (dot != std::string::npos) {
    // "14.12" or "9.6.24": the minor is the second component.
    std::string_view rest = std::string_view(text).substr(dot + 1);
    const size_t next = rest.find('.');
    auto minor = ParseInt(rest.substr(0, next));
    if (!minor) return std::nullopt;
    v.minor = *minor;
  }
  return v;
}

InstanceDiff Diff(const DesiredInstance& desired, const aws::rds::DBInstance& observed,
                  bool apply_immediately) {
  InstanceDiff diff;
  aws::rds::ModifyDBInstanceMessage m;
  m.DBInstanceIdentifier = desired.identifier;
  bool any = false;
  const aws::rds::PendingModifiedValues pending =
      observed.PendingModifiedValues.value_or(aws::rds::PendingModifiedValues{});

  const auto cls = Effective(observed.DBInstanceClass, pending.DBInstanceClass);
  if (!SameText(cls, desired.instance_class)) {
    m.DBInstanceClass = desired.instance_class;
    diff.changes.push_back("instanceClass " + Show(cls) + " -> " + desired.instance_class);
    any = true;
  }

  if (desired.engine_version) {
    const auto observed_text = Effective(observed.EngineVersion, pending.EngineVersion);
    const auto want = ParseEngineVersion(*desired.engine_version);
    const auto have = observed_text ? ParseEngineVersion(*observed_text) : std::nullopt;
    if (want && have) {
      const int order = CompareVersions(*want, *have);
      if (order > 0) {
        m.EngineVersion = *desired.engine_version;
        if (want->major != have->major) m.AllowMajorVersionUpgrade = true;
        diff.changes.push_back("engineVersion " + *observed_text + " -> " +
                               *desired.engine_version);
        any = true;
      } else if (order < 0) {
        diff.refused.push_back("engineVersion " + *desired.engine_version + " is older than the " +
                               *observed_text + " the instance runs; RDS cannot downgrade");
      }
    }
  }

  // Storage: autoscaling may have grown it past the spec; only ever grow.
  const auto storage = Effective(observed.AllocatedStorage, pending.AllocatedStorage);
  if (!storage || *storage < desired.allocated_gib) {
    m.AllocatedStorage = desired.allocated_gib;
    diff.changes.push_back("allocatedGiB " + Show(storage) + " -> " +
                           std::to_string(desired.allocated_gib));
    any = true;
  }
  if (desired.max_allocated_gib && observed.MaxAllocatedStorage != desired.max_allocated_gib) {
    m.MaxAllocatedStorage = desired.max_allocated_gib;
    diff.changes.push_back("maxAllocatedGiB " + Show(observed.MaxAllocatedStorage) + " -> " +
                           std::to_string(*desired.max_allocated_gib));
    any = true;
  }
  const auto storage_type = Effective(observed.StorageType, pending.StorageType);
  if (!desired.storage_type.empty() && storage_type &&
      !SameText(storage_type, desired.storage_type)) {
    m.StorageType = desired.storage_type;
    diff.changes.push_back("storageType " + Show(storage_type) + " -> " + desired.storage_type);
    any = true;
  }
  // IOPS: AWS fills in gp3's baseline when none was asked; only an explicit value is compared.
  const auto iops = Effective(observed.Iops, pending.Iops);
  if (desired.iops && iops != desired.iops) {
    m.Iops = desired.iops;
    if (!m.StorageType) m.StorageType = desired.storage_type;  // RDS wants both for gp3/io1
    diff.changes.push_back("iops " + Show(iops) + " -> " + std::to_string(*desired.iops));
    any = true;
  }

  if (desired.multi_az) {
    const auto multi_az = Effective(observed.MultiAZ, pending.MultiAZ);
    if (multi_az.value_or(false) != *desired.multi_az) {
      m.MultiAZ = desired.multi_az;
      diff.changes.push_back("multiAZ " + Show(multi_az) + " -> " + Show(desired.multi_az));
      any = true;
    }
  }
  if (desired.backup_retention_days) {
    const auto retention = Effective(observed.BackupRetentionPeriod, pending.BackupRetentionPeriod);
    if (retention.value_or(0) != *desired.backup_retention_days) {
      m.BackupRetentionPeriod = desired.backup_retention_days;
      diff.changes.push_back("backup.retentionDays " + Show(retention) + " -> " +
                             std::to_string(*desired.backup_retention_days));
      any = true;
    }
  }
  if (desired.backup_window && !SameText(observed.PreferredBackupWindow, *desired.backup_window)) {
    m.PreferredBackupWindow = desired.backup_window;
    diff.changes.push_back("backup.window " + Show(observed.PreferredBackupWindow) + " -> " +
                           *desired.backup_window);
    any = true;
  }
  if (desired.maintenance_window &&
      !SameText(observed.PreferredMaintenanceWindow, *desired.maintenance_window)) {
    m.PreferredMaintenanceWindow = aws::ToLower(*desired.maintenance_window);
    diff.changes.push_back("maintenance.window " + Show(observed.PreferredMaintenanceWindow) +
                           " -> " + *desired.maintenance_window);
    any = true;
  }
  if (!desired.security_group_ids.empty()) {
    std::set<std::string> want(desired.security_group_ids.begin(),
                               desired.security_group_ids.end());
    std::set<std::string> have;
    for (const auto& g : observed.VpcSecurityGroups) {
      if (g.VpcSecurityGroupId) have.insert(*g.VpcSecurityGroupId);
    }
    if (want != have) {
      m.VpcSecurityGroupIds.assign(want.begin(), want.end());
      diff.changes.push_back("network.securityGroupIds");
      any = true;
    }
  }
  if (observed.PubliclyAccessible.value_or(false) != desired.publicly_accessible) {
    m.PubliclyAccessible = desired.publicly_accessible;
    diff.changes.push_back("network.publiclyAccessible " + Show(observed.PubliclyAccessible) +
                           " -> " + (desired.publicly_accessible ? "true" : "false"));
    any = true;
  }
  if (observed.DeletionProtection.value_or(false) != desired.deletion_protection) {
    m.DeletionProtection = desired.deletion_protection;
    diff.changes.push_back("deletionProtection " + Show(observed.DeletionProtection) + " -> " +
                           (desired.deletion_protection ? "true" : "false"));
    any = true;
  }

  if (any) {
    m.ApplyImmediately = apply_immediately;
    diff.modify = std::move(m);
  }

  for (const auto& tag : desired.tags) {
    const bool present = std::any_of(observed.TagList.begin(), observed.TagList.end(),
                                     [&](const aws::rds::Tag& t) { return t == tag; });
    if (!present) diff.tags.push_back(tag);
  }
  return diff;
}

}  // namespace po::controllers::database_cluster
