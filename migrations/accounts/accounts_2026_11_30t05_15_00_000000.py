"""PostgreSQL: tell every app process when a session or an account changes, so a process
that keeps sessions it looked up a moment ago (`accounts.kept_sessions`) forgets them.

After any statement that revokes, moves or deletes a session, or changes what a session
lets someone do (role, name, council, active, language) or deletes an account, the
trigger NOTIFYs `homeward_sessions`; PostgreSQL delivers it when the transaction commits,
whichever process wrote. `last_seen_at` is left out: it changes once a minute per session
and nothing kept depends on it for more than a few seconds. SQLite keeps no sessions, so
it gets nothing here."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.engine.postgres import PostgresEngine

ID = "2026-11-30T05:15:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "notify app processes when sessions or accounts change"

POSTGRES = [
    """CREATE OR REPLACE FUNCTION homeward_sessions_changed() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('homeward_sessions', ''); RETURN NULL; END $$""",
    """CREATE TRIGGER user_session_changed
       AFTER UPDATE OF "user", kind, csrf_token, created_at, revoked_at OR DELETE OR TRUNCATE
       ON user_session FOR EACH STATEMENT EXECUTE FUNCTION homeward_sessions_changed()""",
    """CREATE TRIGGER homeward_user_changed
       AFTER UPDATE OF role, display_name, council, active, language OR DELETE OR TRUNCATE
       ON homeward_user FOR EACH STATEMENT EXECUTE FUNCTION homeward_sessions_changed()""",
]


async def _notify_on_change():
    engine = engine_finder()
    if isinstance(engine, PostgresEngine):
        for statement in POSTGRES:
            await engine.run_ddl(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="accounts", description=DESCRIPTION)
    manager.add_raw(_notify_on_change)
    return manager
