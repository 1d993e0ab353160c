"""The names of who changed a part of a plan are sealed: each plain name (a trusted
contact's among them) moves into the encrypted `actor` column and the plain one is
emptied, then dropped by the next migration. Running it again changes nothing.
One way only: going back would put the names back in plain text.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns import Integer, Text, Varchar
from piccolo.table import Table

ID = "2026-11-29T12:10:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "seal the names of who changed a part of a plan"


# The table as this migration knows it (the app's own may change later).
class PlanChange(Table, tablename="plan_change"):
    id = Integer(primary_key=True)
    actor_name = Varchar(length=120)
    actor = Text(null=True)


async def seal_names() -> int:
    """Seal every name still in plain text; returns how many."""
    from backend.sealed import seal

    rows = await PlanChange.select(PlanChange.id, PlanChange.actor_name).where(PlanChange.actor.is_null())
    for row in rows:
        await PlanChange.update(
            {PlanChange.actor: seal(row["actor_name"]), PlanChange.actor_name: ""}
        ).where(PlanChange.id == row["id"])
    return len(rows)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="plans", description=DESCRIPTION)

    async def up():
        await seal_names()

    manager.add_raw(up)
    return manager
