"""What other domains may ask of missing episodes: typed facts, read-only.

Nobody outside episodes reads its tables or its sealed details. Access checks are the
caller's. Hooks emitted (payloads in backend/hooks.py), inside the write transaction:
EPISODE_STARTED (the worried guide started), EPISODE_REPORTED (reported to the police),
EPISODE_RETURNED (a reported episode ended) and EPISODE_CLOSED_UNREPORTED (found before
anyone reported it).
"""

from __future__ import annotations

import datetime as dt
import uuid

from piccolo.custom_types import Combinable

from backend.episodes.schemas import EpisodeFacts
from backend.episodes.services.records import facts as _facts
from backend.episodes.services.records import open_states
from backend.episodes.services.ssda903 import for_command as ssda903_tables
from backend.episodes.tables import Episode

__all__ = ["EpisodeFacts", "facts", "for_young_person", "get", "open_episodes", "ssda903_tables"]


async def facts(*, council_id: uuid.UUID, start: dt.datetime, end: dt.datetime) -> list[EpisodeFacts]:
    """The council's episodes that started in [start, end), oldest first."""
    rows = (
        await Episode.select()
        .where((Episode.council == council_id) & (Episode.started_at >= start) & (Episode.started_at < end))
        .order_by(Episode.started_at)
    )
    return [_facts(row) for row in rows]


async def open_episodes(council_id: uuid.UUID | None = None) -> list[EpisodeFacts]:
    """Episodes still open (not yet reported, or reported and not back), oldest first;
    of one council, or of every council when None."""
    where: Combinable = Episode.state.is_in(list(open_states()))
    if council_id is not None:
        where &= Episode.council == council_id
    return [_facts(row) for row in await Episode.select().where(where).order_by(Episode.started_at)]


async def for_young_person(young_person_id: uuid.UUID) -> list[EpisodeFacts]:
    """The young person's episodes, newest first."""
    rows = (
        await Episode.select()
        .where(Episode.young_person == young_person_id)
        .order_by(Episode.started_at, ascending=False)
    )
    return [_facts(row) for row in rows]


async def get(episode_id: uuid.UUID) -> EpisodeFacts | None:
    row = await Episode.select().where(Episode.id == episode_id).first()
    return _facts(row) if row else None
