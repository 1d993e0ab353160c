"""Reply shapes for administrators."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

import msgspec

from backend.accounts.schemas import Role


class AccountAction(StrEnum):
    DEACTIVATE = "deactivate"
    REACTIVATE = "reactivate"
    RESET_LINK = "reset_link"


class AccountOut(msgspec.Struct):
    id: uuid.UUID
    role: Role
    display_name: str
    username: str | None
    email: str | None
    active: bool
    last_sign_in_at: dt.datetime | None
    can: list[AccountAction]
    """What the caller may do with this account (an admin never deactivates themselves)."""


class RefusedOut(msgspec.Struct):
    at: dt.datetime
    actor_name: str
    actor_role: str
    what: str


class RefusedPage(msgspec.Struct):
    attempts: list[RefusedOut]
    older: str | None
    """Pass as `before` for the next, older page; null when this is the oldest."""
