"""Request and reply shapes for alerts, and the alert path's states and kinds."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import IntEnum, StrEnum
from typing import Annotated, Any

import msgspec

from backend.alerts.location import Location


class AlertState(StrEnum):
    ACTIVE = "active"
    ACKNOWLEDGED = "acknowledged"
    CANCELLED = "cancelled"
    FAILED = "failed"


class Level(IntEnum):
    """Who an alert is with. Ordered: escalation only moves up. An IntEnum, not a
    StrEnum, because the order is the point (and the column has always been a number)."""

    PEOPLE = 0  # the young person's trusted people
    CARER = 1  # their carer(s), placed now
    DUTY = 2  # a social worker: their own in office hours, else the one on duty
    FINAL = 3  # nobody answered: the young person and carer are told to call 999 or 101


class Kind(StrEnum):
    NEED_HELP = "need_help"
    SAFE_NOT_HOME = "safe_not_home"
    CALL_ME = "call_me"


class RecipientRole(StrEnum):
    TRUSTED_CONTACT = "trusted_contact"
    CARER = "carer"
    DUTY = "duty"
    YOUNG_PERSON = "young_person"  # only for the final notice
    SOCIAL_WORKER = "social_worker"  # their own social worker, in office hours
    KNOWN_WORKER = "known_worker"  # the out-of-hours worker who knows them, before the rota


class Purpose(StrEnum):
    ALERT = "alert"  # asked to answer
    CALL_999 = "call_999"  # the last word: told to call 999 or 101


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    GONE = "gone"
    CANCELLED = "cancelled"


class DeliveryChannel(StrEnum):
    PUSH = "push"
    EMAIL = "email"


class AttemptResult(StrEnum):
    SENT = "sent"  # the push service or mail server accepted it
    RETRY = "retry"  # it did not, and it will be tried again
    GONE = "gone"  # the subscription or address no longer exists
    FAILED = "failed"  # it did not, and trying again will not help


class Progress(StrEnum):
    """How one person who was asked is doing."""

    SENT = "sent"
    REACHED = "reached"
    OPENED = "opened"
    ACKNOWLEDGED = "acknowledged"
    DECLINED = "declined"
    FAILED = "failed"


class Outcome(StrEnum):
    """How a failed alert failed: said truthfully, as they are not the same thing."""

    NO_ANSWER = "no_answer"  # it reached someone, and nobody answered in time
    NOBODY_REACHED = "nobody_reached"  # nobody could be reached at all


class Answer(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    DECLINE = "decline"


class AlertIn(msgspec.Struct, forbid_unknown_fields=True):
    idempotency_key: Annotated[str, msgspec.Meta(min_length=8, max_length=80)]
    kind: Kind | None = None
    location: Location | None = None


class RecipientStatus(msgspec.Struct):
    name: str
    role: RecipientRole
    level: Level
    status: Progress
    at: dt.datetime | None


class Event(msgspec.Struct):
    at: dt.datetime
    code: str
    what: str  # the sentence, for whoever reads it, in their language


class DeliveryAttempt(msgspec.Struct):
    """One try at sending one message: what a social worker (or an operator) reads to
    see exactly what happened to an alert."""

    at: dt.datetime
    recipient: str
    role: RecipientRole
    level: Level
    purpose: Purpose
    channel: DeliveryChannel
    result: AttemptResult
    status_code: int | None
    error: str
    duration_ms: int


class AlertStatus(msgspec.Struct):
    id: uuid.UUID
    state: AlertState
    kind: Kind | None
    kind_words: str
    created_at: dt.datetime
    ended_at: dt.datetime | None
    level: Level
    acknowledged_by: str
    location_shared: bool
    sent_again_at: dt.datetime | None  # a later tap sent it again (updated at most once a minute)
    advice: str | None
    recipients: list[RecipientStatus]
    events: list[Event]
    can: list[str]  # what the reader may do with it now ("cancel")
    # Every send attempt, for the young person's social worker; None for anyone else.
    attempts: list[DeliveryAttempt] | None = None
    outcome: Outcome | None = None  # set when failed


class RecipientView(msgspec.Struct):
    id: uuid.UUID
    young_person_name: str
    young_person_phone: str
    kind_words: str
    created_at: dt.datetime
    state: AlertState
    acknowledged_by: str
    location: dict[str, Any] | None
    sent_again_at: dt.datetime | None
    my_status: Progress
    can: list[str]  # "acknowledge", "decline"


class AlertForUser(msgspec.Struct):
    status: AlertStatus
    recipient: RecipientView | None


class AlertSummary(msgspec.Struct):
    id: uuid.UUID
    created_at: dt.datetime
    state: AlertState
    acknowledged_by: str
    young_person_name: str
    young_person_id: uuid.UUID | None = None
    ended_at: dt.datetime | None = None
    outcome: Outcome | None = None  # set when failed


class Readiness(StrEnum):
    """How an alert would reach one person now."""

    NOTIFICATIONS = "notifications"  # a push to their phone (or computer)
    EMAIL = "email"  # no notifications: an email
    NONE = "none"  # nothing: the alert passes them by


class ReadyPerson(msgspec.Struct):
    name: str
    role: RecipientRole
    level: Level
    reach: Readiness
    has_phone: bool
    """The young person can call or text them themselves (their number is in the plan)."""
    is_you: bool
    """The reader is this person: they can turn notifications on here."""


class AlertReadiness(msgspec.Struct):
    """Who an alert sent now would reach, step by step, and how: what the young person
    and their carer see before a first alert, with what to fix."""

    young_person_name: str
    checked_at: dt.datetime
    first_level: Level | None
    """The step an alert sent now would go to first; None: it would reach nobody."""
    people: list[ReadyPerson]
    young_person_notifications: bool
    """The young person gets the last word ("call 999 or 101") as a notification."""
    office_hours: bool
    """The social worker's step is their own social worker now (else the one on duty)."""
    reader_notifications: bool
    """The reader has notifications on (somewhere)."""


class KnownWorkerAction(StrEnum):
    CHOOSE = "choose"


class OutOfHoursPerson(msgspec.Struct):
    id: uuid.UUID
    name: str


class KnownWorkerView(msgspec.Struct):
    """The out-of-hours worker who knows the young person (seed 000): asked first when
    an alert reaches the social worker's step outside office hours, before the council's
    duty rota. Kept beside the plan, never in its signed content."""

    young_person_name: str
    worker: OutOfHoursPerson | None
    chosen_at: dt.datetime | None
    choices: list[OutOfHoursPerson]
    """The council's out-of-hours people who may be chosen (for whoever may choose)."""
    can: list[KnownWorkerAction]


class KnownWorkerIn(msgspec.Struct, forbid_unknown_fields=True):
    worker_id: uuid.UUID | None
    """One of the council's out-of-hours people; None: nobody (the rota only)."""
