"""Episodes for the actions tests through the episodes routes, as a carer records them;
interviews told through their hooks exactly as the interviews domain tells them (inside a
write transaction); and the clock moved to exact moments."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from backend import clock, hooks, wiring
from backend.actions.triggers import sweep
from backend.db import write_transaction
from tests.factories import sign_in_directly

LONDON = ZoneInfo("Europe/London")
DASHBOARD = "/api/actions/dashboard"

__all__ = ["DASHBOARD", "LONDON", "sweep"]


def london(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)


def travel_to(at: dt.datetime) -> None:
    clock.travel(at - clock.now())


async def emit(topic: hooks.Topic, payload) -> None:
    wiring.connect()
    async with write_transaction():
        await hooks.emit(topic, payload)


CARERS = {"jade": "priya", "mia": "olu"}


def _now() -> str:
    return clock.now().isoformat()


async def go_missing(world, key: str = "jade", reported: bool = True) -> uuid.UUID:
    """The carer starts the worried guide now, last seen now (and reports it to the
    police), through the episodes routes."""
    carer = world.people[CARERS[key]]
    await fresh(carer)
    url = f"/api/young-people/{world.young[key]}/episodes"
    started = await carer.client.post(url, json={"last_seen_at": _now(), "last_seen_where": "Leaving school"})
    assert started.status_code == 201, started.text
    episode_id = started.json()["id"]
    if reported:
        body = {"reported_at": _now(), "cad_number": "CAD 1234 29/11", "police_risk_grade": "medium"}
        reply = await carer.client.post(f"/api/episodes/{episode_id}/report", json=body)
        assert reply.status_code == 200, reply.text
    return uuid.UUID(episode_id)


async def come_back(world, episode_id: uuid.UUID, key: str = "jade") -> None:
    """Back now (a reported episode)."""
    await _back(world, episode_id, key, "return")


async def found_before_reporting(world, episode_id: uuid.UUID, key: str = "jade") -> None:
    await _back(world, episode_id, key, "close-unreported")


async def _back(world, episode_id, key, route) -> None:
    carer = world.people[CARERS[key]]
    await fresh(carer)
    body = {"returned_at": _now(), "how_found": "came_back"}
    reply = await carer.client.post(f"/api/episodes/{episode_id}/{route}", json=body)
    assert reply.status_code == 200, reply.text


async def interview(world, topic: hooks.Topic, episode_id: uuid.UUID, key="jade", risk=None) -> None:
    await emit(
        topic,
        hooks.InterviewEvent(uuid.uuid4(), episode_id, world.young[key], world.council_id, clock.now(), risk),
    )


async def fresh(*people) -> None:
    """Sign in again: the clock moved past the idle time-out."""
    for person in people:
        await sign_in_directly(person, person.client)


async def dashboard(person) -> dict:
    await fresh(person)
    reply = await person.client.get(DASHBOARD)
    assert reply.status_code == 200, reply.text
    return reply.json()


async def kinds(person) -> list[str]:
    """The open actions on their dashboard, most urgent first."""
    return [action["kind"] for action in (await dashboard(person))["actions"]]


async def notices(person) -> list[dict]:
    """The notices the person reads at #/notices, newest first."""
    await fresh(person)
    reply = await person.client.get("/api/notices")
    assert reply.status_code == 200, reply.text
    return reply.json()["notices"]
