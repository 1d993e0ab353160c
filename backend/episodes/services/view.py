"""An episode as its reader sees it, the checklist of places, and a young person's history."""

from __future__ import annotations

import uuid
from typing import Any

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.episodes import guards, vocabulary, words
from backend.episodes.schemas import EpisodeOut, EpisodeSummary, PlaceOut, SuggestionOut
from backend.episodes.services.records import details, episode_for, row_of, timeline
from backend.episodes.tables import Episode, SearchPlace
from backend.plans import api as plans
from backend.plans.schemas import Part
from backend.sealed import unseal, unseal_json
from backend.young_people import api as young_people


def _opened(value: str | None) -> str:
    return unseal(value) if value else ""


def place_out(row: dict[str, Any], me: uuid.UUID | None) -> PlaceOut:
    place = unseal_json(row["place"])
    claimed_by = _opened(row["claimed_by_name"]) or None
    mine = me is not None and me in (row["claimed_by_user"], row["claimed_by_contact"])
    return PlaceOut(
        id=row["id"],
        name=place.get("name", ""),
        where=place.get("where", ""),
        notes=place.get("notes", ""),
        claimed_by=claimed_by,
        claimed_by_me=mine,
        claimed_at=as_utc(row["claimed_at"]) if row["claimed_at"] else None,
        checked=row["checked_at"] is not None,
        checked_by=_opened(row["checked_by_name"]) or None,
        checked_at=as_utc(row["checked_at"]) if row["checked_at"] else None,
        note=_opened(row["note"]),
    )


async def places(episode_id: uuid.UUID, me: uuid.UUID | None) -> list[PlaceOut]:
    rows = await SearchPlace.select().where(SearchPlace.episode == episode_id).order_by(SearchPlace.position)
    return [place_out(row, me) for row in rows]


def suggestion(factors: list[str], grade: str | None, age: int | None) -> SuggestionOut | None:
    if grade is None:
        return None
    found = vocabulary.suggest_grade(factors, age=age)
    return SuggestionOut(
        grade=found.grade, rule=found.rule, factors=list(found.factors), why=list(found.explain())
    )


async def episode_view(relation: str | None, episode_id: uuid.UUID, me: uuid.UUID | None) -> EpisodeOut:
    row = await row_of(episode_id)
    assert row is not None, "episode_view is only asked for an episode its caller has just read or written"
    record = await young_people.record(row["young_person"])
    name = record.preferred_name if record else ""
    sealed = details(row)
    factors = sealed.get("risk_factors", [])
    age = record.age(row["started_at"].date()) if record else None
    show_places = await plans.may_see_live(relation, row["young_person"], Part.PLACES)
    return EpisodeOut(
        id=row["id"],
        young_person_id=row["young_person"],
        young_person_name=name,
        state=row["state"],
        missing_from=row["missing_from"],
        started_at=as_utc(row["started_at"]),
        opened_at=as_utc(row["opened_at"]),
        last_seen_where=sealed.get("last_seen_where", ""),
        circumstances=sealed.get("circumstances", ""),
        description=sealed.get("description", ""),
        reported_at=as_utc(row["reported_at"]) if row["reported_at"] else None,
        reported_by=row["reported_by"],
        reporter_name=sealed.get("reporter_name", ""),
        cad_number=sealed.get("cad_number", ""),
        police_risk_grade=row["police_risk_grade"],
        suggested_risk_grade=row["suggested_risk_grade"],
        risk_factors=factors,
        suggestion=suggestion(factors, row["suggested_risk_grade"], age),
        actions_taken=sealed.get("actions_taken", ""),
        returned_at=as_utc(row["returned_at"]) if row["returned_at"] else None,
        found_where=sealed.get("found_where", ""),
        how_found=row["how_found"],
        found_by=sealed.get("found_by", ""),
        returned_by=row["returned_by"],
        returned_by_name=sealed.get("returned_by_name", ""),
        safe_and_well_check=row["safe_and_well_check"],
        follow_up=sealed.get("follow_up", ""),
        places=await places(episode_id, me) if show_places else [],
        timeline=await timeline(episode_id, name),
        when_i_come_back=await plans.when_i_come_back(relation, row["young_person"]),
        can=guards.can(relation, row["state"]),
        absence=row["absence"],
    )


async def get(actor: Actor, episode_id: uuid.UUID) -> EpisodeOut:
    row, relation = await episode_for(actor, episode_id, guards.may_read, words.TRY_OPEN)
    await audit.record(actor, Action.READ, words.OPENED, row["young_person"])
    return await episode_view(relation, episode_id, actor.user_id)


def summary(row: dict[str, Any]) -> EpisodeSummary:
    return EpisodeSummary(
        id=row["id"],
        young_person_id=row["young_person"],
        state=row["state"],
        missing_from=row["missing_from"],
        started_at=as_utc(row["started_at"]),
        reported_at=as_utc(row["reported_at"]) if row["reported_at"] else None,
        returned_at=as_utc(row["returned_at"]) if row["returned_at"] else None,
        police_risk_grade=row["police_risk_grade"],
        suggested_risk_grade=row["suggested_risk_grade"],
        absence=row["absence"],
    )


async def history(actor: Actor, young_person_id: uuid.UUID) -> list[EpisodeSummary]:
    """A young person's episodes, newest first."""
    await young_people.require(actor, young_person_id, guards.may_read, words.TRY_OPEN)
    await audit.record(actor, Action.READ, words.LIST_OPENED, young_person_id)
    rows = (
        await Episode.select()
        .where(Episode.young_person == young_person_id)
        .order_by(Episode.started_at, ascending=False)
    )
    return [summary(row) for row in rows]
