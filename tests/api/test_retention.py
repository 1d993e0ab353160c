"""Retention: `homeward retention` deletes what is due in batches and audits the counts;
`--dry-run` only counts. The clock is moved, not waited for (backend.clock.travel)."""

from __future__ import annotations

import datetime as dt

from backend import clock
from backend.audit.services import events_for
from backend.retention.services import run
from tests.api.alerts_helpers import jade_sees, send_alert
from tests.factories import audit_events

WHERE = {"latitude": 51.519412, "longitude": -0.126987, "accuracy_m": 25}


async def ended_alert_with_location(world) -> str:
    alert = await send_alert(world, location=WHERE)
    alert_id = alert["id"]
    reply = await world.jade.client.post(f"/api/alerts/{alert_id}/cancel")
    assert reply.status_code == 200, reply.text
    return alert_id


async def test_an_ended_alerts_location_is_deleted_30_days_after_it_ends_and_counted(world):
    first = await ended_alert_with_location(world)
    second = await ended_alert_with_location(world)
    assert (await jade_sees(world, first))["location_shared"] is True

    clock.travel(dt.timedelta(days=29))
    assert (await run(dry_run=True)).alert_locations == 0
    assert (await run()).alert_locations == 0
    recent = await ended_alert_with_location(world)  # ends 29 days after the others

    clock.travel(dt.timedelta(days=2))
    preview = await run(dry_run=True)
    assert preview.alert_locations == 2
    assert preview.lines() == ["would delete the location and phone number of 2 ended alerts"]
    assert (await jade_sees(world, first))["location_shared"] is True  # a dry run changes nothing
    assert not [e for e in await audit_events(code="retention.deleted")]

    done = await run(batch=1)  # one alert per transaction: both go
    assert done.alert_locations == 2
    for alert_id in (first, second):
        assert (await jade_sees(world, alert_id))["location_shared"] is False
    assert (await jade_sees(world, recent))["location_shared"] is True  # ended 2 days ago

    # Audited as counts: one event, the number and nothing about whose alerts they were.
    (event,) = await audit_events(code="retention.deleted")
    assert event["young_person_id"] is None and event["actor_role"] == "system"
    assert all(e.code != "retention.deleted" for e in await events_for(world.young["jade"]))

    # Nothing more is due: a second run deletes nothing and writes nothing.
    assert (await run()).alert_locations == 0
    assert len(await audit_events(code="retention.deleted")) == 1
