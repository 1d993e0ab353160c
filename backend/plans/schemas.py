"""Reply shapes for plans (content is passed through as the sections define it)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec


class Signature(msgspec.Struct):
    name: str
    role: str
    signed_at: dt.datetime


class Change(msgspec.Struct):
    at: dt.datetime
    name: str
    role: str
    section: str  # in the young person's words ("my people")
    section_key: str  # e.g. "trio", for screens that word it for adults


class VersionOut(msgspec.Struct):
    id: uuid.UUID
    number: int
    status: str
    content: dict[str, Any]
    content_hash: str
    created_at: dt.datetime
    updated_at: dt.datetime
    agreed_at: dt.datetime | None
    signatures: list[Signature]
    still_to_sign: list[str]
    changes: list[Change]


class PlanOut(msgspec.Struct):
    draft: VersionOut | None
    agreed: VersionOut | None
    review_due_at: dt.datetime | None
    review_reason: str
    review_overdue: bool
    blank: dict[str, Any]


class VersionSummary(msgspec.Struct):
    number: int
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    agreed_at: dt.datetime | None


class FieldChange(msgspec.Struct):
    section: str
    field: str
    before: Any
    after: Any


class SignIn(msgspec.Struct, forbid_unknown_fields=True):
    content_hash: str


class PhotoIn(msgspec.Struct, forbid_unknown_fields=True):
    photo: str


class ReviewDue(msgspec.Struct):
    young_person_id: uuid.UUID
    preferred_name: str
    review_due_at: dt.datetime
    reason: str
    overdue: bool
