"""Trusted contacts' words for things (enums), and request and reply shapes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import msgspec

from backend.audit.services import Who
from backend.i18n import LANGUAGES
from backend.invites.schemas import Code
from backend.plans.schemas import VersionOut


class ContactState(StrEnum):
    NOT_INVITED = "not_invited"
    INVITED = "invited"
    ACTIVE = "active"
    STEPPED_DOWN = "stepped_down"
    REMOVED = "removed"


# The languages Homeward speaks (backend/i18n.py), as a trusted contact chooses one.
# Built at run time from i18n.LANGUAGES (see accounts.schemas.Language).
LanguageCode = StrEnum("LanguageCode", {code.upper(): code for code in LANGUAGES})  # type: ignore[misc]


class ContactAction(StrEnum):
    """What the caller may do with one of the young person's people (guards.can)."""

    CHANGE = "change"
    INVITE = "invite"
    REMOVE = "remove"


class ContactDetails(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(max_length=80)]
    how_they_know_me: Annotated[str, msgspec.Meta(max_length=200)] = ""
    phone: Annotated[str, msgspec.Meta(max_length=30)] = ""
    email: Annotated[str, msgspec.Meta(max_length=254)] = ""
    what_they_will_do: Annotated[str, msgspec.Meta(max_length=500)] = ""


class ContactOut(msgspec.Struct):
    id: uuid.UUID
    name: str
    how_they_know_me: str
    phone: str
    email: str
    what_they_will_do: str
    state: ContactState
    notifications: bool
    invite_expires_at: dt.datetime | None
    can: list[ContactAction] = []


class ContactInviteInfo(msgspec.Struct):
    young_person_name: str
    contact_name: str
    expires_at: dt.datetime


class AcceptIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Code
    # The invite page's language tag ("ar", "ar-EG"), as the page has it: saying yes
    # never fails over it; one Homeward does not speak becomes the default. Without it,
    # the browser's Accept-Language.
    language: Annotated[str, msgspec.Meta(max_length=35)] | None = None


class ContactMe(msgspec.Struct):
    id: uuid.UUID
    name: str
    young_person_name: str
    notifications: bool
    csrf_token: str
    language: LanguageCode


class LanguageIn(msgspec.Struct, forbid_unknown_fields=True):
    language: LanguageCode


class OfflineCopy(msgspec.Struct):
    """The agreed plan and the trio's state now, for a phone to read with no signal."""

    agreed: VersionOut | None
    trio: list[ContactOut]
    review_due_at: dt.datetime | None


# -- what other domains get (contacts.api) ----------------------------------------------


@dataclass(frozen=True)
class TrustedPerson:
    """One of a young person's people, for alerts to reach them."""

    id: uuid.UUID
    young_person_id: uuid.UUID
    name: str
    phone: str
    email: str
    state: ContactState
    language: str


@dataclass(frozen=True)
class Contact:
    """The trusted contact making a request (active, with a valid cookie): built once
    per request from their cookie, with no account and no token hash."""

    id: uuid.UUID
    young_person_id: uuid.UUID
    name: str
    language: str
    csrf_token: str

    @property
    def who(self) -> Who:
        """Them, as the audit log names who did something."""
        return Who(self.id, self.name, "trusted_contact")
