"""Return Home Interviews: their states, and request and reply shapes.

Codes inside the form (push and pull factors, high-risk categories, where they went...)
are the vocabulary's (backend/interviews/vocabulary.py); services check them, so a
stored code is always one the catalogues can say.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

import msgspec

Line = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=4000)]
Code = Annotated[str, msgspec.Meta(max_length=60)]
Codes = Annotated[list[Code], msgspec.Meta(max_length=40)]


class State(StrEnum):
    OPEN = "open"  # back, not offered yet
    OFFERED = "offered"  # offered, the young person has not answered
    ACCEPTED = "accepted"  # they chose who to talk to
    DECLINED = "declined"
    HELD = "held"


class InterviewerKind(StrEnum):
    """vocabulary.INTERVIEWERS: who the young person chose."""

    INDEPENDENT_WORKER = "independent_worker"
    SOMEONE_THEY_TRUST = "someone_they_trust"
    NOMINATED_CARE_PROFESSIONAL = "nominated_care_professional"
    NO_PREFERENCE = "no_preference"


class Consent(StrEnum):
    """vocabulary.PARENTAL_CONSENT, plus not_needed (not from home, or 16 and over)."""

    NOT_NEEDED = "not_needed"
    SOUGHT = "sought"
    GIVEN = "given"
    REFUSED = "refused"
    OVERRIDDEN = "overridden"
    YOUNG_PERSON_CONSENTED = "young_person_consented"
    SCHOOL_IN_LOCO_PARENTIS = "school_in_loco_parentis"


# Consent states that let the interview go ahead.
CONSENT_CLEARS = {
    Consent.GIVEN,
    Consent.OVERRIDDEN,
    Consent.YOUNG_PERSON_CONSENTED,
    Consent.SCHOOL_IN_LOCO_PARENTIS,
}


class Risk(StrEnum):
    """vocabulary.REPEAT_RISK: risk of going missing again."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Audience(StrEnum):
    """vocabulary.AUDIENCES the young person chooses for; their social worker always sees it
    (seed 003 7.15)."""

    POLICE = "police"
    SCHOOL = "school"
    CARER = "carer"


class InterviewPart(StrEnum):
    """vocabulary.SHAREABLE_PARTS."""

    WHY_YOU_WENT = "why_you_went"
    WHERE_YOU_WENT = "where_you_went"
    HOW_YOU_FELT = "how_you_felt"
    WHAT_WOULD_HELP = "what_would_help"


class InterviewAction(StrEnum):
    OFFER = "offer"
    CHOOSE = "choose"
    DECLINE = "decline"
    SHARE = "share"
    RECORD_CONSENT = "record_consent"
    RECORD = "record"
    ADD_CARER_NOTE = "add_carer_note"
    READ_REPORT = "read_report"
    READ_SUMMARY = "read_summary"


# -- requests ------------------------------------------------------------------------------


class ChoiceIn(msgspec.Struct, forbid_unknown_fields=True):
    """The young person's choice: one of the council's interviewers, someone they trust
    (named), someone where they live, or "I don't mind"."""

    kind: InterviewerKind
    interviewer_id: uuid.UUID | None = None
    trusted_adult: Line = ""


class DeclineIn(msgspec.Struct, forbid_unknown_fields=True):
    reason: Code  # vocabulary.DECLINE_REASONS
    why: Text = ""


class SharingIn(msgspec.Struct, forbid_unknown_fields=True):
    """Per audience, the parts the young person agrees to share (empty: nothing)."""

    police: list[InterviewPart] = []
    school: list[InterviewPart] = []
    carer: list[InterviewPart] = []


class ConsentIn(msgspec.Struct, forbid_unknown_fields=True):
    state: Consent
    why: Text = ""


class RhiForm(msgspec.Struct, forbid_unknown_fields=True):
    """Seed 003 Appendix 8, and where / who with / how, as RHI providers record them."""

    answers: dict[Code, Text] = {}  # vocabulary.DISCUSSION_QUESTIONS code -> what they said
    push_factors: Codes = []
    push_other: Text = ""
    pull_factors: Codes = []
    pull_other: Text = ""
    high_risk: Codes = []  # the high-risk categories answered Y (every other one is N)
    risk_again: Risk | None = None
    where_went: Codes = []
    where_text: Text = ""
    who_with: Codes = []
    who_with_text: Text = ""
    how_travelled: Codes = []
    how_text: Text = ""
    what_would_help: Codes = []
    what_would_help_text: Text = ""
    follow_up: Codes = []  # vocabulary.FOLLOW_UP_SUPPORT
    referrals: Codes = []
    analysis: Text = ""  # the professional's analysis of information
    # Appendix 8's other boxes, by code (vocabulary EPISODE_DETAIL_FIELDS, ASSESSMENT_FIELDS,
    # SHARING_FIELDS): for professionals only, never in a part the young person shares.
    details: dict[Code, Text] = {}
    for_young_person: Text = ""  # a note in plain words, shown to the young person


class HeldIn(msgspec.Struct, forbid_unknown_fields=True):
    held_at: dt.datetime
    held_by: Line  # the interviewer's name
    where: Line
    form: RhiForm
    interviewer_id: uuid.UUID | None = None  # when one of the council's interviewers held it
    late_reason: Code | None = None  # vocabulary.NOT_HELD_REASONS, when past the deadline
    late_why: Text = ""


class CarerNoteIn(msgspec.Struct, forbid_unknown_fields=True):
    text: Text


class InterviewerIn(msgspec.Struct, forbid_unknown_fields=True):
    name: Line
    organisation: Line = ""
    active: bool = True


# -- replies -------------------------------------------------------------------------------


class InterviewerOut(msgspec.Struct):
    id: uuid.UUID
    name: str
    organisation: str
    active: bool


class Timing(msgspec.Struct):
    returned_at: dt.datetime
    offer_due_at: dt.datetime
    held_due_at: dt.datetime
    offered_at: dt.datetime | None
    held_at: dt.datetime | None
    offer_late: bool  # offered after the deadline, or not offered and the deadline passed
    held_late: bool
    minutes_to_offer: int | None  # from return
    minutes_to_interview: int | None


class InterviewSummary(msgspec.Struct):
    """What everyone tied to the young person may know: that an interview is due, and when."""

    id: uuid.UUID
    young_person_id: uuid.UUID
    episode_id: uuid.UUID
    state: State
    timing: Timing
    can: list[InterviewAction]


class Choice(msgspec.Struct):
    kind: InterviewerKind | None
    interviewer: InterviewerOut | None
    trusted_adult: str


class InterviewView(msgspec.Struct):
    """The interview as the caller may see it. Parts they may not see are null."""

    id: uuid.UUID
    young_person_id: uuid.UUID
    young_person_name: str
    episode_id: uuid.UUID
    missing_from: str
    state: State
    timing: Timing
    choice: Choice
    declined_reason: str | None
    declined_why: str | None
    consent: Consent | None  # None: applies and nothing recorded yet
    consent_why: str | None
    sharing: SharingIn
    held_by: str | None
    held_where: str | None
    late_reason: str | None
    late_why: str | None
    carer_note: str | None
    form: RhiForm | None
    risks_found: list[str]  # the high-risk categories found, and "risk_again.high" etc.
    interviewers: list[InterviewerOut]  # the council's list, for choosing
    can: list[InterviewAction]


class CarerReport(msgspec.Struct):
    """What a carer reads: only the parts the young person shared with them."""

    id: uuid.UUID
    state: State
    timing: Timing
    shared_parts: list[InterviewPart]
    form: RhiForm
    carer_note: str | None


class SummaryItem(msgspec.Struct):
    kind: str  # vocabulary list name, e.g. "where_went"
    codes: list[str]
    text: str = ""


class YoungPersonSummary(msgspec.Struct):
    """What was written, in plain words: codes the screen says in the reader's language,
    and the note the interviewer wrote for them."""

    id: uuid.UUID
    state: State
    held_at: dt.datetime | None
    talked_to: Choice
    held_by: str | None
    items: list[SummaryItem]
    for_you: str
    shared_with: SharingIn
    more_for_professionals: bool  # the form also holds things written for the professionals
