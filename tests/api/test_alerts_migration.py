"""Alerts written before events became codes: the migration turns each step of their
story into a code with sealed names, seals recipients' names, and points the alert at
whoever answered; they read as they did, and now also for adults in their own words."""

import uuid

from piccolo.apps.migrations.commands.backwards import run_backwards
from piccolo.querystring import QueryString

from backend import clock
from backend.db import get_engine
from backend.migrate import migrate
from tests.api.alerts_helpers import jade_sees

BEFORE_CODES = "2026-11-29T11:30:40:836999"  # the first migration of alerts as codes
STORY = [
    "You sent an alert and shared where you are",
    "Sent to your people: Lou, Dan",
    "Dan can't right now",
    "Lou has got this",
    "Something the old code said that nobody recognises now",
]


async def test_alerts_from_before_codes_are_sealed_and_still_read_the_same(world):
    engine = get_engine()
    run = engine.run_querystring
    jade = world.young["jade"]
    alert_id, lou, dan = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    at = clock.now()
    result = await run_backwards(app_name="alerts", migration_id=BEFORE_CODES, auto_agree=True)
    try:
        assert result.success, result.message
        await run(
            QueryString(
                "INSERT INTO alert (id, young_person, idempotency_key, kind, state, level, created_at, ended_at, "
                "acknowledged_by) VALUES ({}, {}, {}, NULL, 'acknowledged', 0, {}, {}, 'Lou')",
                alert_id,
                str(jade),
                f"{jade}:old-key",
                at,
                at,
            )
        )
        for recipient, name, answered in ((lou, "Lou", "acknowledged_at"), (dan, "Dan", "declined_at")):
            await run(
                QueryString(
                    "INSERT INTO alert_recipient (id, alert, level, name, role, purpose, created_at, "
                    f"{answered}) VALUES ({{}}, {{}}, 0, {{}}, 'trusted_contact', 'alert', {{}}, {{}})",
                    recipient,
                    alert_id,
                    name,
                    at,
                    at,
                )
            )
        for what in STORY:
            await run(
                QueryString(
                    "INSERT INTO alert_event (alert, at, what) VALUES ({}, {}, {})", alert_id, at, what
                )
            )
    finally:
        await migrate()

    for table in ("alert", "alert_recipient", "alert_event"):
        rows = await run(QueryString(f"SELECT * FROM {table}"))
        assert rows and not any(
            name in str(value) for row in rows for value in row.values() for name in ("Lou", "Dan")
        ), table
    status = await jade_sees(world, alert_id)
    assert [event["what"] for event in status["events"]] == STORY
    assert [event["code"] for event in status["events"]] == [
        "alert.sent_sharing",
        "alert.sent_to_people",
        "alert.declined",
        "alert.acknowledged",
        "alert.legacy",
    ]
    assert status["acknowledged_by"] == "Lou"
    assert {(r["name"], r["status"]) for r in status["recipients"]} == {
        ("Lou", "acknowledged"),
        ("Dan", "declined"),
    }
    sams = (await world.sam.client.get(f"/api/alerts/{alert_id}")).json()["status"]
    assert [event["what"] for event in sams["events"]][:2] == [
        "Jade sent an alert and shared where they are",
        "Sent to Jade's people: Lou, Dan",
    ]
