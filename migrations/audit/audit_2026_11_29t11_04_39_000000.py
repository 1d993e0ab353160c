"""Events written before events became codes keep their words, sealed: the name of who
did it and the English sentence move into the encrypted columns, so no name is left in
plain text. The append-only triggers are lifted for this one rewrite, inside the
migration's transaction, and put back before it commits."""

import json

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.querystring import QueryString

from backend.security import encrypt

ID = "2026-11-29T11:04:39:000000"
VERSION = "1.38.0"
DESCRIPTION = "seal the names and sentences of events written before codes"

LEGACY = "legacy.sentence"
SQLITE_LIFT = ["DROP TRIGGER IF EXISTS audit_event_no_update"]
SQLITE_RESTORE = [
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
POSTGRES_LIFT = ["ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"]
POSTGRES_RESTORE = ["ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only"]


async def _seal_legacy_rows():
    # QueryString runs on the migration's own transaction: the rewrite and the lifted
    # trigger commit together or not at all.
    engine = engine_finder()
    sqlite = isinstance(engine, SQLiteEngine)
    rows = await engine.run_querystring(
        QueryString("SELECT id, actor_name, what FROM audit_event WHERE code = '' AND actor IS NULL")
    )
    if not rows:
        return
    for statement in SQLITE_LIFT if sqlite else POSTGRES_LIFT:
        await engine.run_ddl(statement)
    for row in rows:
        await engine.run_querystring(
            QueryString(
                "UPDATE audit_event SET actor = {}, params = {}, code = {}, "
                "actor_name = '', what = '' WHERE id = {}",
                encrypt(row["actor_name"]),
                encrypt(json.dumps({"text": row["what"]})),
                LEGACY,
                row["id"],
            )
        )
    for statement in SQLITE_RESTORE if sqlite else POSTGRES_RESTORE:
        await engine.run_ddl(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="audit", description=DESCRIPTION)
    manager.add_raw(_seal_legacy_rows)
    return manager
