"""Alerts kept one escalation time and one duty social worker per council (the table
escalation_settings). Copy them into each council's settings: the same minutes at every
step, and the duty social worker on the rota at any time, as alerts treated them. A
council that already has settings keeps them. Alerts switch to councils.api and drop
their table later; the numbers below are written out so this copy never changes."""

import uuid

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.querystring import QueryString

ID = "2026-11-29T11:32:42:000000"
VERSION = "1.38.0"
DESCRIPTION = "copy alerts' escalation settings into the councils' settings"

SQLITE_TABLE = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'escalation_settings'"
POSTGRES_TABLE = "SELECT to_regclass('escalation_settings')::text AS name"
# The guidance's defaults as they were when this was written (backend/councils/defaults.py).
SETTINGS = (
    "INSERT INTO council_settings (id, council, trio_minutes, carer_minutes, duty_minutes, office_days, "
    "opens_at, closes_at, nation, strategy_meeting_after_hours, senior_manager_after_hours, "
    "further_meeting_after_days, repeat_episodes, repeat_window_days, strategy_meeting_within_working_days, "
    "rhi_offer_within_hours, rhi_held_within_hours, changed_at) "
    "VALUES ({}, {}, {}, {}, {}, 'mon,tue,wed,thu,fri', 540, 1020, 'england', 24, 48, 7, 3, 90, 3, 24, 72, NULL)"
)
ROTA = (
    "INSERT INTO duty_rota (id, council, social_worker, position, cover, days, starts_at, ends_at, phone) "
    "VALUES ({}, {}, {}, 0, 'always', '', NULL, NULL, NULL)"
)


async def _copy():
    engine = engine_finder()
    # On a new database this may run before alerts has made its table: nothing to copy.
    found = await engine.run_querystring(
        QueryString(SQLITE_TABLE if isinstance(engine, SQLiteEngine) else POSTGRES_TABLE)
    )
    if not found or not found[0]["name"]:
        return
    rows = await engine.run_querystring(
        QueryString(
            "SELECT e.council, e.minutes, e.duty_user FROM escalation_settings e WHERE NOT EXISTS "
            "(SELECT 1 FROM council_settings c WHERE c.council = e.council)"
        )
    )
    for row in rows:
        minutes = row["minutes"]
        await engine.run_querystring(
            QueryString(SETTINGS, uuid.uuid4(), row["council"], minutes, minutes, minutes)
        )
        if row["duty_user"] is not None:
            await engine.run_querystring(QueryString(ROTA, uuid.uuid4(), row["council"], row["duty_user"]))


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="councils", description=DESCRIPTION)
    manager.add_raw(_copy)
    # Backwards leaves the copies: the earlier migration's backwards drops the tables.
    return manager
