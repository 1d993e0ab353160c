"""Episodes' words for things (states, grades, who reported, how found) and the shapes
of requests and replies. The codes are the vocabulary's (backend/episodes/vocabulary.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import msgspec

from backend.episodes import vocabulary as v
from backend.plans.schemas import ComingBack

Line = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=2000)]


class EpisodeState(StrEnum):
    OPEN = "open"  # the carer is worried and looking; not reported yet
    REPORTED = "reported"  # reported to the police: a missing episode
    RETURNED = "returned"  # back, after a report
    CLOSED_UNREPORTED = "closed_unreported"  # found before anyone reported it (seed 002)


OPEN_STATES = (EpisodeState.OPEN, EpisodeState.REPORTED)


class MissingFrom(StrEnum):
    """Seed 004: missing from home, or from care."""

    HOME = "home"
    CARE = "care"


class Absence(StrEnum):
    """Seed 004, for a time away from care: missing (SSDA903 "M"), or away from the
    placement without authorisation ("A": they are known to be somewhere, just not
    allowed to be there)."""

    MISSING = "missing"
    AWAY = "away"


Grade = StrEnum("Grade", {code: code for code in v.GRADE_ORDER})  # type: ignore[misc]
Reporter = StrEnum("Reporter", {code: code for code in v.codes(v.REPORTERS)})  # type: ignore[misc]
HowFound = StrEnum("HowFound", {code: code for code in v.codes(v.HOW_FOUND)})  # type: ignore[misc]
ReturnedBy = StrEnum("ReturnedBy", {code: code for code in v.codes(v.RETURNED_BY)})  # type: ignore[misc]
RiskFactor = StrEnum("RiskFactor", {code: code for code in v.FACTOR_WEIGHTS})  # type: ignore[misc]


class EpisodeAction(StrEnum):
    """What a reader may do with an episode: the `can` of a reply (see guards.can)."""

    REPORT = "report"
    ASSESS_RISK = "assess_risk"
    RECORD_RETURN = "record_return"
    CLOSE_UNREPORTED = "close_unreported"
    EDIT_FOLLOW_UP = "edit_follow_up"
    SEARCH = "search"  # claim and tick places on the checklist


@dataclass(frozen=True)
class EpisodeFacts:
    """An episode as other domains are told it (backend/episodes/api.py)."""

    episode_id: uuid.UUID
    young_person_id: uuid.UUID
    council_id: uuid.UUID
    missing_from: str  # "home" | "care"
    started_at: dt.datetime  # when last seen / went missing
    reported_at: dt.datetime | None  # reported to police (None: unreported absence or not yet)
    returned_at: dt.datetime | None  # back (found / returned)
    unreported: bool  # closed as an unreported absence ("hidden missing")
    police_risk_grade: str | None  # "no_apparent_risk" | "low" | "medium" | "high"
    suggested_risk_grade: str | None
    state: str  # "open" | "reported" | "returned" | "closed_unreported"
    absence: str | None = None  # from care: "missing" | "away" (None: not said yet)


# -- requests ----------------------------------------------------------------------------


class StartIn(msgspec.Struct, forbid_unknown_fields=True):
    """The carer starts the worried guide: when and where they were last seen."""

    last_seen_at: dt.datetime
    missing_from: MissingFrom = MissingFrom.CARE
    last_seen_where: Line = ""
    circumstances: Text = ""
    description: Text = ""  # what they look like and are wearing


class RiskIn(msgspec.Struct, forbid_unknown_fields=True):
    risk_factors: Annotated[list[RiskFactor], msgspec.Meta(max_length=40)] = []


class ReportIn(msgspec.Struct, forbid_unknown_fields=True):
    """Reported to the police: when, by whom, their reference (CAD) number and grade."""

    reported_at: dt.datetime
    cad_number: Annotated[str, msgspec.Meta(max_length=40)]
    reported_by: Reporter = Reporter("foster_carer")
    reporter_name: Line = ""
    police_risk_grade: Grade | None = None


class FoundIn(msgspec.Struct, forbid_unknown_fields=True):
    """Back: when, where, how found and who returned them."""

    returned_at: dt.datetime
    found_where: Line = ""
    how_found: HowFound | None = None
    found_by: Line = ""
    returned_by: ReturnedBy | None = None
    returned_by_name: Line = ""
    safe_and_well_check: bool | None = None
    follow_up: Text = ""
    absence: Absence | None = None  # from care only: missing, or away without authorisation


class FollowUpIn(msgspec.Struct, forbid_unknown_fields=True):
    actions_taken: Text = ""
    follow_up: Text = ""
    police_risk_grade: Grade | None = None
    safe_and_well_check: bool | None = None
    absence: Absence | None = None  # from care only


class TickIn(msgspec.Struct, forbid_unknown_fields=True):
    checked: bool = True
    note: Line = ""


# -- replies ------------------------------------------------------------------------------


class SuggestionOut(msgspec.Struct):
    grade: str
    rule: str
    factors: list[str]
    why: list[str]  # the reason in words, one line per deciding factor, then who decides


class PlaceOut(msgspec.Struct):
    id: uuid.UUID
    name: str
    where: str
    notes: str
    claimed_by: str | None  # a name, or None when nobody said they will look
    claimed_by_me: bool
    claimed_at: dt.datetime | None
    checked: bool
    checked_by: str | None
    checked_at: dt.datetime | None
    note: str


class TimelineEntry(msgspec.Struct):
    at: dt.datetime
    code: str
    text: str  # the sentence in the reader's language
    by: str  # who recorded it
    role: str


class EpisodeSummary(msgspec.Struct):
    id: uuid.UUID
    young_person_id: uuid.UUID
    state: EpisodeState
    missing_from: MissingFrom
    started_at: dt.datetime
    reported_at: dt.datetime | None
    returned_at: dt.datetime | None
    police_risk_grade: str | None
    suggested_risk_grade: str | None
    absence: Absence | None = None


class EpisodeOut(msgspec.Struct):
    id: uuid.UUID
    young_person_id: uuid.UUID
    young_person_name: str
    state: EpisodeState
    missing_from: MissingFrom
    started_at: dt.datetime
    opened_at: dt.datetime
    last_seen_where: str
    circumstances: str
    description: str
    reported_at: dt.datetime | None
    reported_by: str | None
    reporter_name: str
    cad_number: str
    police_risk_grade: str | None
    suggested_risk_grade: str | None
    risk_factors: list[str]
    suggestion: SuggestionOut | None
    actions_taken: str
    returned_at: dt.datetime | None
    found_where: str
    how_found: str | None
    found_by: str
    returned_by: str | None
    returned_by_name: str
    safe_and_well_check: bool | None
    follow_up: str
    places: list[PlaceOut]
    timeline: list[TimelineEntry]
    # The young person's "when I come back" wishes from their agreed plan (None when there
    # are none or they keep them from this reader).
    when_i_come_back: ComingBack | None = None
    can: list[EpisodeAction] = []
    absence: Absence | None = None  # from care: missing, or away without authorisation


class ContactSearch(msgspec.Struct):
    """What a trusted contact sees: the places to look, and nothing else of the episode."""

    id: uuid.UUID
    young_person_name: str
    started_at: dt.datetime
    places: list[PlaceOut]


class Ssda903Choices(msgspec.Struct):
    """The manager's SSDA903 download: their council, and the collection years
    ("2025-26": 1 April 2025 to 31 March 2026), the one under way first."""

    council_id: uuid.UUID
    years: list[str]
