"""Episode rows as typed records, the timeline, and the entry checks every write shares.
No access rules here: callers have been through `young_people.api.require` or hold a
trusted contact's own sign-in."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action, Who, who
from backend.clock import as_utc
from backend.episodes import words
from backend.episodes.schemas import EpisodeFacts, EpisodeState, TimelineEntry
from backend.episodes.tables import Episode, EpisodeEvent
from backend.errors import Invalid, NotFound
from backend.sealed import seal, seal_json, unseal, unseal_json
from backend.words import Reader, render
from backend.young_people import api as young_people

# A little slack for a phone whose clock runs ahead of ours.
CLOCK_SLACK = dt.timedelta(minutes=2)
# Police incident references look like "CAD 1234 29/11/26", "44260123456" or "HC-0923".
CAD_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 /\-]{2,39}$")


def facts(row: dict[str, Any]) -> EpisodeFacts:
    return EpisodeFacts(
        episode_id=row["id"],
        young_person_id=row["young_person"],
        council_id=row["council"],
        missing_from=row["missing_from"],
        started_at=as_utc(row["started_at"]),
        reported_at=_utc(row["reported_at"]),
        returned_at=_utc(row["returned_at"]),
        unreported=row["state"] == EpisodeState.CLOSED_UNREPORTED,
        police_risk_grade=row["police_risk_grade"],
        suggested_risk_grade=row["suggested_risk_grade"],
        state=row["state"],
        absence=row.get("absence"),
    )


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return as_utc(value) if value is not None else None


def details(row: dict[str, Any]) -> dict[str, Any]:
    return unseal_json(row["details"]) if row["details"] else {}


async def row_of(episode_id: uuid.UUID) -> dict[str, Any] | None:
    return await Episode.select().where(Episode.id == episode_id).first()


async def open_row(young_person_id: uuid.UUID) -> dict[str, Any] | None:
    return (
        await Episode.select()
        .where((Episode.young_person == young_person_id) & Episode.state.is_in(list(open_states())))
        .first()
    )


async def periods(young_person_id: uuid.UUID) -> list[tuple[dt.datetime, dt.datetime | None, uuid.UUID]]:
    """Every time they were away, from home or care: (started, back or None, episode id)."""
    rows = await Episode.select(Episode.id, Episode.started_at, Episode.returned_at).where(
        Episode.young_person == young_person_id
    )
    return [
        (as_utc(row["started_at"]), as_utc(row["returned_at"]) if row["returned_at"] else None, row["id"])
        for row in rows
    ]


def open_states() -> tuple[str, ...]:
    return (EpisodeState.OPEN.value, EpisodeState.REPORTED.value)


# -- entry checks ----------------------------------------------------------------------------


def when(
    field: str, value: dt.datetime, now: dt.datetime, not_before: dt.datetime | None = None
) -> dt.datetime:
    """A time someone entered: aware UTC, not in the future, not before `not_before`."""
    at = as_utc(value)
    if at > now + CLOCK_SLACK:
        raise Invalid({field: words.IN_FUTURE})
    if not_before is not None and at < as_utc(not_before):
        raise Invalid({field: words.BEFORE_START})
    return min(at, now)


def cad_number(raw: str) -> str:
    value = " ".join(raw.split())
    if not CAD_PATTERN.match(value):
        raise Invalid({"cad_number": words.BAD_CAD})
    return value


# -- the timeline ----------------------------------------------------------------------------


def by_columns(by: Actor | Who) -> dict[str, Any]:
    """Who recorded something, as the timeline and checklist rows keep it."""
    person = who(by)
    is_contact = isinstance(by, Who) and person.role == "trusted_contact"
    return {
        "by_user": None if is_contact else person.id,
        "by_contact": person.id if is_contact else None,
        "by_name": seal(person.name[:120]),
        "by_role": person.role,
    }


async def add_event(
    episode_id: uuid.UUID, code: str, by: Actor | Who, at: dt.datetime, params: dict[str, Any] | None = None
) -> None:
    await EpisodeEvent.insert(
        EpisodeEvent(
            episode=episode_id,
            at=at,
            code=code,
            params=seal_json(params) if params else None,
            **by_columns(by),
        )
    )


async def timeline(episode_id: uuid.UUID, young_person_name: str) -> list[TimelineEntry]:
    rows = await EpisodeEvent.select().where(EpisodeEvent.episode == episode_id).order_by(EpisodeEvent.at)
    entries = []
    for row in rows:
        params = unseal_json(row["params"]) if row["params"] else {}
        entries.append(
            TimelineEntry(
                at=as_utc(row["at"]),
                code=row["code"],
                text=render(row["code"], {"young_person": young_person_name, **params}, Reader.ADULT),
                by=unseal(row["by_name"]),
                role=row["by_role"],
            )
        )
    return entries


async def episode_for(
    actor: Actor, episode_id: uuid.UUID, allowed, attempt: str
) -> tuple[dict[str, Any], str]:
    """The episode's row and the caller's relation to its young person if `allowed`;
    otherwise the refusal is audited and answered exactly as an id that does not exist
    (probing for ids is audited too)."""
    row = await row_of(episode_id)
    relation = await young_people.relation_of(actor, row["young_person"]) if row else None
    # No relation at all is refused whatever `allowed` says (none of the guards allows it).
    if row is None or relation is None or not allowed(relation):
        await audit.record(actor, Action.REFUSED, attempt, row["young_person"] if row else None)
        raise NotFound(words.NOT_FOUND)
    return row, relation
