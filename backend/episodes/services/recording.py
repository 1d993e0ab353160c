"""The worried guide and the episode record: start, risk factors, report, return,
unreported absence, follow-up. Every write is one transaction that also writes the
timeline and the audit log and emits the hook other domains react to."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

import msgspec
from piccolo.columns import Column

from backend import hooks
from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.db import write_transaction
from backend.episodes import guards, vocabulary, words
from backend.episodes.schemas import (
    EpisodeOut,
    EpisodeState,
    FollowUpIn,
    FoundIn,
    MissingFrom,
    ReportIn,
    RiskIn,
    StartIn,
)
from backend.episodes.services import notices
from backend.episodes.services.records import (
    add_event,
    cad_number,
    details,
    episode_for,
    open_row,
    periods,
    row_of,
    when,
)
from backend.episodes.services.view import episode_view
from backend.episodes.tables import Episode, SearchPlace
from backend.errors import Conflict, Invalid
from backend.exports import episode_rules
from backend.plans import api as plans
from backend.plans.schemas import Place
from backend.sealed import seal_json
from backend.young_people import api as young_people


async def _episode(actor: Actor, episode_id: uuid.UUID, attempt: str = words.TRY_CHANGE):
    """The episode's row and the caller's relation, refused as a missing id to anyone
    who may not record it."""
    return await episode_for(actor, episode_id, guards.may_record, attempt)


async def start(actor: Actor, young_person_id: uuid.UUID, data: StartIn, now: dt.datetime) -> EpisodeOut:
    """The carer starts the worried guide: an open episode, with the plan's places as
    the checklist, and the social worker told (and the worker on duty out of hours)."""
    relation = await young_people.require(actor, young_person_id, guards.may_start, words.TRY_START)
    last_seen = when("last_seen_at", data.last_seen_at, now)
    record = await young_people.record(young_person_id)
    assert record is not None, "require() has just found this young person"
    agreed = await plans.agreed_content(young_person_id)
    places: dict[tuple[str, str], Place] = {}
    if agreed is not None and agreed.content.places is not None:
        # A place can be both somewhere they might go and somewhere safe: list it once.
        for place in [*agreed.content.places.might_go, *agreed.content.places.safe]:
            places.setdefault((place.name.casefold(), place.where.casefold()), place)
    episode = Episode(
        young_person=young_person_id,
        council=record.council_id,
        state=EpisodeState.OPEN,
        missing_from=data.missing_from,
        started_at=last_seen,
        opened_at=now,
        opened_by=actor.user_id,
        details=seal_json(
            {
                "last_seen_where": data.last_seen_where,
                "circumstances": data.circumstances,
                "description": data.description,
            }
        ),
        updated_at=now,
    )
    async with write_transaction():
        await young_people.hold(young_person_id)
        if await open_row(young_person_id) is not None:
            raise Conflict(words.ALREADY_OPEN)
        problems = episode_rules.check_episode(
            last_seen,
            None,
            date_of_birth=record.date_of_birth,
            # Earlier episodes only: one recorded late may come before a later one, as long
            # as its return (checked then) is before that one began.
            others=[(start, end) for start, end, _ in await periods(young_person_id) if start <= last_seen],
            now=now,
            start_field="last_seen_at",
        )
        if problems:
            raise Invalid(problems)
        await Episode.insert(episode)
        for position, place in enumerate(places.values()):
            await SearchPlace.insert(
                SearchPlace(
                    episode=episode.id,
                    position=position,
                    place=seal_json(msgspec.to_builtins(place)),
                    updated_at=now,
                )
            )
        await add_event(episode.id, words.STARTED, actor, now)
        await audit.record(actor, Action.CHANGE, words.STARTED, young_person_id, at=now)
        await notices.started(actor, record, episode.id, now)
        await hooks.emit(
            hooks.Topic.EPISODE_STARTED,
            hooks.EpisodeStarted(
                episode_id=episode.id,
                young_person_id=young_person_id,
                council_id=record.council_id,
                started_at=last_seen,
                by_user_id=actor.user_id,
            ),
        )
    return await episode_view(relation, episode.id, actor.user_id)


async def _change(
    row: dict[str, Any], now: dt.datetime, changes: dict[str, Any], more: dict[str, Any]
) -> None:
    """Update the row and its sealed details (`more` merged in)."""
    # Piccolo's update() takes keys typed as columns or their names: these are names.
    values = cast("dict[Column | str, Any]", {**changes, "updated_at": now})
    if more:
        values["details"] = seal_json({**details(row), **more})
    await Episode.update(values).where(Episode.id == row["id"])


async def _locked(row: dict[str, Any]) -> dict[str, Any]:
    """The row again inside the write transaction, after holding the young person: two
    taps at once act on what the first one left."""
    await young_people.hold(row["young_person"])
    again = await row_of(row["id"])
    assert again is not None, "episodes are never deleted, and this one was read just now"
    return again


async def assess(actor: Actor, episode_id: uuid.UUID, data: RiskIn, now: dt.datetime) -> EpisodeOut:
    """The risk factors ticked, and the grade we suggest from them (never the police's)."""
    row, relation = await _episode(actor, episode_id)
    record = await young_people.record(row["young_person"])
    factors = [str(code) for code in data.risk_factors]
    suggestion = vocabulary.suggest_grade(factors, age=record.age(now.date()) if record else None)
    async with write_transaction():
        row = await _locked(row)
        if not guards.may_assess(relation, row["state"]):
            raise Conflict(words.NOT_OPEN)
        await _change(row, now, {"suggested_risk_grade": suggestion.grade}, {"risk_factors": factors})
        await add_event(episode_id, words.RISK_ASSESSED, actor, now, {"grade": suggestion.grade})
        await audit.record(
            actor, Action.CHANGE, words.RISK_ASSESSED, row["young_person"], {"grade": suggestion.grade}, now
        )
    return await episode_view(relation, episode_id, actor.user_id)


async def report(actor: Actor, episode_id: uuid.UUID, data: ReportIn, now: dt.datetime) -> EpisodeOut:
    """Reported to the police: the reference (CAD) number and the police's grade."""
    row, relation = await _episode(actor, episode_id)
    reported_at = when("reported_at", data.reported_at, now, not_before=row["started_at"])
    cad = cad_number(data.cad_number)
    grade = str(data.police_risk_grade) if data.police_risk_grade else None
    async with write_transaction():
        row = await _locked(row)
        if row["state"] != EpisodeState.OPEN:
            raise Conflict(words.NOT_OPEN if not guards.is_open(row["state"]) else words.ALREADY_REPORTED)
        await _change(
            row,
            now,
            {
                "state": EpisodeState.REPORTED,
                "reported_at": reported_at,
                "reported_by": str(data.reported_by),
                "police_risk_grade": grade,
            },
            {"cad_number": cad, "reporter_name": data.reporter_name},
        )
        await add_event(episode_id, words.REPORTED, actor, now, {"cad_number": cad})
        await audit.record(
            actor, Action.CHANGE, words.REPORTED, row["young_person"], {"cad_number": cad}, now
        )
        await notices.reported(row, now)
        await hooks.emit(
            hooks.Topic.EPISODE_REPORTED,
            hooks.EpisodeReported(
                episode_id=episode_id,
                young_person_id=row["young_person"],
                council_id=row["council"],
                started_at=as_utc(row["started_at"]),
                reported_at=reported_at,
                police_risk_grade=grade,
            ),
        )
    return await episode_view(relation, episode_id, actor.user_id)


def _absence(row: dict[str, Any], absence: str | None) -> dict[str, Any]:
    """Missing or away without authorisation: said only of a time away from care."""
    if absence is None:
        return {}
    if row["missing_from"] != MissingFrom.CARE:
        raise Invalid({"absence": words.ABSENCE_FROM_CARE_ONLY})
    return {"absence": str(absence)}


def _found(data: FoundIn) -> tuple[dict[str, Any], dict[str, Any]]:
    columns = {
        "how_found": str(data.how_found) if data.how_found else None,
        "returned_by": str(data.returned_by) if data.returned_by else None,
        "safe_and_well_check": data.safe_and_well_check,
    }
    sealed = {
        "found_where": data.found_where,
        "found_by": data.found_by,
        "returned_by_name": data.returned_by_name,
    }
    if data.follow_up:
        sealed["follow_up"] = data.follow_up
    return columns, sealed


async def record_return(actor: Actor, episode_id: uuid.UUID, data: FoundIn, now: dt.datetime) -> EpisodeOut:
    """Back after a report: the return interview and the plan review fall due."""
    return await _end(actor, episode_id, data, now, EpisodeState.REPORTED)


async def close_unreported(
    actor: Actor, episode_id: uuid.UUID, data: FoundIn, now: dt.datetime
) -> EpisodeOut:
    """Found before anyone reported it: an unreported absence (seed 002, "hidden missing")."""
    return await _end(actor, episode_id, data, now, EpisodeState.OPEN)


async def _end(
    actor: Actor, episode_id: uuid.UUID, data: FoundIn, now: dt.datetime, from_state: str
) -> EpisodeOut:
    row, relation = await _episode(actor, episode_id)
    returned_at = when("returned_at", data.returned_at, now)
    problems = episode_rules.check_end(as_utc(row["started_at"]), returned_at, now=now, field="returned_at")
    if problems:
        raise Invalid(problems)
    reported = from_state == EpisodeState.REPORTED
    columns, sealed = _found(data)
    columns |= _absence(row, data.absence)
    async with write_transaction():
        row = await _locked(row)
        if row["state"] != from_state:
            if not guards.is_open(row["state"]):
                raise Conflict(words.NOT_OPEN)
            raise Conflict(words.NOT_REPORTED if reported else words.ALREADY_REPORTED)
        others = [period for period in await periods(row["young_person"]) if period[2] != episode_id]
        problems = episode_rules.check_overlap(
            as_utc(row["started_at"]),
            returned_at,
            [(start, end) for start, end, _ in others],
            start_field="returned_at",
            end_field="returned_at",
        )
        if problems:
            raise Invalid(problems)
        state = EpisodeState.RETURNED if reported else EpisodeState.CLOSED_UNREPORTED
        await _change(row, now, {**columns, "state": state, "returned_at": returned_at}, sealed)
        code = words.RETURNED if reported else words.CLOSED_UNREPORTED
        await add_event(episode_id, code, actor, now)
        await audit.record(actor, Action.CHANGE, code, row["young_person"], at=now)
        await plans.mark_review_due(row["young_person"], "returned from missing", now)
        await notices.back(row, now)
        if reported:
            await hooks.emit(
                hooks.Topic.EPISODE_RETURNED,
                hooks.EpisodeReturned(
                    episode_id=episode_id,
                    young_person_id=row["young_person"],
                    council_id=row["council"],
                    missing_from=row["missing_from"],
                    started_at=as_utc(row["started_at"]),
                    returned_at=returned_at,
                ),
            )
        else:
            await hooks.emit(
                hooks.Topic.EPISODE_CLOSED_UNREPORTED,
                hooks.EpisodeClosedUnreported(
                    episode_id=episode_id,
                    young_person_id=row["young_person"],
                    council_id=row["council"],
                    started_at=as_utc(row["started_at"]),
                    found_at=returned_at,
                ),
            )
    return await episode_view(relation, episode_id, actor.user_id)


async def follow_up(actor: Actor, episode_id: uuid.UUID, data: FollowUpIn, now: dt.datetime) -> EpisodeOut:
    """Actions taken and follow-up, and the police's grade or safe and well check when
    they come later: any time, open or closed."""
    row, relation = await _episode(actor, episode_id)
    columns: dict[str, Any] = {}
    if data.police_risk_grade is not None:
        columns["police_risk_grade"] = str(data.police_risk_grade)
    if data.safe_and_well_check is not None:
        columns["safe_and_well_check"] = data.safe_and_well_check
    columns |= _absence(row, data.absence)
    async with write_transaction():
        row = await _locked(row)
        await _change(row, now, columns, {"actions_taken": data.actions_taken, "follow_up": data.follow_up})
        await add_event(episode_id, words.FOLLOW_UP, actor, now)
        await audit.record(actor, Action.CHANGE, words.FOLLOW_UP, row["young_person"], at=now)
    return await episode_view(relation, episode_id, actor.user_id)
