"""Plan changes written before names were sealed: the migration seals each name (a
trusted contact's among them), drops the plain column, and the plan reads as before."""

from piccolo.apps.migrations.commands.backwards import run_backwards
from piccolo.querystring import QueryString

from backend import clock
from backend.db import get_engine
from backend.migrate import migrate
from tests.api.test_plans import edit, plan_url

BEFORE_SEALING = "2026-11-29T12:10:00:000000"  # added the sealed column and the choices


async def test_names_written_in_plain_text_are_sealed_and_still_read_the_same(world):
    engine = get_engine()
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    (version,) = await engine.run_querystring(QueryString("SELECT id FROM plan_version"))
    result = await run_backwards(app_name="plans", migration_id=BEFORE_SEALING, auto_agree=True)
    try:
        assert result.success, result.message
        await engine.run_querystring(QueryString("DELETE FROM plan_change"))
        for name, role in (("Lou Baker", "trusted_contact"), ("Jade", "young_person")):
            await engine.run_querystring(
                QueryString(
                    'INSERT INTO plan_change (version, at, "user", actor_name, role, section) '
                    "VALUES ({}, {}, NULL, {}, {}, 'trio')",
                    version["id"],
                    clock.now(),
                    name,
                    role,
                )
            )
    finally:
        await migrate()

    rows = await engine.run_querystring(QueryString("SELECT * FROM plan_change"))
    assert len(rows) == 2 and "actor_name" not in rows[0]
    assert "Lou" not in str(rows) and "Jade" not in str(rows)
    changes = (await world.sam.client.get(url)).json()["draft"]["changes"]
    assert sorted((c["name"], c["role"], c["section_key"]) for c in changes) == [
        ("Jade", "young_person", "trio"),
        ("Lou Baker", "trusted_contact", "trio"),
    ]
