"""The social worker hears about alerts: a notice (and a push) when one of their young
people's alerts fails, said truthfully (nobody answered is not nobody could be reached),
and their caseload's alerts with how each one went, any still on first."""

import datetime as dt

from backend import clock, hooks
from backend.notify import api as notify
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    out_of_hours,
    send_alert,
    subscribe_contact,
    subscribe_user,
    worker,
)
from tests.factories import sign_in_directly


async def notices_of(person) -> list[dict]:
    return (await person.client.get("/api/notices")).json()["notices"]


async def test_an_alert_that_reached_nobody_tells_the_social_worker(world, push_service):
    await out_of_hours(world)
    sams_phone = await subscribe_user(world.sam, push_service)
    failed: list = []

    async def record(payload) -> None:
        failed.append(payload)

    hooks.on(hooks.Topic.ALERT_FAILED, record)
    try:
        alert = await send_alert(world)  # Jade has no people; Priya has no notifications
    finally:
        hooks._subscribers[hooks.Topic.ALERT_FAILED].remove(record)
    assert alert["state"] == "failed" and alert["outcome"] == "nobody_reached"
    assert [(str(p.alert_id), p.young_person_id, p.council_id) for p in failed] == [
        (alert["id"], world.young["jade"], world.council_id)
    ]

    (notice,) = await notices_of(world.sam)
    assert notice["text"] == (
        "Jade's alert could not reach anyone: nobody had notifications on. "
        "They were told to call 999 if in danger, or 101."
    )
    assert notice["link"] == f"#/alerts/{alert['id']}"
    assert await notify.deliver_pushes() == 1
    (payload,) = push_service.notifications(sams_phone, as_json=True)
    assert payload["type"] == "notice" and payload["link"] == f"#/alerts/{alert['id']}"
    # Only Jade's social worker: not Mia's, not her carer.
    assert await notices_of(world.alex) == [] and await notices_of(world.priya) == []
    # The link opens: Sam reads how it went.
    view = (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()
    assert view["status"]["outcome"] == "nobody_reached" and view["recipient"] is None


async def test_an_alert_nobody_answered_says_so_and_is_told_once(world, push_service):
    await out_of_hours(world)
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    failed: list = []

    async def record(payload) -> None:
        failed.append(payload)

    hooks.on(hooks.Topic.ALERT_FAILED, record)
    try:
        alert = await send_alert(world)
        alert_worker = worker()
        await drain(alert_worker)
        clock.travel(dt.timedelta(minutes=5, seconds=5))
        await drain(alert_worker)
        clock.travel(dt.timedelta(hours=1))
        await drain(alert_worker)
    finally:
        hooks._subscribers[hooks.Topic.ALERT_FAILED].remove(record)
    assert failed == []  # it reached Lou: not the "nobody reached" topic
    await sign_in_directly(world.sam, world.client_for())  # an hour on: signed out
    (notice,) = await notices_of(world.sam)
    assert notice["text"] == (
        "Nobody answered Jade's alert in time. They and their carer were told to call 999 "
        "if in danger, or 101."
    )
    (summary,) = (await world.sam.client.get("/api/alerts/caseload")).json()
    assert (summary["id"], summary["state"], summary["outcome"], summary["young_person_name"]) == (
        alert["id"],
        "failed",
        "no_answer",
        "Jade",
    )


async def test_the_caseloads_alerts_come_with_any_still_on_first(world, push_service):
    await out_of_hours(world)
    first = await send_alert(world)  # fails at once: nobody can be reached
    clock.travel(dt.timedelta(minutes=1))
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    on = await send_alert(world)
    await world.jade.client.post(f"/api/alerts/{on['id']}/cancel")
    clock.travel(dt.timedelta(minutes=1))
    still_on = await send_alert(world)
    clock.travel(dt.timedelta(minutes=1))
    mias = await world.mia.client.post("/api/alerts", json={"idempotency_key": "mia-alert-0001"})
    assert mias.status_code == 201

    sams = (await world.sam.client.get("/api/alerts/caseload")).json()
    assert [(a["id"], a["state"]) for a in sams] == [
        (still_on["id"], "active"),
        (on["id"], "cancelled"),
        (first["id"], "failed"),
    ]
    assert {a["young_person_id"] for a in sams} == {str(world.young["jade"])}
    assert [a["outcome"] for a in sams] == [None, None, "nobody_reached"]
    alexs = (await world.alex.client.get("/api/alerts/caseload")).json()
    assert [a["young_person_name"] for a in alexs] == ["Mia"]
    # A carer or a young person has no caseload.
    assert (await world.priya.client.get("/api/alerts/caseload")).json() == []
    assert (await world.jade.client.get("/api/alerts/caseload")).json() == []
    assert (await world.anonymous().get("/api/alerts/caseload")).status_code == 401


async def test_after_someone_has_got_it_the_young_person_can_still_say_they_are_ok(world, push_service):
    await out_of_hours(world)
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert = await send_alert(world)
    await lou.post(f"/api/contact/alerts/{alert['id']}/acknowledge")
    reply = await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
    assert reply.status_code == 200
    status = reply.json()
    assert (status["state"], status["acknowledged_by"], status["can"]) == ("cancelled", "Lou", [])
    assert [e["what"] for e in status["events"]][-2:] == ["Lou has got this", "You said you're OK now"]
    view = (await lou.get(f"/api/contact/alerts/{alert['id']}")).json()
    assert view["state"] == "cancelled" and view["can"] == []
    # Once over, it stays over.
    again = await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
    assert again.json()["state"] == "cancelled" and len(again.json()["events"]) == len(status["events"])
