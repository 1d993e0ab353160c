"""Plan versions sealed with a keyed digest instead of a plain SHA-256 of their content.

A plain hash of the content let anyone who saw it (a carer, whose view leaves out what
the young person keeps from carers) check a guess of the hidden parts offline. Every
version sealed the old way gets its keyed seal (`backend.plans.content.seal`); the
signatures on its content follow it, and older signatures' values (on content since
changed) become a keyed digest of themselves, so no plain hash of a plan is left.
One way only: going back would bring the plain hashes back.
"""

import hashlib
import json

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns import UUID, Text, Varchar
from piccolo.table import Table

ID = "2026-11-29T12:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "plan versions signed against a keyed seal"


# The two tables as this migration knows them (the app's own may change later).
class PlanVersion(Table, tablename="plan_version"):
    id = UUID(primary_key=True)
    content = Text()
    content_hash = Varchar(length=64)


class PlanSignature(Table, tablename="plan_signature"):
    version = UUID()
    content_hash = Varchar(length=64)


def _plain_hash(content: dict) -> str:
    """How versions were sealed before this migration."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def reseal() -> int:
    """Reseal every version still sealed with a plain hash; returns how many."""
    from backend.plans.content import seal
    from backend.security import decrypt, keyed_digest

    resealed = 0
    for row in await PlanVersion.select(PlanVersion.id, PlanVersion.content, PlanVersion.content_hash):
        content = json.loads(decrypt(row["content"]))
        plain = _plain_hash(content)
        if row["content_hash"] != plain:
            continue  # sealed already
        sealed = seal(row["id"], content)
        await PlanVersion.update({PlanVersion.content_hash: sealed}).where(PlanVersion.id == row["id"])
        mine = PlanSignature.version == row["id"]
        await PlanSignature.update({PlanSignature.content_hash: sealed}).where(
            mine & (PlanSignature.content_hash == plain)
        )
        for old in await PlanSignature.select(PlanSignature.id, PlanSignature.content_hash).where(
            mine & (PlanSignature.content_hash != sealed)
        ):
            await PlanSignature.update(
                {PlanSignature.content_hash: keyed_digest("plan-old-signature", old["content_hash"])}
            ).where(PlanSignature.id == old["id"])
        resealed += 1
    return resealed


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="plans", description=DESCRIPTION)

    async def up():
        await reseal()

    manager.add_raw(up)
    return manager
