"""Events written as English sentences before events became codes: the migration seals
their names and words, and they still read as they did."""

import uuid

from piccolo.apps.migrations.commands.backwards import run_backwards
from piccolo.querystring import QueryString

from backend import clock
from backend.audit.services import LEGACY, describe, events_for
from backend.db import get_engine
from backend.migrate import migrate
from backend.words import Reader

BEFORE_CODES = "2026-11-29T11:04:38:096488"  # the migration that added the code columns


async def test_sentences_written_before_codes_are_sealed_and_still_read_the_same(world):
    engine = get_engine()
    jade = world.young["jade"]
    result = await run_backwards(app_name="audit", migration_id=BEFORE_CODES, auto_agree=True)
    try:
        assert result.success, result.message
        await engine.run_querystring(
            QueryString(
                "INSERT INTO audit_event (id, at, actor_id, actor_name, actor_role, action, young_person_id, "
                "what, detail) VALUES ({}, {}, NULL, {}, {}, {}, {}, {}, '')",
                str(uuid.uuid4()),
                clock.now(),
                "Lou Baker",
                "trusted_contact",
                "change",
                str(jade),
                "said yes to being one of your people",
            )
        )
    finally:
        await migrate()

    rows = await engine.run_querystring(QueryString("SELECT * FROM audit_event"))
    assert rows and not any("Lou" in str(value) for row in rows for value in row.values()), rows
    events = await events_for(jade)
    assert [(e.code, e.actor_name, e.actor_role) for e in events] == [
        (LEGACY, "Lou Baker", "trusted_contact")
    ]

    line = describe(events[0], Reader.YOUNG_PERSON, "Jade")
    assert (line.name, line.what) == ("Lou Baker", "said yes to being one of your people")
    assert describe(events[0], Reader.ADULT, "Jade").what == "said yes to being one of their people"
