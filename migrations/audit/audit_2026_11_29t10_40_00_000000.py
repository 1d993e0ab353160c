"""TRUNCATE fires no row triggers, so on PostgreSQL it would empty the append-only audit
log in one statement: refuse it with a statement-level trigger. SQLite has no TRUNCATE
(its "DELETE FROM" without WHERE still fires the row trigger)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.engine.sqlite import SQLiteEngine

ID = "2026-11-29T10:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "audit_event refuses TRUNCATE"

# The function made by the earlier audit migration raises for any trigger it serves.
POSTGRES_UP = [
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
       FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()""",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
]


async def _run(statements):
    engine = engine_finder()
    if isinstance(engine, SQLiteEngine):
        return
    for statement in statements:
        await engine._run_in_new_connection(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="audit", description=DESCRIPTION)

    async def up():
        await _run(POSTGRES_UP)

    async def down():
        await _run(POSTGRES_DOWN)

    manager.add_raw(up)
    manager.add_raw_backwards(down)
    return manager
