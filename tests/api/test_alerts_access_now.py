"""Being sent an alert once is not a lasting right: every read through an alert checks
the reader's right to it now, and a recipient sees what was true when it was sent."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import clock
from backend.accounts.tables import User
from backend.alerts.tables import Alert
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    jade_sees,
    send_alert,
    set_duty,
    subscribe_contact,
    subscribe_user,
    worker,
)
from tests.api.test_plans import edit, plan_url, sign_all
from tests.factories import audit_count, make_council

# Written before office hours mattered: the duty rota answers for the social worker's step.
pytestmark = pytest.mark.usefixtures("out_of_hours_now")


async def alert_reaches_priya(world, push_service) -> dict:
    """Lou can't right now, so the alert goes on to Priya, who is sent it."""
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(world, location={"latitude": 51.5007, "longitude": -0.1246})
    await drain(worker())
    await lou.post(f"/api/contact/alerts/{alert['id']}/decline")
    await drain(worker())
    assert len(push_service.notifications(priya_sub)) == 1
    return alert


async def end_priyas_placement(world) -> None:
    url = f"/api/young-people/{world.young['jade']}/placements"
    (placement,) = (await world.sam.client.get(url)).json()
    reply = await world.sam.client.post(f"{url}/{placement['id']}/end")
    assert reply.status_code == 200, reply.text


async def test_a_carer_whose_placement_ended_cannot_open_or_answer_an_old_alert(world, push_service):
    alert = await alert_reaches_priya(world, push_service)
    url = f"/api/alerts/{alert['id']}"
    opened = (await world.priya.client.get(url)).json()
    assert opened["recipient"]["location"]["plus_code"]  # while she looks after Jade
    await end_priyas_placement(world)

    refusals = await audit_count(action="refused", actor_id=world.priya.user_id)
    for method, path in (("GET", url), ("POST", f"{url}/acknowledge"), ("POST", f"{url}/decline")):
        reply = await world.priya.client.request(method, path)
        missing = await world.priya.client.request(
            method, path.replace(alert["id"], alert["id"][:-4] + "0000")
        )
        assert reply.status_code == 404, (method, path, reply.text)
        assert reply.json() == missing.json()  # as for an alert that does not exist
    assert await audit_count(action="refused", actor_id=world.priya.user_id) == refusals + 6
    assert (await world.priya.client.get("/api/alerts/mine")).json() == []
    # Her "I've got this" could not stop the escalation: the alert is still on.
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "active" and status["acknowledged_by"] == ""


async def test_a_carer_still_placed_can_answer(world, push_service):
    alert = await alert_reaches_priya(world, push_service)
    reply = await world.priya.client.post(f"/api/alerts/{alert['id']}/acknowledge")
    assert reply.status_code == 200 and reply.json()["recipient"]["my_status"] == "acknowledged"
    assert [a["young_person_name"] for a in (await world.priya.client.get("/api/alerts/mine")).json()] == [
        "Jade"
    ]


async def test_a_duty_worker_moved_to_another_council_cannot_open_the_alert(world, push_service):
    alex_sub = await subscribe_user(world.alex, push_service)
    await set_duty(world, world.alex, minutes=5)
    # Jade has no people and Priya no notifications or email: it goes to the duty worker.
    alert = await send_alert(world)
    await drain(worker())
    assert len(push_service.notifications(alex_sub)) == 1
    url = f"/api/alerts/{alert['id']}"
    assert (await world.alex.client.get(url)).json()["recipient"]["my_status"] == "opened"

    await User.update(council=await make_council("Otherton Council")).where(User.id == world.alex.user_id)
    assert (await world.alex.client.get(url)).status_code == 404
    assert (await world.alex.client.post(f"{url}/acknowledge")).status_code == 404
    assert (await world.alex.client.get("/api/alerts/mine")).json() == []
    assert await audit_count(action="refused", actor_id=world.alex.user_id) == 2


async def test_a_contact_who_stepped_down_cannot_open_or_answer_an_old_alert(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert = await send_alert(world)
    url = f"/api/contact/alerts/{alert['id']}"
    assert (await lou.get(url)).status_code == 200
    assert (await lou.post("/api/contact/step-down")).status_code == 204
    for reply in (
        await lou.get(url),
        await lou.post(f"{url}/acknowledge"),
        await lou.get("/api/contact/alerts"),
    ):
        assert reply.status_code == 401
    assert (await jade_sees(world, alert["id"]))["state"] == "active"


async def test_a_recipient_sees_the_phone_number_as_it_was_when_the_alert_was_sent(world, push_service):
    url = plan_url(world)
    await edit(world.jade, url, "about_me", {"phone": "07123 456789"})
    await sign_all(world, url)
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert = await send_alert(world)
    # Later the plan says something else: what Lou was sent does not change.
    await edit(world.jade, url, "about_me", {"phone": "07123 456000"})
    await sign_all(world, url)
    view = (await lou.get(f"/api/contact/alerts/{alert['id']}")).json()
    assert view["young_person_phone"] == "+447123456789"
    # Kept encrypted, like the location.
    stored = (await Alert.select(Alert.phone).where(Alert.id == alert["id"]).first())["phone"]
    assert stored and "456789" not in stored


async def test_an_alert_sent_with_no_phone_in_the_plan_never_shows_a_later_one(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert = await send_alert(world)
    url = plan_url(world)
    await edit(world.jade, url, "about_me", {"phone": "07123 456789"})
    await sign_all(world, url)
    clock.travel(dt.timedelta(seconds=5))
    assert (await lou.get(f"/api/contact/alerts/{alert['id']}")).json()["young_person_phone"] == ""
