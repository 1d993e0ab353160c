"""Who is told when a carer starts the worried guide, reports or records the return:
the young person's social workers, and outside the council's office hours the social
workers on duty too (seed 003 6.3.6: "The emergency duty team, if out of hours").
Called inside the write transaction; the notices are sent after it commits."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from backend import clock
from backend.accounts.actor import Actor
from backend.councils import api as councils
from backend.episodes import words
from backend.notify import api as notify
from backend.young_people import api as young_people
from backend.young_people.api import Record

STALE = dt.timedelta(days=1)


async def _send(
    to: set[uuid.UUID],
    code: str,
    params: dict[str, Any],
    record_id: uuid.UUID,
    episode_id: uuid.UUID,
    key: str,
) -> None:
    for user_id in sorted(to, key=str):
        await notify.send(
            to_user=user_id,
            code=code,
            params=params,
            young_person_id=record_id,
            link=f"#/episodes/{episode_id}",
            once_key=f"episode:{episode_id}:{key}",
        )


async def _people(
    young_person_id: uuid.UUID, council_id: uuid.UUID, now: dt.datetime, skip: uuid.UUID | None
) -> set[uuid.UUID]:
    """Who to tell about something that happened at `now`; nobody when it was long ago
    (an episode recorded after the fact, or the demo's past year)."""
    if clock.now() - now > STALE:
        return set()
    people = {adult.id for adult in await young_people.social_workers(young_person_id)}
    if not await councils.is_working_time(council_id, now):
        people |= {duty.id for duty in await councils.on_duty(council_id, now)}
    people.discard(skip)
    return people


async def started(actor: Actor, record: Record, episode_id: uuid.UUID, now: dt.datetime) -> None:
    people = await _people(record.id, record.council_id, now, actor.user_id)
    params = {"carer": actor.display_name, "young_person": record.preferred_name}
    await _send(people, words.NOTICE_STARTED, params, record.id, episode_id, "started")


async def reported(row: dict[str, Any], now: dt.datetime) -> None:
    await _tell(row, now, words.NOTICE_REPORTED, "reported")


async def back(row: dict[str, Any], now: dt.datetime) -> None:
    await _tell(row, now, words.NOTICE_BACK, "back")


async def _tell(row: dict[str, Any], now: dt.datetime, code: str, key: str) -> None:
    record = await young_people.record(row["young_person"])
    if record is None:
        return
    people = await _people(record.id, record.council_id, now, None)
    await _send(people, code, {"young_person": record.preferred_name}, record.id, row["id"], key)
