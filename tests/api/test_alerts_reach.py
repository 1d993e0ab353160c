"""Who an alert reaches after the young person's people and carer, by the council's
settings and the clock: out of hours the duty rota's out-of-hours worker, in office hours
the young person's own social worker; each step waits the council's minutes for it. Real
push service stand-in, real app, a clock the tests move."""

import datetime as dt

from backend import clock
from backend.councils import services as council_settings
from backend.councils.schemas import Escalation
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    jade_sees,
    office_hours,
    out_of_hours,
    send_alert,
    set_duty,
    subscribe_contact,
    subscribe_user,
    worker,
)
from tests.factories import sign_in_directly


async def set_minutes(world, trio: int, carer: int, duty: int) -> None:
    body = await council_settings.as_input(world.council_id)
    body.escalation = Escalation(trio_minutes=trio, carer_minutes=carer, duty_minutes=duty)
    await council_settings.replace(world.council_id, body, None, clock.now())


async def everyone_subscribed(world, push_service):
    lou = await active_contact(world, "Lou")
    return {
        "lou": await subscribe_contact(lou, push_service),
        "priya": await subscribe_user(world.priya, push_service),
        "sam": await subscribe_user(world.sam, push_service),
        "alex": await subscribe_user(world.alex, push_service),
        "jade": await subscribe_user(world.jade, push_service),
    }


def alerted(push_service, subs) -> set[str]:
    return {
        who
        for who, sub in subs.items()
        if any(n["type"] == "alert" for n in push_service.notifications(sub, as_json=True))
    }


async def test_at_night_nobody_answering_reaches_the_out_of_hours_worker_then_999(world, push_service):
    await out_of_hours(world)
    await set_duty(world, world.alex, minutes=5, cover="out_of_hours")
    subs = await everyone_subscribed(world, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    assert alerted(push_service, subs) == {"lou"}
    for _ in range(2):
        clock.travel(dt.timedelta(minutes=5, seconds=5))
        await drain(alert_worker)
    # Alex is on the rota out of hours; Sam (Jade's own social worker) is not woken.
    assert alerted(push_service, subs) == {"lou", "priya", "alex"}
    view = (await world.alex.client.get(f"/api/alerts/{alert['id']}")).json()
    assert view["recipient"]["young_person_name"] == "Jade" and view["recipient"]["can"] == [
        "acknowledge",
        "decline",
    ]
    clock.travel(dt.timedelta(minutes=5, seconds=5))
    await drain(alert_worker)
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "failed" and "999" in status["advice"]
    assert [e["what"] for e in status["events"]][1:4] == [
        "Sent to your people: Lou",
        "Sent to your carer: Priya Shah",
        "Sent to the social worker on duty: Alex Reid",
    ]
    assert {(r["name"], r["role"]) for r in status["recipients"]} == {
        ("Lou", "trusted_contact"),
        ("Priya Shah", "carer"),
        ("Alex Reid", "duty"),
    }
    assert push_service.notifications(subs["jade"], as_json=True) == [
        {"alert_id": alert["id"], "type": "call_999"}
    ]


async def test_in_office_hours_it_reaches_the_young_persons_own_social_worker(world, push_service):
    await office_hours(world)
    await set_duty(world, world.alex, minutes=5, cover="out_of_hours")
    subs = await everyone_subscribed(world, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    for _ in range(2):
        clock.travel(dt.timedelta(minutes=5, seconds=5))
        await drain(alert_worker)
    assert alerted(push_service, subs) == {"lou", "priya", "sam"}
    status = await jade_sees(world, alert["id"])
    assert status["events"][3]["what"] == "Sent to your social worker: Sam Okafor"
    # Sam finds it among the alerts sent to him, and answers it.
    (mine,) = (await world.sam.client.get("/api/alerts/mine")).json()
    assert mine["id"] == alert["id"] and mine["state"] == "active"
    reply = await world.sam.client.post(f"/api/alerts/{alert['id']}/acknowledge")
    assert reply.status_code == 200
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "acknowledged" and status["acknowledged_by"] == "Sam Okafor"
    # Mia's social worker reads the story of Jade's alert as an adult would: no.
    assert (await world.alex.client.get(f"/api/alerts/{alert['id']}")).status_code == 404
    sams = (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["events"]
    assert "Sent to Jade's social worker: Sam Okafor" in [e["what"] for e in sams]


async def test_a_social_worker_no_longer_allocated_cannot_answer(world, push_service):
    await office_hours(world)
    subs = await everyone_subscribed(world, push_service)
    await set_minutes(world, 1, 1, 1)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    for _ in range(2):
        clock.travel(dt.timedelta(minutes=1, seconds=5))
        await drain(alert_worker)
    assert "sam" in alerted(push_service, subs)
    from backend.young_people.tables import CaseAllocation

    await CaseAllocation.update(active=False).where(CaseAllocation.social_worker == world.sam.user_id)
    assert (await world.sam.client.post(f"/api/alerts/{alert['id']}/acknowledge")).status_code == 404
    assert (await world.sam.client.get("/api/alerts/mine")).json() == []


async def test_each_step_waits_the_councils_minutes_for_it(world, push_service):
    await out_of_hours(world)
    await set_duty(world, world.alex, minutes=5)
    await set_minutes(world, trio=2, carer=3, duty=4)
    subs = await everyone_subscribed(world, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)

    async def after(minutes: float) -> set[str]:
        clock.travel(dt.timedelta(minutes=minutes))
        await drain(alert_worker)
        return alerted(push_service, subs)

    assert await after(1.9) == {"lou"}
    assert await after(0.2) == {"lou", "priya"}  # 2 minutes for her people
    assert await after(2.8) == {"lou", "priya"}
    assert await after(0.3) == {"lou", "priya", "alex"}  # 3 for her carer
    await after(3.8)
    assert (await jade_sees(world, alert["id"]))["state"] == "active"
    await after(0.3)  # 4 for the social worker on duty
    await sign_in_directly(world.jade, world.client_for())
    assert (await jade_sees(world, alert["id"]))["state"] == "failed"


async def test_with_nobody_on_the_rota_out_of_hours_the_step_is_skipped(world, push_service):
    await out_of_hours(world)
    await set_minutes(world, 1, 1, 1)
    subs = await everyone_subscribed(world, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    for _ in range(2):
        clock.travel(dt.timedelta(minutes=1, seconds=5))
        await drain(alert_worker)
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "failed"
    assert alerted(push_service, subs) == {"lou", "priya"}
