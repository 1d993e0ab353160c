"""Alerts' old per-council settings (one wait time, one duty social worker) are copied into
the councils' settings by a migration; a council that already has settings keeps them."""

from piccolo.apps.migrations.commands.backwards import run_backwards

from backend.alerts.tables import EscalationSettings
from backend.clock import now
from backend.councils import api as councils
from backend.councils.tables import CouncilSettings, DutyRota
from backend.migrate import migrate
from tests.factories import make_council

COPY = "2026-11-29T11:32:42:000000"  # the migration that copies them


async def test_alerts_escalation_settings_are_copied_into_each_councils_settings(world):
    elsewhere = await make_council("Elsewhere Council")
    kept = await make_council("Kept Council")
    await councils.settings(kept)  # already has its own settings (the defaults)
    await EscalationSettings.insert(
        EscalationSettings(council=world.council_id, minutes=7, duty_user=world.alex.user_id),
        EscalationSettings(council=elsewhere, minutes=3, duty_user=None),
        EscalationSettings(council=kept, minutes=9, duty_user=world.sam.user_id),
    )
    result = await run_backwards(app_name="councils", migration_id=COPY, auto_agree=True)
    assert result.success, result.message
    await migrate()

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
    await EscalationSettings.insert(
        EscalationSettings(council=world.council_id, minutes=7, duty_user=world.alex.user_id)
    )
    for _ in range(2):
        assert (await run_backwards(app_name="councils", migration_id=COPY, auto_agree=True)).success
        await migrate()
    assert await CouncilSettings.count() == 1 and await DutyRota.count() == 1
