"""The actions domain's kinds and states, and the shapes of its requests and replies."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

import msgspec


class ActionKind(StrEnum):
    """What a due action asks for, and what made it (seeds 001 and 003)."""

    STRATEGY_MEETING = "strategy_meeting"
    """Missing over 24 hours: a strategy meeting (seed 003 9.3)."""
    INFORM_SENIOR_MANAGER = "inform_senior_manager"
    """Missing over 48 hours: a senior manager is told (seed 003 6.6.1)."""
    FURTHER_STRATEGY_MEETING = "further_strategy_meeting"
    """Not found in 7 days: a further strategy meeting (seed 003 6.6.2)."""
    REPEAT_STRATEGY_MEETING = "repeat_strategy_meeting"
    """3 episodes in 90 days: a multi-agency strategy meeting (seed 003 6.6.3)."""
    HIGH_RISK_STRATEGY_MEETING = "high_risk_strategy_meeting"
    """High risk of going missing again at the return interview."""
    OFFER_INTERVIEW = "offer_interview"
    """A return home interview offered within 24 hours of return (seed 001)."""
    HOLD_INTERVIEW = "hold_interview"
    """...and held within 72 hours of return (seed 003 7.9)."""
    REVIEW_PLAN = "review_plan"
    """The Missing Safety Plan looked at again after every episode."""


MEETINGS = frozenset(
    {
        ActionKind.STRATEGY_MEETING,
        ActionKind.FURTHER_STRATEGY_MEETING,
        ActionKind.REPEAT_STRATEGY_MEETING,
        ActionKind.HIGH_RISK_STRATEGY_MEETING,
    }
)
"""Kinds closed by recording the strategy meeting (date, who attended, decisions)."""


class ActionState(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"


class ActionVerb(StrEnum):
    """What the caller may do with an action (a reply's `can`)."""

    MARK_DONE = "mark_done"
    RECORD_MEETING = "record_meeting"


# -- what other domains are told (api.py) -----------------------------------------------------


class ActionFacts(msgspec.Struct, frozen=True):
    id: uuid.UUID
    kind: ActionKind
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    episode_id: uuid.UUID | None
    owner_id: uuid.UUID | None
    created_at: dt.datetime
    deadline: dt.datetime
    state: ActionState
    done_at: dt.datetime | None


# -- requests and replies -------------------------------------------------------------------------

Note = Annotated[str, msgspec.Meta(max_length=2000)]


class DoneIn(msgspec.Struct, forbid_unknown_fields=True):
    note: Note


class MeetingIn(msgspec.Struct, forbid_unknown_fields=True):
    held_on: dt.date
    attended: Annotated[str, msgspec.Meta(max_length=1000)]
    """Who attended, as written (names and agencies)."""
    decisions: Note


class MeetingOut(msgspec.Struct):
    held_on: dt.date
    attended: str
    decisions: str
    recorded_by: str
    recorded_at: dt.datetime


class ActionOut(msgspec.Struct):
    id: uuid.UUID
    kind: ActionKind
    young_person_id: uuid.UUID
    preferred_name: str
    episode_id: uuid.UUID | None
    owner: str
    """The owner's name ("" when nobody could be found: shown, never dropped)."""
    created_at: dt.datetime
    deadline: dt.datetime
    state: ActionState
    done_note: str
    done_by: str
    done_at: dt.datetime | None
    meeting: MeetingOut | None
    can: list[ActionVerb]


class EpisodeOut(msgspec.Struct):
    id: uuid.UUID
    started_at: dt.datetime
    reported_at: dt.datetime | None
    ended_at: dt.datetime | None
    state: str
    """"open", "reported", "returned" or "closed_unreported"."""


class PlanNeeds(msgspec.Struct):
    review_due_at: dt.datetime | None
    review_reason: str
    waiting_for: list[str]
    """Who still has to sign the draft ("young_person", "carer", "social_worker")."""


class CaseloadPerson(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    open_episode: EpisodeOut | None
    episodes: list[EpisodeOut]
    """Newest first."""
    plan: PlanNeeds | None
    """None: the plan needs nothing now."""


class Dashboard(msgspec.Struct):
    actions: list[ActionOut]
    """Open actions, most urgent first: overdue (longest overdue first), then by deadline."""
    done: list[ActionOut]
    """Done in the last 14 days, newest first."""
    caseload: list[CaseloadPerson]
    """Young people with an open episode first, then by name."""
