"""Test-harness extension of moto for the DatabaseCluster controller: deleting a cross-region read
replica succeeds, as AWS documents. moto 5.2 records a cross-region replica on its source by ARN
but removes it by identifier, so DeleteDBInstance of such a replica fails with HTTP 500
(ValueError: list.remove(x): x not in list) after the replica is already gone.

Behaviour (per the RDS API reference, DeleteDBInstance): the replica is deleted and its source no
longer lists it, whether the source names it by identifier (same region) or by ARN (other region).

Imported and installed by platform_operator_moto_ext.install(); nothing here is used outside the
test harness.
"""
from moto.rds import models as rds_models


def _remove_replica(self, replica):
    """DBInstance.remove_replica that knows cross-region replicas are recorded by ARN."""
    for name in (replica.db_instance_identifier, replica.db_instance_arn):
        if name in self.replicas:
            self.replicas.remove(name)


def install():
    """Patches moto's RDS model in place; idempotent."""
    rds_models.DBInstance.remove_replica = _remove_replica
