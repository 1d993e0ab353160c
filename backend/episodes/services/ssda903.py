"""The SSDA903 return's Missing and Header tables from the recorded episodes, for one
council and collection year. The format and which rows go in are backend/exports/
ssda903.py's (pure); this reads the episodes and the young people's details for it.

- Only episodes from care of young people the council looks after now (their record says
  "looked after"); episodes from home are not part of this return.
- MISSING is "A" when the episode says they were away without authorisation, else "M"
  (missing: the default when nobody said).
- The child id, date of birth, sex and ethnicity come from young_people.api.details; no
  sex is "U" (not known) and no ethnicity "NOBT" (information not yet obtained), as the
  DfE codes them; a child with no council child id stops the export (Conflict naming how
  many), because a row without CHILD cannot be matched to anything.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal, cast

from backend.accounts.actor import Actor
from backend.accounts.api import Role
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.episodes import words
from backend.episodes.schemas import Absence, MissingFrom, Ssda903Choices
from backend.episodes.tables import Episode
from backend.errors import Conflict, Forbidden
from backend.exports import ssda903
from backend.i18n import Message
from backend.young_people import api as young_people

TABLES = ("missing", "header")


def may_export(actor: Actor, council_id: uuid.UUID) -> bool:
    """A manager, for their own council only."""
    return actor.role == Role.MANAGER and actor.council_id is not None and actor.council_id == council_id


async def tables(council_id: uuid.UUID, year_label: str) -> ssda903.Tables:
    year = ssda903.parse_collection_year(year_label)
    # Everything that started before 1 April after the year (England); the pure part
    # drops what ended before the year began.
    until = dt.datetime.combine(year.end + dt.timedelta(days=1), dt.time(), ssda903.ENGLAND)
    rows = await Episode.select(
        Episode.young_person, Episode.started_at, Episode.returned_at, Episode.absence
    ).where(
        (Episode.council == council_id)
        & (Episode.missing_from == MissingFrom.CARE)
        & (Episode.started_at < until)
    )
    details = await young_people.details([row["young_person"] for row in rows]) if rows else {}
    looked_after = {key: value for key, value in details.items() if value.looked_after}
    episodes: list[ssda903.Episode] = []
    without_id: set[uuid.UUID] = set()
    for row in rows:
        child = looked_after.get(row["young_person"])
        if child is None:
            continue
        episode = ssda903.Episode(
            child.child_code or str(child.young_person_id),
            "A" if row["absence"] == Absence.AWAY else "M",
            as_utc(row["started_at"]),
            as_utc(row["returned_at"]) if row["returned_at"] else None,
            from_care=True,
        )
        if not ssda903.is_reported(episode, year):
            continue
        if not child.child_code:
            without_id.add(child.young_person_id)
            continue
        episodes.append(episode)
    if without_id:
        raise Conflict(Message(words.SSDA903_NO_CHILD_ID, count=len(without_id)))
    reported = {episode.child_id for episode in episodes}
    children = [
        ssda903.Child(
            child.child_code,
            child.date_of_birth,
            # Child() checks the code itself; young_people keeps only M or F.
            cast(Literal["M", "F", "U"], str(child.sex) if child.sex else "U"),
            str(child.ethnicity) if child.ethnicity else "NOBT",
        )
        for child in looked_after.values()
        if child.child_code in reported
    ]
    return ssda903.export(children, episodes, year)


async def download(actor: Actor, council_id: uuid.UUID, year_label: str, table: str, now: dt.datetime) -> str:
    """One table as CSV text, for the council's manager; audited."""
    if not may_export(actor, council_id):
        await audit.record(actor, Action.REFUSED, words.TRY_SSDA903, params={"year": year_label[:10]}, at=now)
        raise Forbidden(words.SSDA903_MANAGERS_ONLY)
    made = await tables(council_id, year_label)
    await audit.record(
        actor, Action.READ, words.SSDA903_EXPORTED, params={"year": made.year.label, "table": table}, at=now
    )
    return made.missing if table == "missing" else made.header


def years(today: dt.date) -> list[str]:
    """The collection years a return can be made for, newest (the one under way) first."""
    current = today.year if today >= dt.date(today.year, 4, 1) else today.year - 1
    return [f"{first}-{(first + 1) % 100:02d}" for first in range(current, ssda903.FIRST_YEAR - 1, -1)]


async def choices(actor: Actor, now: dt.datetime) -> Ssda903Choices:
    """What the manager's screen offers: their council and the years."""
    if actor.council_id is None or not may_export(actor, actor.council_id):
        raise Forbidden(words.SSDA903_MANAGERS_ONLY)
    return Ssda903Choices(council_id=actor.council_id, years=years(ssda903.local_date(now)))


async def for_command(council_id: uuid.UUID, year_label: str, now: dt.datetime) -> ssda903.Tables:
    """Both tables, for `homeward export ssda903` (audited as done by Homeward itself)."""
    made = await tables(council_id, year_label)
    await audit.record(
        None, Action.READ, words.SSDA903_EXPORTED, params={"year": made.year.label, "table": "both"}, at=now
    )
    return made
