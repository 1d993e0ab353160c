"""What other domains may ask about return interviews: typed facts, no personal text.

For the figures (seed 002's counts: offered, accepted, held, held within 72 hours,
declined and why, lost to parental consent, follow-up given) and the due actions.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from backend.interviews.schemas import RhiForm
from backend.interviews.services import form_of, minutes, normal
from backend.interviews.tables import Interview

# Consent as the figures count it: the vocabulary's finer states folded into four.
CONSENT_COUNTED = {
    "not_needed": "not_needed",
    "sought": "sought",
    "given": "given",
    "refused": "refused",
    "overridden": "refused",  # the parent refused; the interview went ahead to keep the child safe
    "young_person_consented": "given",
    "school_in_loco_parentis": "given",
}


@dataclass(frozen=True)
class InterviewFacts:
    interview_id: uuid.UUID
    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    returned_at: dt.datetime
    offered_at: dt.datetime | None
    accepted: bool | None  # None: not answered yet
    declined_reason: str | None  # a code from backend/interviews/vocabulary.py DECLINE_REASONS
    held_at: dt.datetime | None
    held_within_72_hours: bool | None  # None: not held
    parental_consent: (
        str | None
    )  # "not_needed" | "sought" | "given" | "refused"; None: applies, not asked yet
    follow_up_given: bool
    risk_of_going_missing_again: str | None  # "high" | "medium" | "low"
    # Beyond the contract, for the figures and the dashboard:
    offered_within_24_hours: bool | None = None  # None: not offered
    minutes_to_offer: int | None = None
    minutes_to_interview: int | None = None
    missing_from: str = ""  # "home" | "care"
    # Codes only (backend/interviews/vocabulary.py), for the partnership's picture of where
    # children go and why (suppressed by the figures); empty until the interview is held.
    where_went: tuple[str, ...] = ()
    push_factors: tuple[str, ...] = ()
    pull_factors: tuple[str, ...] = ()
    high_risk_categories: tuple[str, ...] = ()


def _facts(row: dict[str, Any]) -> InterviewFacts:
    row = normal(row)
    form = form_of(row) or RhiForm()
    returned, offered, held = row["returned_at"], row["offered_at"], row["held_at"]
    consent = row["consent"]
    return InterviewFacts(
        interview_id=row["id"],
        episode_id=row["episode"],
        young_person_id=row["young_person"],
        council_id=row["council"],
        returned_at=returned,
        offered_at=offered,
        accepted=row["accepted"],
        declined_reason=row["declined_reason"],
        held_at=held,
        held_within_72_hours=None if held is None else held <= row["held_due_at"],
        parental_consent=CONSENT_COUNTED.get(consent) if consent else None,
        follow_up_given=bool(row["follow_up_given"]),
        risk_of_going_missing_again=row["risk_again"],
        offered_within_24_hours=None if offered is None else offered <= row["offer_due_at"],
        minutes_to_offer=minutes(returned, offered),
        minutes_to_interview=minutes(returned, held),
        missing_from=row["missing_from"],
        where_went=tuple(form.where_went),
        push_factors=tuple(form.push_factors),
        pull_factors=tuple(form.pull_factors),
        high_risk_categories=tuple(form.high_risk),
    )


async def facts(*, council_id: uuid.UUID, start: dt.datetime, end: dt.datetime) -> list[InterviewFacts]:
    """Interviews whose return fell in [start, end), oldest return first."""
    rows = (
        await Interview.select()
        .where(
            (Interview.council == council_id)
            & (Interview.returned_at >= start)
            & (Interview.returned_at < end)
        )
        .order_by(Interview.returned_at)
    )
    return [_facts(row) for row in rows]


async def for_episode(episode_id: uuid.UUID) -> InterviewFacts | None:
    row = await Interview.select().where(Interview.episode == episode_id).first()
    return _facts(row) if row else None


async def for_young_person(young_person_id: uuid.UUID) -> list[InterviewFacts]:
    """Newest return first."""
    rows = (
        await Interview.select()
        .where(Interview.young_person == young_person_id)
        .order_by(Interview.returned_at, ascending=False)
    )
    return [_facts(row) for row in rows]
