"""Alerts without a push service: idempotency, access, and the end of the line."""

import uuid

import pytest

from backend.alerts.worker import AlertWorker

# Written before office hours mattered: the duty rota answers for the social worker's step.
pytestmark = pytest.mark.usefixtures("out_of_hours_now")


def key() -> str:
    return uuid.uuid4().hex


async def test_an_alert_nobody_can_receive_ends_failed_and_tells_jade_to_call_999(world):
    # Jade has no people and Priya has no notifications or email: nobody can be reached.
    reply = await world.jade.client.post("/api/alerts", json={"idempotency_key": key()})
    assert reply.status_code == 201, reply.text
    status = reply.json()
    assert status["state"] == "failed"
    assert "call 999" in status["advice"]
    assert any("Could not reach your carer" in e["what"] for e in status["events"])


async def test_a_double_tap_sends_one_alert(world):
    body = {"idempotency_key": key(), "kind": "call_me"}
    first = await world.jade.client.post("/api/alerts", json=body)
    second = await world.jade.client.post("/api/alerts", json=body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    history = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/alerts")).json()
    assert len(history) == 1 and history[0]["kind_words"] == "Please call me"


async def test_only_a_young_person_sends_alerts_and_strangers_cannot_read_them(world):
    reply = await world.priya.client.post("/api/alerts", json={"idempotency_key": key()})
    assert reply.status_code == 403
    alert = (await world.jade.client.post("/api/alerts", json={"idempotency_key": key()})).json()
    assert (await world.alex.client.get(f"/api/alerts/{alert['id']}")).status_code == 404
    assert (await world.mia.client.get(f"/api/alerts/{alert['id']}")).status_code == 404
    assert (await world.sam.client.get(f"/api/alerts/{alert['id']}")).status_code == 200
    history = f"/api/young-people/{world.young['jade']}/alerts"
    assert (await world.alex.client.get(history)).status_code == 404


async def test_bad_alert_input_is_refused_and_nothing_is_sent(world):
    bad = [
        {"idempotency_key": "short"},
        {"idempotency_key": key(), "kind": "party"},
        {"idempotency_key": key(), "location": {"latitude": 91, "longitude": 0}},
    ]
    for body in bad:
        reply = await world.jade.client.post("/api/alerts", json=body)
        assert reply.status_code == 422, body
        assert reply.headers["content-type"] == "application/problem+json"
    history = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/alerts")).json()
    assert history == []


async def test_worker_with_nothing_to_do_does_nothing(world):
    assert await AlertWorker(channels={}).run_once() == 0


async def test_racing_retries_of_one_tap_make_one_alert(world):
    import asyncio

    body = {"idempotency_key": key()}
    replies = await asyncio.gather(*(world.jade.client.post("/api/alerts", json=body) for _ in range(8)))
    assert sorted(r.status_code for r in replies) == [200] * 7 + [201]
    assert len({r.json()["id"] for r in replies}) == 1


async def test_two_young_people_may_use_the_same_key_without_meeting(world):
    body = {"idempotency_key": "same-key-from-two-phones"}
    jade = await world.jade.client.post("/api/alerts", json=body)
    mia = await world.mia.client.post("/api/alerts", json=body)
    assert (jade.status_code, mia.status_code) == (201, 201)
    assert jade.json()["id"] != mia.json()["id"]
