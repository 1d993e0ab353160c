"""A year of fictional missing episodes for the demo council, made through the same
services a carer uses (so the timeline, the audit log and every hook are as they would
be): some reported and back, some found before anyone reported them, one still open.

Jade's are all closed (a browser test starts one for her); Tyler has been missing since
yesterday, reported, so his social worker's deadlines are running; Mia's carer is
worried about her tonight and has not reported it yet.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from backend.accounts.actor import Actor
from backend.episodes import services
from backend.episodes.schemas import (
    FollowUpIn,
    FoundIn,
    Grade,
    HowFound,
    MissingFrom,
    ReportIn,
    ReturnedBy,
    RiskFactor,
    RiskIn,
    StartIn,
)


@dataclass(frozen=True)
class Episode:
    days_ago: float  # when they were last seen, before the demo's "now"
    hours: float | None  # how long until they were back; None: not back yet
    reported_after_minutes: int | None  # None: never reported
    factors: tuple[str, ...] = ()
    police_grade: str | None = None
    where: str = ""
    found_where: str = ""
    how_found: str | None = None
    returned_by: str | None = None
    missing_from: MissingFrom = MissingFrom.CARE
    follow_up: str = ""


YEAR: dict[str, list[Episode]] = {
    "Jade": [
        Episode(
            330, 5, None, where="After school", found_where="Aunt Lou's flat", how_found="whereabouts_known"
        ),
        Episode(
            250,
            20,
            60,
            ("family_problems",),
            "medium",
            "Bus station",
            "Northbrook Park",
            "found_by_police",
            "police",
            follow_up="Talk to Jade about the call with her mum before it happened.",
        ),
        Episode(170, 3, None, where="Town centre", found_where="The skate park", how_found="found_by_carer"),
        Episode(
            80,
            30,
            45,
            ("family_problems", "state_of_mind_concerns"),
            "high",
            "Left after an argument",
            "A friend's house, Eastfield",
            "found_by_trusted_person",
            "trusted_person",
        ),
        Episode(
            40,
            9,
            50,
            ("family_problems",),
            "medium",
            "Mill Lane",
            "The youth centre",
            "came_back",
            "self",
        ),
        Episode(
            12,
            2,
            None,
            where="Did not come home from art club",
            found_where="Aunt Lou's flat",
            how_found="came_back",
        ),
    ],
    "Tyler": [
        Episode(200, 4, None, where="Football", found_where="A friend's flat", how_found="whereabouts_known"),
        Episode(
            95,
            14,
            40,
            ("associates_with_gangs",),
            "high",
            "Station Road",
            "Bus station",
            "found_by_police",
            "police",
        ),
        Episode(1.25, None, 35, ("associates_with_gangs", "missing_over_24_hours"), "high", "Station Road"),
    ],
    "Mia": [
        Episode(
            300,
            26,
            90,
            (),
            "low",
            "Her sister's",
            "Her sister's, Eastfield",
            "came_back",
            "self",
            MissingFrom.HOME,
        ),
        Episode(
            150,
            6,
            None,
            where="College",
            found_where="Her sister's, Eastfield",
            how_found="whereabouts_known",
        ),
        Episode(60, 4, None, where="Party", found_where="A friend's house", how_found="found_by_carer"),
        Episode(0.1, None, None, where="Said she was going to her sister's"),
    ],
}


async def load(recorders: dict[str, tuple[uuid.UUID, Actor]], at: dt.datetime) -> int:
    """`recorders`: by preferred name, the young person's id and the adult who records
    their episodes (their carer, or their social worker). Returns how many were made."""
    made = 0
    for name, episodes in YEAR.items():
        if name not in recorders:
            continue
        young_person_id, actor = recorders[name]
        for plan in sorted(episodes, key=lambda episode: -episode.days_ago):
            await _one(young_person_id, actor, plan, at)
            made += 1
    return made


async def _one(young_person_id: uuid.UUID, actor: Actor, plan: Episode, at: dt.datetime) -> None:
    seen = at - dt.timedelta(days=plan.days_ago)
    minute = dt.timedelta(minutes=1)
    start = StartIn(last_seen_at=seen, missing_from=plan.missing_from, last_seen_where=plan.where)
    episode = await services.start(actor, young_person_id, start, seen + 20 * minute)
    if plan.factors:
        await services.assess(
            actor,
            episode.id,
            RiskIn(risk_factors=[RiskFactor(code) for code in plan.factors]),
            seen + 30 * minute,
        )
    if plan.reported_after_minutes is not None:
        reported = seen + plan.reported_after_minutes * minute
        cad = f"NB-{reported:%y%m%d}-{reported:%H%M}"
        report = ReportIn(
            reported_at=reported,
            cad_number=cad,
            police_risk_grade=Grade(plan.police_grade) if plan.police_grade else None,
        )
        await services.report(actor, episode.id, report, reported + minute)
    if plan.hours is None:
        return
    back = seen + dt.timedelta(hours=plan.hours)
    found = FoundIn(
        returned_at=back,
        found_where=plan.found_where,
        how_found=HowFound(plan.how_found) if plan.how_found else None,
        returned_by=ReturnedBy(plan.returned_by) if plan.returned_by else None,
        safe_and_well_check=True if plan.reported_after_minutes is not None else None,
    )
    if plan.reported_after_minutes is not None:
        await services.record_return(actor, episode.id, found, back + 10 * minute)
    else:
        await services.close_unreported(actor, episode.id, found, back + 10 * minute)
    if plan.follow_up:
        await services.follow_up(
            actor, episode.id, FollowUpIn(follow_up=plan.follow_up), back + dt.timedelta(days=1)
        )
