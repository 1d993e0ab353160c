"""Episodes and interviews for the actions tests, told through the hooks exactly as the
episodes and interviews domains tell them (inside a write transaction), with the World's
real young people; and the clock moved to exact moments."""

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


async def go_missing(world, key: str = "jade", reported: bool = True) -> uuid.UUID:
    """The carer starts the worried guide now (and reports it to the police)."""
    episode_id, at = uuid.uuid4(), clock.now()
    young_person_id = world.young[key]
    await emit(
        hooks.Topic.EPISODE_STARTED,
        hooks.EpisodeStarted(episode_id, young_person_id, world.council_id, at, world.priya.user_id),
    )
    if reported:
        await emit(
            hooks.Topic.EPISODE_REPORTED,
            hooks.EpisodeReported(episode_id, young_person_id, world.council_id, at, at, "medium"),
        )
    return episode_id


async def come_back(world, episode_id: uuid.UUID, started_at: dt.datetime, key: str = "jade") -> None:
    await emit(
        hooks.Topic.EPISODE_RETURNED,
        hooks.EpisodeReturned(
            episode_id, world.young[key], world.council_id, "care", started_at, clock.now()
        ),
    )


async def interview(world, topic: hooks.Topic, episode_id: uuid.UUID, key="jade", risk=None) -> None:
    await emit(
        topic,
        hooks.InterviewEvent(uuid.uuid4(), episode_id, world.young[key], world.council_id, clock.now(), risk),
    )


async def fresh(*people) -> None:
    """Sign in again: the clock moved past a professional's idle time-out."""
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
