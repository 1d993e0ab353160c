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
