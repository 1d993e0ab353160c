"""Request and reply shapes for young people's records."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec

from backend.accounts.schemas import SessionOut


class YoungPersonIn(msgspec.Struct, forbid_unknown_fields=True):
    preferred_name: Annotated[str, msgspec.Meta(max_length=200)]
    date_of_birth: dt.date


class YoungPersonSummary(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    age: int
    has_account: bool


class YoungPersonOut(msgspec.Struct):
    id: uuid.UUID
    preferred_name: str
    date_of_birth: dt.date
    age: int
    has_account: bool
    social_workers: list[str]
    carers: list[str]


class PersonWhoCanSee(msgspec.Struct):
    name: str
    role: str
    why: str
    can_see: bool = True  # False: their placement or allocation has ended
    ended_at: dt.datetime | None = None


class TeamMemberOut(msgspec.Struct):
    """A placement (a carer) or an allocation (a social worker), current or ended."""

    id: int
    user_id: uuid.UUID
    name: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    active: bool


class PlacementIn(msgspec.Struct, forbid_unknown_fields=True):
    carer_id: uuid.UUID
    instead_of: int | None = None  # the placement this one replaces (a move)


class AllocationIn(msgspec.Struct, forbid_unknown_fields=True):
    social_worker_id: uuid.UUID
    instead_of: int | None = None  # the allocation this one replaces (a hand-over)


class Colleague(msgspec.Struct):
    id: uuid.UUID
    name: str


class Look(msgspec.Struct):
    at: dt.datetime
    name: str
    role: str
    what: str
    refused: bool = False
    """Someone tried and was stopped (for the young person, `name` does not say who)."""


class CarerDevices(msgspec.Struct):
    """A carer placed with the young person, and where they are signed in."""

    carer_id: uuid.UUID
    name: str
    devices: list[SessionOut]
