"""Taps while an alert is on send that alert again: one alert, one escalation, its
people asked again at most once a minute; retries of one tap still count once."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest

from backend import clock
from backend.alerts.tables import Alert, AlertEvent, AlertTap, Delivery
from backend.alerts.words import SENT_AGAIN
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    jade_sees,
    subscribe_contact,
    subscribe_user,
    worker,
)

# Written before office hours mattered: the duty rota answers for the social worker's step.
pytestmark = pytest.mark.usefixtures("out_of_hours_now")


def tap(**extra) -> dict:
    return {"idempotency_key": uuid.uuid4().hex, **extra}


async def events(world, alert_id) -> list[str]:
    return [event["what"] for event in (await jade_sees(world, alert_id))["events"]]


async def test_twenty_taps_make_one_alert_and_one_escalation(world, push_service):
    lou = await active_contact(world, "Lou")
    lou_sub = await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert_worker = worker()
    first = await world.jade.client.post("/api/alerts", json=tap())
    assert first.status_code == 201
    alert_id = first.json()["id"]
    for _ in range(19):
        again = await world.jade.client.post("/api/alerts", json=tap())
        assert (again.status_code, again.json()["id"]) == (200, alert_id)
        await drain(alert_worker)
    assert await Alert.count() == 1
    assert await AlertTap.count() == 19
    # Lou was sent it a moment ago: not asked again within the minute.
    assert len(push_service.notifications(lou_sub)) == 1
    said = await events(world, alert_id)
    assert said.count("You sent it again") == 1  # the story says so once a minute
    status = await jade_sees(world, alert_id)
    assert status["sent_again_at"] is not None

    clock.travel(dt.timedelta(minutes=5, seconds=5))
    await drain(alert_worker)
    assert len(push_service.notifications(priya_sub)) == 1  # one escalation, not twenty
    history = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/alerts")).json()
    assert len(history) == 1


async def test_a_tap_a_minute_later_asks_the_people_who_have_not_answered_again(world, push_service):
    lou = await active_contact(world, "Lou")
    dan = await active_contact(world, "Dan")
    lou_sub = await subscribe_contact(lou, push_service)
    dan_sub = await subscribe_contact(dan, push_service)
    alert_worker = worker()
    alert_id = (await world.jade.client.post("/api/alerts", json=tap())).json()["id"]
    await drain(alert_worker)
    await dan.post(f"/api/contact/alerts/{alert_id}/decline")  # Dan has answered

    clock.travel(dt.timedelta(seconds=61))
    await world.jade.client.post("/api/alerts", json=tap())
    await drain(alert_worker)
    assert push_service.notifications(lou_sub, as_json=True) == [{"alert_id": alert_id, "type": "alert"}] * 2
    assert len(push_service.notifications(dan_sub)) == 1
    said = await events(world, alert_id)
    assert said[-2:] == ["You sent it again", "Sent again to your people: Lou"]

    # Straight after: the story does not repeat and nobody is asked again yet.
    await world.jade.client.post("/api/alerts", json=tap())
    await drain(alert_worker)
    assert len(push_service.notifications(lou_sub)) == 2
    assert await events(world, alert_id) == said

    # Lou sees it was sent again, and when.
    view = (await lou.get(f"/api/contact/alerts/{alert_id}")).json()
    assert view["sent_again_at"] is not None


async def test_retries_of_one_later_tap_count_once(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert_id = (await world.jade.client.post("/api/alerts", json=tap())).json()["id"]
    clock.travel(dt.timedelta(seconds=61))
    second = tap()
    replies = await asyncio.gather(*(world.jade.client.post("/api/alerts", json=second) for _ in range(5)))
    assert {reply.status_code for reply in replies} == {200}
    assert {reply.json()["id"] for reply in replies} == {alert_id}
    assert await AlertTap.count() == 1
    assert (await events(world, alert_id)).count("You sent it again") == 1
    assert await Delivery.count() == 2  # Lou once at first, once again: not five times


async def test_taps_racing_with_different_keys_make_one_alert(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    replies = await asyncio.gather(*(world.jade.client.post("/api/alerts", json=tap()) for _ in range(8)))
    assert sorted(reply.status_code for reply in replies) == [200] * 7 + [201]
    assert len({reply.json()["id"] for reply in replies}) == 1
    assert await Alert.count() == 1


async def test_a_new_place_shared_on_a_later_tap_is_what_recipients_see(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert_id = (await world.jade.client.post("/api/alerts", json=tap())).json()["id"]
    await world.jade.client.post(
        "/api/alerts", json=tap(location={"latitude": 51.5007, "longitude": -0.1246})
    )
    assert "You sent it again and shared where you are now" in await events(world, alert_id)
    view = (await lou.get(f"/api/contact/alerts/{alert_id}")).json()
    assert view["location"]["plus_code"] == "9C3XGV2G+75"


async def test_once_the_alert_has_ended_a_tap_starts_a_new_one(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    first = (await world.jade.client.post("/api/alerts", json=tap())).json()
    await lou.post(f"/api/contact/alerts/{first['id']}/acknowledge")
    second = await world.jade.client.post("/api/alerts", json=tap())
    assert second.status_code == 201 and second.json()["id"] != first["id"]
    assert await AlertEvent.count().where(AlertEvent.code == SENT_AGAIN) == 0
