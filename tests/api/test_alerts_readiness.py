"""Before a first alert: who an alert sent now would reach, and how, for the young person
and the adults around them; it tells the truth the alert itself would find."""

import dataclasses

from backend.config import get_settings
from tests.api.alerts_helpers import (
    active_contact,
    office_hours,
    out_of_hours,
    send_alert,
    set_duty,
    subscribe_contact,
    subscribe_user,
)
from tests.factories import audit_count


def url(world) -> str:
    return f"/api/young-people/{world.young['jade']}/alerts/readiness"


def rows(reply: dict) -> list[tuple]:
    return [(p["name"], p["role"], p["level"], p["reach"]) for p in reply["people"]]


async def test_out_of_the_box_an_alert_would_reach_nobody_and_says_so(world):
    await out_of_hours(world)
    reply = await world.jade.client.get(url(world))
    assert reply.status_code == 200
    ready = reply.json()
    assert ready["first_level"] is None and ready["young_person_name"] == "Jade"
    assert rows(ready) == [("Priya Shah", "carer", 1, "none")]
    assert ready["young_person_notifications"] is False and ready["office_hours"] is False
    # The alert finds the same: nobody could be reached.
    status = await send_alert(world)
    assert status["state"] == "failed" and status["advice"].startswith("We couldn't reach any of your people")


async def test_each_person_shows_how_the_alert_would_reach_them(world, push_service):
    await office_hours(world)
    await set_duty(world, world.alex, cover="out_of_hours")
    lou = await active_contact(world, "Lou")
    await active_contact(world, "Dan", email="dan@example.org", phone="")
    await subscribe_contact(lou, push_service)
    ready = (await world.jade.client.get(url(world))).json()
    assert ready["first_level"] == 0 and ready["office_hours"] is True
    # No email is set up here: Dan's address would not carry an alert.
    assert rows(ready) == [
        ("Lou", "trusted_contact", 0, "notifications"),
        ("Dan", "trusted_contact", 0, "none"),
        ("Priya Shah", "carer", 1, "none"),
        ("Sam Okafor", "social_worker", 2, "none"),
    ]
    assert [p["has_phone"] for p in ready["people"][:2]] == [True, False]
    assert not any(p["is_you"] for p in ready["people"])

    # Priya sees herself in the list, turns notifications on, and it shows.
    priyas = (await world.priya.client.get(url(world))).json()
    assert [p["is_you"] for p in priyas["people"]] == [False, False, True, False]
    assert priyas["reader_notifications"] is False
    await subscribe_user(world.priya, push_service)
    await subscribe_user(world.jade, push_service)
    priyas = (await world.priya.client.get(url(world))).json()
    assert priyas["people"][2]["reach"] == "notifications" and priyas["reader_notifications"] is True
    assert priyas["young_person_notifications"] is True


async def test_out_of_hours_the_social_workers_step_is_the_one_on_duty(world, push_service):
    await out_of_hours(world)
    await set_duty(world, world.alex, cover="out_of_hours")
    await subscribe_user(world.alex, push_service)
    ready = (await world.sam.client.get(url(world))).json()
    assert rows(ready) == [("Priya Shah", "carer", 1, "none"), ("Alex Reid", "duty", 2, "notifications")]
    assert ready["first_level"] == 2


async def test_email_counts_only_when_email_is_set_up(world, monkeypatch):
    await out_of_hours(world)
    await active_contact(world, "Dan", email="dan@example.org")
    settings = dataclasses.replace(get_settings(), smtp_host="mail.example.org")
    monkeypatch.setattr("backend.alerts.outbox.get_settings", lambda: settings)
    ready = (await world.jade.client.get(url(world))).json()
    assert rows(ready)[0] == ("Dan", "trusted_contact", 0, "email") and ready["first_level"] == 0


async def test_a_stranger_is_refused_and_it_is_audited(world):
    before = await audit_count(action="refused", actor_id=world.alex.user_id)
    assert (await world.alex.client.get(url(world))).status_code == 404
    assert (await world.mia.client.get(url(world))).status_code == 404
    assert await audit_count(action="refused", actor_id=world.alex.user_id) == before + 1


async def test_an_adult_turns_their_alerts_off_and_readiness_says_so(world, push_service):
    await out_of_hours(world)
    await subscribe_user(world.priya, push_service)
    assert (await world.jade.client.get(url(world))).json()["first_level"] == 1
    assert (await world.priya.client.delete("/api/push/subscription")).status_code == 204
    ready = (await world.jade.client.get(url(world))).json()
    assert ready["first_level"] is None and rows(ready) == [("Priya Shah", "carer", 1, "none")]
    assert (await world.anonymous().delete("/api/push/subscription")).status_code == 401


async def test_signing_out_on_one_browser_turns_off_only_that_browsers_alerts(world, push_service):
    await out_of_hours(world)
    laptop = await subscribe_user(world.priya, push_service)
    phone = await subscribe_user(world.priya, push_service)
    gone = await world.priya.client.delete("/api/push/subscription", params={"endpoint": laptop["endpoint"]})
    assert gone.status_code == 204
    # Her phone still gets Jade's alerts; the laptop she signed out of does not.
    ready = (await world.jade.client.get(url(world))).json()
    assert rows(ready) == [("Priya Shah", "carer", 1, "notifications")]
    assert (
        await world.priya.client.delete("/api/push/subscription", params={"endpoint": phone["endpoint"]})
    ).status_code == 204
    ready = (await world.jade.client.get(url(world))).json()
    assert rows(ready) == [("Priya Shah", "carer", 1, "none")]
    # Someone else's endpoint is not theirs to remove: nothing of Priya's changes.
    again = await subscribe_user(world.priya, push_service)
    assert (
        await world.sam.client.delete("/api/push/subscription", params={"endpoint": again["endpoint"]})
    ).status_code == 204
    assert rows((await world.jade.client.get(url(world))).json()) == [
        ("Priya Shah", "carer", 1, "notifications")
    ]
