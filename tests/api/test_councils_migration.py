"""Alerts' old per-council settings (one wait time, one duty social worker) are copied into
the councils' settings by a migration; a council that already has settings keeps them.
Alerts then drop their table (a later migration of theirs, run after the copy)."""

from piccolo.apps.migrations.commands.backwards import run_backwards
from piccolo.engine.finder import engine_finder
from piccolo.querystring import QueryString

from backend.clock import now
from backend.councils import api as councils
from backend.councils.tables import CouncilSettings, DutyRota
from backend.migrate import migrate
from tests.factories import make_council

COPY = "2026-11-29T11:32:42:000000"  # the migration that copies them
DROP = "2026-11-29T14:00:23:796069"  # alerts' migration that drops their old table
OLD_ROW = "INSERT INTO escalation_settings (id, council, minutes, duty_user) VALUES ({}, {}, {}, {})"


async def as_before(*rows: tuple) -> None:
    """The database as it was before both migrations, with alerts' old settings in it."""
    assert (await run_backwards(app_name="alerts", migration_id=DROP, auto_agree=True)).success
    assert (await run_backwards(app_name="councils", migration_id=COPY, auto_agree=True)).success
    engine = engine_finder()
    for index, (council, minutes, duty_user) in enumerate(rows, start=1):
        await engine.run_querystring(QueryString(OLD_ROW, index, council, minutes, duty_user))


async def old_table_exists() -> bool:
    engine = engine_finder()
    try:
        await engine.run_querystring(QueryString("SELECT 1 FROM escalation_settings"))
    except Exception:
        return False
    return True


async def test_alerts_escalation_settings_are_copied_into_each_councils_settings(world):
    elsewhere = await make_council("Elsewhere Council")
    kept = await make_council("Kept Council")
    await councils.settings(kept)  # already has its own settings (the defaults)
    await as_before(
        (world.council_id, 7, world.alex.user_id),
        (elsewhere, 3, None),
        (kept, 9, world.sam.user_id),
    )
    await migrate()
    assert not await old_table_exists()

    testshire = await councils.settings(world.council_id)
    assert (
        testshire.escalation.trio_minutes,
        testshire.escalation.carer_minutes,
        testshire.escalation.duty_minutes,
    ) == (7, 7, 7)
    assert [(e.social_worker_id, e.cover) for e in testshire.rota] == [
        (world.alex.user_id, councils.Cover.ALWAYS)
    ]
    assert testshire.thresholds.repeat_episodes == 3 and testshire.nation is councils.Nation.ENGLAND
    # As alerts did: the one duty social worker is asked at any time, and gets no phone.
    on_duty = await councils.on_duty(world.council_id, now())
    assert [(p.id, p.phone) for p in on_duty] == [(world.alex.user_id, "")]

    other = await councils.settings(elsewhere)
    assert (other.escalation.duty_minutes, other.rota) == (3, ())
    untouched = await councils.settings(kept)
    assert (untouched.escalation.trio_minutes, untouched.rota) == (5, ())
    assert await CouncilSettings.count() == 3 and await DutyRota.count() == 1


async def test_copying_twice_changes_nothing(world):
    await as_before((world.council_id, 7, world.alex.user_id))
    await migrate()
    # Run again over the same rows (the copy comes back first): nothing is copied twice.
    await as_before((world.council_id, 7, world.alex.user_id))
    await migrate()
    assert await CouncilSettings.count() == 1 and await DutyRota.count() == 1
