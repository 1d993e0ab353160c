"""Request and reply shapes for alerts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

import msgspec

from backend.alerts.location import Location


class AlertIn(msgspec.Struct, forbid_unknown_fields=True):
    idempotency_key: Annotated[str, msgspec.Meta(min_length=8, max_length=80)]
    kind: Literal["need_help", "safe_not_home", "call_me"] | None = None
    location: Location | None = None


class RecipientStatus(msgspec.Struct):
    name: str
    role: str
    level: int
    status: str  # sent, reached, opened, acknowledged, declined, failed
    at: dt.datetime | None


class Event(msgspec.Struct):
    at: dt.datetime
    what: str


class AlertStatus(msgspec.Struct):
    id: uuid.UUID
    state: str
    kind: str | None
    kind_words: str
    created_at: dt.datetime
    ended_at: dt.datetime | None
    level: int
    acknowledged_by: str
    location_shared: bool
    sent_again_at: dt.datetime | None  # a later tap sent it again (updated at most once a minute)
    advice: str | None
    recipients: list[RecipientStatus]
    events: list[Event]


class RecipientView(msgspec.Struct):
    id: uuid.UUID
    young_person_name: str
    young_person_phone: str
    kind_words: str
    created_at: dt.datetime
    state: str
    acknowledged_by: str
    location: dict[str, Any] | None
    sent_again_at: dt.datetime | None
    my_status: str


class AlertForUser(msgspec.Struct):
    status: AlertStatus
    recipient: RecipientView | None


class AlertSummary(msgspec.Struct):
    id: uuid.UUID
    created_at: dt.datetime
    state: str
    acknowledged_by: str
    young_person_name: str
