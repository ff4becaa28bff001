"""Test-harness extension of moto (loaded by platform_operator_moto_ext.install()): ElastiCache
DeleteCacheSubnetGroup, and replication groups that finish deleting, as AWS documents them, for the
CacheCluster controller's integration tests. moto 5.2 does not implement these.

Behaviour (per the ElastiCache API reference):
- DeleteCacheSubnetGroup removes the subnet group; CacheSubnetGroupNotFoundFault when there is none,
  CacheSubnetGroupInUse while a replication group (even one being deleted) still uses it.
- A replication group in status "deleting" is gone by the next DescribeReplicationGroups: AWS
  removes a deleted group once its nodes are gone (moto leaves it listed as "deleting" forever).
  Its tags go with it.

Nothing here is used outside the test harness.
"""
from moto.core.responses import ActionResult
from moto.elasticache.exceptions import CacheSubnetGroupNotFound, ElastiCacheException
from moto.elasticache.responses import ElastiCacheResponse


class CacheSubnetGroupInUse(ElastiCacheException):
    code = "CacheSubnetGroupInUse"

    def __init__(self, name):
        super().__init__(f"Cache subnet group {name} is currently in use by a replication group.")


def _finish_deletions(backend):
    for group_id, group in list(backend.replication_groups.items()):
        if getattr(group, "status", "") == "deleting":
            del backend.replication_groups[group_id]
            try:
                backend.tagging_service.delete_all_tags_for_resource(group.arn)
            except Exception:  # no tags recorded
                pass


def delete_cache_subnet_group(self):
    backend = self.elasticache_backend
    name = self._get_param("CacheSubnetGroupName")
    if name not in backend.cache_subnet_groups:
        raise CacheSubnetGroupNotFound(name)
    for group in backend.replication_groups.values():
        if getattr(group, "cache_subnet_group_name", None) == name:
            raise CacheSubnetGroupInUse(name)
    subnet_group = backend.cache_subnet_groups.pop(name)
    try:
        backend.tagging_service.delete_all_tags_for_resource(subnet_group.arn)
    except Exception:  # no tags recorded
        pass
    return ActionResult({})


_original_describe_replication_groups = None


def describe_replication_groups(self):
    _finish_deletions(self.elasticache_backend)
    return _original_describe_replication_groups(self)


def install():
    """Patches moto's ElastiCache response class; idempotent."""
    global _original_describe_replication_groups
    if _original_describe_replication_groups is None:
        _original_describe_replication_groups = ElastiCacheResponse.describe_replication_groups
    ElastiCacheResponse.delete_cache_subnet_group = delete_cache_subnet_group
    ElastiCacheResponse.describe_replication_groups = describe_replication_groups
