"""The councils domain's enums, the typed settings other domains read, and the shapes
of requests and replies."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import IntEnum, StrEnum
from typing import Annotated

import msgspec


class Nation(StrEnum):
    """Where the council is, for its bank holidays (the UK's four sets of them)."""

    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"


class Cover(StrEnum):
    """When a social worker on the duty rota is on duty."""

    OUT_OF_HOURS = "out_of_hours"  # evenings, nights, weekends and bank holidays
    OFFICE_HOURS = "office_hours"
    ALWAYS = "always"
    SHIFT = "shift"  # chosen days, from one time until another (may run past midnight)


class Weekday(StrEnum):
    """In the order of `date.weekday()`: Monday is 0."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class AlertStep(IntEnum):
    """An alert's levels, as alerts numbers them: who is waited for at each."""

    TRIO = 0
    CARER = 1
    DUTY = 2


# -- the typed settings other domains read (councils.api) ---------------------------------


class Escalation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Minutes an alert waits at each step for someone to answer before the next."""

    trio_minutes: int
    """The young person's people, before their carer is alerted."""
    carer_minutes: int
    """Their carer, before the social worker on duty is alerted."""
    duty_minutes: int
    """The social worker on duty, before the young person is told to call 999 or 101."""


class Thresholds(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """When a missing episode calls for action, and how soon (seeds 001 and 003)."""

    strategy_meeting_after_hours: int
    senior_manager_after_hours: int
    further_meeting_after_days: int
    repeat_episodes: int
    repeat_window_days: int
    strategy_meeting_within_working_days: int
    rhi_offer_within_hours: int
    rhi_held_within_hours: int


class Retention(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How long personal information is kept before the retention job deletes it
    (backend/retention; defaults and why: backend/councils/defaults.py)."""

    alert_location_hours: int
    """Hours after an alert ends before its shared location and phone number go."""
    stepped_down_contact_days: int
    """Days after a trusted person stepped down (or was removed) before they are forgotten."""
    feedback_answers_days: int
    """Days after a month's police-feedback links run out before its answers are kept
    only as counts (the figures stay the same)."""
    looked_after_until_age: int
    """A young person who was looked after: their record is kept until this birthday."""
    other_until_age: int
    """Any other young person: their record is kept until this birthday."""


class OfficeHours(msgspec.Struct, frozen=True):
    days: tuple[Weekday, ...]
    opens: dt.time
    closes: dt.time
    time_zone: str


class RotaEntry(msgspec.Struct, frozen=True):
    """One social worker on the duty rota (their phone is given only by `on_duty`)."""

    social_worker_id: uuid.UUID
    cover: Cover
    days: tuple[Weekday, ...] = ()
    starts: dt.time | None = None
    ends: dt.time | None = None


class Settings(msgspec.Struct, frozen=True):
    council_id: uuid.UUID
    escalation: Escalation
    office_hours: OfficeHours
    nation: Nation
    thresholds: Thresholds
    rota: tuple[RotaEntry, ...]
    retention: Retention


class DutyPerson(msgspec.Struct, frozen=True):
    """A social worker on duty: who, and the phone they are on duty with ("" if none)."""

    id: uuid.UUID
    name: str
    phone: str


# -- requests and replies -------------------------------------------------------------------

ClockTime = Annotated[str, msgspec.Meta(max_length=8, description="24-hour time, HH:MM")]
Days = Annotated[list[Weekday], msgspec.Meta(max_length=7)]
MAX_ROTA = 20


class OfficeHoursIn(msgspec.Struct, forbid_unknown_fields=True):
    days: Days
    opens: ClockTime
    closes: ClockTime


class RotaEntryIn(msgspec.Struct, forbid_unknown_fields=True):
    social_worker_id: uuid.UUID
    cover: Cover
    phone: Annotated[str, msgspec.Meta(max_length=30)] = ""
    days: Days = msgspec.field(default_factory=list)
    """Only for a shift: the days it starts on."""
    starts: ClockTime = ""
    ends: ClockTime = ""


class SettingsIn(msgspec.Struct, forbid_unknown_fields=True):
    escalation: Escalation
    office_hours: OfficeHoursIn
    nation: Nation
    thresholds: Thresholds
    rota: Annotated[list[RotaEntryIn], msgspec.Meta(max_length=MAX_ROTA)]
    retention: Retention | None = None
    """None: unchanged."""


class OfficeHoursOut(msgspec.Struct):
    days: list[Weekday]
    opens: str
    closes: str
    time_zone: str


class RotaEntryOut(msgspec.Struct):
    social_worker_id: uuid.UUID
    name: str
    cover: Cover
    days: list[Weekday]
    starts: str
    ends: str
    phone: str | None
    """None: not shown to you (only admins see the rota's phone numbers)."""


class Person(msgspec.Struct):
    id: uuid.UUID
    name: str


class SettingsView(msgspec.Struct):
    escalation: Escalation
    office_hours: OfficeHoursOut
    nation: Nation
    thresholds: Thresholds
    rota: list[RotaEntryOut]
    on_duty_now: list[Person]
    choices: list[Person]
    """Who may be put on the rota: the council's active social workers (admins only)."""
    guidance: Thresholds
    """What the guidance says, for each threshold."""
    default_escalation: Escalation
    retention: Retention
    default_retention: Retention
    """The safe defaults, and what the law asks for records of looked-after children."""
    changed_at: dt.datetime | None
    can: list[str]
