"""Test-harness extension of moto: implements ElastiCache ModifyReplicationGroup,
ModifyReplicationGroupShardConfiguration, IncreaseReplicaCount, DecreaseReplicaCount, TestFailover,
CopySnapshot and DescribeEvents, DeleteReplicationGroup's FinalSnapshotIdentifier, and RDS StartDBInstanceAutomatedBackupsReplication, as AWS documents
them, for the operator's integration tests. moto 5.2 does not implement these actions.

Importing this module patches moto's backend and response classes in place; scripts/moto_ext/server.py
imports it and then runs moto's own server. Nothing here is used outside the test harness.

Behaviour (per the ElastiCache and RDS API references):
- ModifyReplicationGroup applies the changes at once (as with ApplyImmediately=true) and returns the
  group. AuthToken with AuthTokenUpdateStrategy SET or ROTATE records the token and sets
  AuthTokenEnabled; DELETE clears it. PrimaryClusterId promotes that member (cluster mode disabled).
- ModifyReplicationGroupShardConfiguration grows to NodeGroupCount shards (new shards get as many
  replicas as the first) or shrinks by NodeGroupsToRemove / NodeGroupsToRetain; slots are respread.
- IncreaseReplicaCount / DecreaseReplicaCount set each shard's replica count (NewReplicaCount or
  per-shard ReplicaConfiguration) or remove the named ReplicasToRemove.
- TestFailover swaps the named node group's primary with its first replica.
- CopySnapshot copies a snapshot under a new name.
- DeleteReplicationGroup with FinalSnapshotIdentifier takes that snapshot before deleting.
- DescribeEvents lists the events the actions above (and CreateReplicationGroup) recorded.
- PromoteReadReplica makes the replica standalone: it no longer names a source, and its source no
  longer lists it (moto only clears an internal flag).
- StartDBInstanceAutomatedBackupsReplication (called in the destination region) records a
  replication of the source instance's automated backups and returns the DBInstanceAutomatedBackup.
"""
import copy
import datetime
import re

from moto.core.responses import ActionResult, PaginatedResult
from moto.elasticache.exceptions import (
    ElastiCacheException,
    InvalidParameterCombinationException,
    InvalidParameterValueException,
    ReplicationGroupNotFound,
    SnapshotAlreadyExists,
    SnapshotNotFound,
)
from moto.elasticache.responses import ElastiCacheResponse
from moto.rds import models as rds_models
from moto.rds.exceptions import DBInstanceNotFoundError, RDSClientError
from moto.rds.responses import RDSResponse

_TOTAL_SLOTS = 16384


class NodeGroupNotFoundFault(ElastiCacheException):
    code = "NodeGroupNotFoundFault"

    def __init__(self, node_group_id):
        super().__init__(f"The node group {node_group_id} was not found.")


class InvalidReplicationGroupState(ElastiCacheException):
    code = "InvalidReplicationGroupState"


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


# ---------------------------------------------------------------------------------------------
# ElastiCache: events


def _events(backend):
    if not hasattr(backend, "platform_operator_events"):
        backend.platform_operator_events = []
    return backend.platform_operator_events


def _record_event(backend, source_id, message, source_type="replication-group"):
    _events(backend).append(
        {"SourceIdentifier": source_id, "SourceType": source_type, "Message": message,
         "Date": _now()})


# ---------------------------------------------------------------------------------------------
# ElastiCache: replication group helpers (moto keeps node groups as snake_case dicts)


def _group(backend, group_id):
    if group_id not in backend.replication_groups:
        raise ReplicationGroupNotFound(group_id)
    return backend.replication_groups[group_id]


def _node_group(group, node_group_id):
    for ng in group.node_groups:
        if ng["node_group_id"] == node_group_id:
            return ng
    raise NodeGroupNotFoundFault(node_group_id)


def _member_id(group, ng, index):
    if group.cluster_mode == "enabled":
        return f"{group.replication_group_id}-{ng['node_group_id']}-{index:0>3}"
    return f"{group.replication_group_id}-{index:0>3}"


def _next_member_index(group, ng):
    used = set()
    for member in ng["node_group_members"]:
        match = re.search(r"-(\d{3})$", member["cache_cluster_id"])
        if match:
            used.add(int(match.group(1)))
    index = 1
    while index in used:
        index += 1
    return index


def _new_member(group, ng, role, az):
    member = {
        "cache_cluster_id": _member_id(group, ng, _next_member_index(group, ng)),
        "cache_node_id": ng["node_group_id"],
        "preferred_availability_zone": az,
    }
    if group.cluster_mode != "enabled":
        member["current_role"] = role
        domain = ng.get("primary_endpoint_address", "").split(".", 1)[-1]
        member["read_endpoint"] = {"address": f"{member['cache_cluster_id']}.{domain}",
                                   "port": group.port}
    return member


def _refresh_member_clusters(group):
    group.member_clusters = [m["cache_cluster_id"] for ng in group.node_groups
                             for m in ng["node_group_members"]]


def _respread_slots(group):
    if group.cluster_mode != "enabled":
        return
    count = len(group.node_groups)
    start = 0
    for i, ng in enumerate(group.node_groups):
        end = (_TOTAL_SLOTS * (i + 1)) // count - 1
        ng["slots"] = f"{start}-{end}"
        start = end + 1


def _replica_count(ng):
    return len(ng["node_group_members"]) - 1


def _set_replica_count(group, ng, count, azs=None):
    if count < 0:
        raise InvalidParameterValueException("The replica count must be 0 or more.")
    azs = azs or []
    while _replica_count(ng) < count:
        az = azs[_replica_count(ng)] if len(azs) > _replica_count(ng) else "us-east-1b"
        ng["node_group_members"].append(_new_member(group, ng, "replica", az))
    while _replica_count(ng) > count:
        ng["node_group_members"].pop()


def _add_node_group(group, replicas):
    existing = {ng["node_group_id"] for ng in group.node_groups}
    n = 1
    while f"{n:0>4}" in existing:
        n += 1
    ng = {"node_group_id": f"{n:0>4}", "status": "available", "node_group_members": []}
    ng["node_group_members"].append(_new_member(group, ng, "primary", "us-east-1a"))
    _set_replica_count(group, ng, replicas)
    group.node_groups.append(ng)


# ---------------------------------------------------------------------------------------------
# ElastiCache: response methods


def modify_replication_group(self):
    backend = self.elasticache_backend
    group = _group(backend, self._get_param("ReplicationGroupId"))
    simple = {
        "ReplicationGroupDescription": "description",
        "SnapshottingClusterId": "snapshotting_cluster_id",
        "PreferredMaintenanceWindow": "preferred_maintenance_window",
        "CacheParameterGroupName": "cache_parameter_group_name",
        "EngineVersion": "engine_version",
        "SnapshotWindow": "snapshot_window",
        "CacheNodeType": "cache_node_type",
        "TransitEncryptionMode": "transit_encryption_mode",
        "ClusterMode": "cluster_mode",
    }
    for param, attr in simple.items():
        value = self._get_param(param)
        if value is not None:
            setattr(group, attr, value)
    if self._get_param("SecurityGroupIds") is not None:
        group.security_group_ids = self._get_param("SecurityGroupIds")
    failover = self._get_bool_param("AutomaticFailoverEnabled")
    if failover is not None:
        group.automatic_failover = "enabled" if failover else "disabled"
    multi_az = self._get_bool_param("MultiAZEnabled")
    if multi_az is not None:
        if multi_az and group.automatic_failover != "enabled":
            raise InvalidParameterCombinationException(
                "Multi-AZ can only be enabled with automatic failover.")
        group.multi_az = "enabled" if multi_az else "disabled"
    retention = self._get_int_param("SnapshotRetentionLimit")
    if retention is not None:
        group.snapshot_retention_limit = retention
    transit = self._get_bool_param("TransitEncryptionEnabled")
    if transit is not None:
        group.transit_encryption_enabled = transit
    minor = self._get_bool_param("AutoMinorVersionUpgrade")
    if minor is not None:
        group.auto_minor_version_upgrade = minor

    token = self._get_param("AuthToken")
    strategy = self._get_param("AuthTokenUpdateStrategy")
    if strategy is not None and strategy not in ("SET", "ROTATE", "DELETE"):
        raise InvalidParameterValueException(
            f"Invalid AuthTokenUpdateStrategy {strategy}: must be SET, ROTATE or DELETE.")
    if strategy == "DELETE":
        group.auth_token_enabled = False
        group.platform_operator_auth_tokens = []
        group.auth_token_last_modified_date = _now()
    elif token is not None:
        if not group.transit_encryption_enabled:
            raise InvalidParameterCombinationException(
                "The AUTH token can only be set when in-transit encryption is enabled.")
        if strategy is None:
            strategy = "ROTATE" if group.auth_token_enabled else "SET"
        tokens = getattr(group, "platform_operator_auth_tokens", [])
        # ROTATE keeps the previous token valid alongside the new one; SET replaces all.
        group.platform_operator_auth_tokens = (tokens[-1:] + [token]) if strategy == "ROTATE" \
            else [token]
        group.platform_operator_auth_token_strategy = strategy
        group.auth_token_enabled = True
        group.auth_token_last_modified_date = _now()

    primary = self._get_param("PrimaryClusterId")
    if primary is not None and group.cluster_mode != "enabled":
        ng = group.node_groups[0]
        members = ng["node_group_members"]
        ids = [m["cache_cluster_id"] for m in members]
        if primary not in ids:
            raise InvalidParameterValueException(f"Cluster {primary} is not a member.")
        for m in members:
            m["current_role"] = "primary" if m["cache_cluster_id"] == primary else "replica"
        members.sort(key=lambda m: m["current_role"] != "primary")
        _refresh_member_clusters(group)
    _record_event(backend, group.replication_group_id,
                  f"Replication group {group.replication_group_id} has been modified")
    return ActionResult({"ReplicationGroup": group})


def modify_replication_group_shard_configuration(self):
    backend = self.elasticache_backend
    group = _group(backend, self._get_param("ReplicationGroupId"))
    if group.cluster_mode != "enabled":
        raise InvalidReplicationGroupState(
            "Shard configuration can only be modified when cluster mode is enabled.")
    count = self._get_int_param("NodeGroupCount")
    if count is None or count < 1:
        raise InvalidParameterValueException("NodeGroupCount must be at least 1.")
    to_remove = self._get_param("NodeGroupsToRemove") or []
    to_retain = self._get_param("NodeGroupsToRetain") or []
    if count < len(group.node_groups):
        if to_retain:
            for ng_id in to_retain:
                _node_group(group, ng_id)
            group.node_groups = [ng for ng in group.node_groups if ng["node_group_id"] in to_retain]
        elif to_remove:
            for ng_id in to_remove:
                _node_group(group, ng_id)
            group.node_groups = [ng for ng in group.node_groups
                                 if ng["node_group_id"] not in to_remove]
        else:
            raise InvalidParameterValueException(
                "NodeGroupsToRemove or NodeGroupsToRetain is required when reducing shards.")
        if len(group.node_groups) != count:
            raise InvalidParameterValueException(
                "NodeGroupCount does not match the node groups left after removal.")
    replicas = _replica_count(group.node_groups[0]) if group.node_groups else 0
    while len(group.node_groups) < count:
        _add_node_group(group, replicas)
    _respread_slots(group)
    _refresh_member_clusters(group)
    _record_event(backend, group.replication_group_id,
                  f"Shard configuration of {group.replication_group_id} changed to {count} shards")
    return ActionResult({"ReplicationGroup": group})


def _change_replica_count(self, increase):
    backend = self.elasticache_backend
    group = _group(backend, self._get_param("ReplicationGroupId"))
    new_count = self._get_int_param("NewReplicaCount")
    shards = self._get_param("ReplicaConfiguration") or []
    to_remove = self._get_param("ReplicasToRemove") or []
    if new_count is None and not shards and not to_remove:
        raise InvalidParameterValueException(
            "One of NewReplicaCount, ReplicaConfiguration or ReplicasToRemove is required.")
    if to_remove:
        for ng in group.node_groups:
            primary = ng["node_group_members"][0]["cache_cluster_id"]
            if primary in to_remove:
                raise InvalidParameterValueException(f"Cannot remove the primary {primary}.")
        known = {m["cache_cluster_id"] for ng in group.node_groups for m in ng["node_group_members"]}
        for replica in to_remove:
            if replica not in known:
                raise InvalidParameterValueException(f"Replica {replica} is not a member.")
        for ng in group.node_groups:
            ng["node_group_members"] = [m for m in ng["node_group_members"]
                                        if m["cache_cluster_id"] not in to_remove]
    for shard in shards:
        ng = _node_group(group, shard["NodeGroupId"])
        target = int(shard["NewReplicaCount"])
        if increase and target < _replica_count(ng) or not increase and target > _replica_count(ng):
            raise InvalidParameterValueException(
                f"NewReplicaCount {target} does not {'increase' if increase else 'decrease'} "
                f"node group {shard['NodeGroupId']}.")
        _set_replica_count(group, ng, target, shard.get("PreferredAvailabilityZones"))
    if new_count is not None and not shards:
        for ng in group.node_groups:
            if increase and new_count < _replica_count(ng) or \
                    not increase and new_count > _replica_count(ng):
                raise InvalidParameterValueException(
                    f"NewReplicaCount {new_count} does not "
                    f"{'increase' if increase else 'decrease'} the replica count.")
            _set_replica_count(group, ng, new_count)
    _refresh_member_clusters(group)
    _record_event(backend, group.replication_group_id,
                  f"Replica count of {group.replication_group_id} "
                  f"{'increased' if increase else 'decreased'}")
    return ActionResult({"ReplicationGroup": group})


def increase_replica_count(self):
    return _change_replica_count(self, increase=True)


def decrease_replica_count(self):
    return _change_replica_count(self, increase=False)


def test_failover(self):
    backend = self.elasticache_backend
    group = _group(backend, self._get_param("ReplicationGroupId"))
    ng = _node_group(group, self._get_param("NodeGroupId"))
    members = ng["node_group_members"]
    if len(members) < 2:
        raise InvalidReplicationGroupState(
            f"Node group {ng['node_group_id']} has no replica to fail over to.")
    if group.automatic_failover != "enabled":
        raise InvalidReplicationGroupState(
            "Automatic failover must be enabled to test failover.")
    old, new = members[0], members[1]
    members[0], members[1] = new, old
    if "current_role" in old:
        old["current_role"] = "replica"
        new["current_role"] = "primary"
    _refresh_member_clusters(group)
    _record_event(backend, group.replication_group_id,
                  f"Test Failover API called for node group {ng['node_group_id']}")
    _record_event(backend, new["cache_cluster_id"],
                  f"Failover to replica node {new['cache_cluster_id']} completed",
                  source_type="cache-cluster")
    return ActionResult({"ReplicationGroup": group})


def copy_snapshot(self):
    backend = self.elasticache_backend
    source = self._get_param("SourceSnapshotName")
    target = self._get_param("TargetSnapshotName")
    if source not in backend.snapshots:
        raise SnapshotNotFound(source)
    if target in backend.snapshots:
        raise SnapshotAlreadyExists(target)
    snapshot = copy.copy(backend.snapshots[source])
    snapshot.snapshot_name = target
    snapshot.snapshot_source = "manual"
    snapshot.arn = re.sub(r":snapshot:.*$", f":snapshot:{target}", snapshot.arn)
    kms_key_id = self._get_param("KmsKeyId")
    if kms_key_id is not None:
        snapshot.kms_key_id = kms_key_id
    tags = self._get_param("Tags", [])
    if tags:
        backend.tagging_service.tag_resource(snapshot.arn, tags)
    backend.snapshots[target] = snapshot
    _record_event(backend, target, f"Snapshot {target} copied from {source}",
                  source_type="cache-cluster")
    return ActionResult({"Snapshot": snapshot})


def describe_events(self):
    backend = self.elasticache_backend
    source_id = self._get_param("SourceIdentifier")
    source_type = self._get_param("SourceType")
    events = [e for e in _events(backend)
              if (source_id is None or e["SourceIdentifier"] == source_id)
              and (source_type is None or e["SourceType"] == source_type)]
    return PaginatedResult({"Events": list(reversed(events))})


_original_create_replication_group = ElastiCacheResponse.create_replication_group


def create_replication_group(self):
    result = _original_create_replication_group(self)
    group_id = self._get_param("ReplicationGroupId")
    _record_event(self.elasticache_backend, group_id, f"Replication group {group_id} created")
    return result


_original_delete_replication_group = ElastiCacheResponse.delete_replication_group


def delete_replication_group(self):
    group_id = self._get_param("ReplicationGroupId")
    final_snapshot = self._get_param("FinalSnapshotIdentifier")
    if final_snapshot is not None:
        _group(self.elasticache_backend, group_id)
        self.elasticache_backend.create_snapshot(
            snapshot_name=final_snapshot, replication_group_id=group_id, cache_cluster_id=None,
            kms_key_id=None, tags=None)
    result = _original_delete_replication_group(self)
    _record_event(self.elasticache_backend, group_id, f"Replication group {group_id} deleted")
    return result


# ---------------------------------------------------------------------------------------------
# RDS: StartDBInstanceAutomatedBackupsReplication


def start_db_instance_automated_backups_replication(self):
    source_arn = self._get_param("SourceDBInstanceArn")
    match = re.match(r"^arn:aws:rds:([a-z0-9-]+):(\d{12}):db:(.+)$", source_arn or "")
    if not match:
        raise RDSClientError("InvalidParameterValue", f"Invalid SourceDBInstanceArn {source_arn}")
    source_region, account, identifier = match.groups()
    if source_region == self.region:
        raise RDSClientError("InvalidParameterValue",
                             "The source DB instance must be in another region.")
    source_backend = rds_models.rds_backends[account][source_region]
    if identifier not in source_backend.databases:
        raise DBInstanceNotFoundError(identifier)
    db = source_backend.databases[identifier]
    retention = self._get_int_param("BackupRetentionPeriod") or 7
    kms_key_id = self._get_param("KmsKeyId")
    backup_arn = (f"arn:aws:rds:{self.region}:{account}:auto-backup:"
                  f"ab-{db.dbi_resource_id.lower().removeprefix('db-')}")
    backup = {
        "DBInstanceArn": source_arn,
        "DbiResourceId": db.dbi_resource_id,
        "Region": source_region,
        "DBInstanceIdentifier": identifier,
        "Status": "pending",
        "AllocatedStorage": db.allocated_storage,
        "Port": db.port,
        "Engine": db.engine,
        "EngineVersion": db.engine_version,
        "Encrypted": bool(kms_key_id) or bool(getattr(db, "storage_encrypted", False)),
        "KmsKeyId": kms_key_id,
        "BackupRetentionPeriod": retention,
        "DBInstanceAutomatedBackupsArn": backup_arn,
    }
    replications = getattr(self.backend, "platform_operator_backup_replications", {})
    replications[source_arn] = backup
    self.backend.platform_operator_backup_replications = replications
    return ActionResult({"DBInstanceAutomatedBackup": backup})


_original_promote_read_replica = RDSResponse.promote_read_replica


def promote_read_replica(self):
    identifier = self._get_param("DBInstanceIdentifier")
    database = self.backend.databases.get(identifier)
    source_id = getattr(database, "source_db_instance_identifier", None) if database else None
    result = _original_promote_read_replica(self)
    if source_id:
        try:
            primary = self.backend.find_db_from_id(source_id)
        except Exception:  # the source may be gone already
            primary = None
        if primary is not None:
            for name in (database.db_instance_identifier, database.db_instance_arn):
                if name in primary.replicas:
                    primary.replicas.remove(name)
        database.source_db_instance_identifier = None
    return result


def install():
    """Patches moto's classes; idempotent."""
    __import__("elasticache_ext").install()  # CacheCluster: DeleteCacheSubnetGroup, finished deletes
    __import__("rds_ext").install()  # DatabaseCluster: deleting a cross-region replica
    ElastiCacheResponse.modify_replication_group = modify_replication_group
    ElastiCacheResponse.modify_replication_group_shard_configuration = \
        modify_replication_group_shard_configuration
    ElastiCacheResponse.increase_replica_count = increase_replica_count
    ElastiCacheResponse.decrease_replica_count = decrease_replica_count
    ElastiCacheResponse.test_failover = test_failover
    ElastiCacheResponse.copy_snapshot = copy_snapshot
    ElastiCacheResponse.describe_events = describe_events
    ElastiCacheResponse.create_replication_group = create_replication_group
    ElastiCacheResponse.delete_replication_group = delete_replication_group
    RDSResponse.promote_read_replica = promote_read_replica
    RDSResponse.start_db_instance_automated_backups_replication = \
        start_db_instance_automated_backups_replication


install()
