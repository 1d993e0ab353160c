"""Request and reply shapes for signing in and sessions, and the words they are made of:
roles, kinds of session, languages."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import msgspec

from backend import i18n

Short = Annotated[str, msgspec.Meta(max_length=254)]
SecretText = Annotated[str, msgspec.Meta(max_length=256)]


class Role(StrEnum):
    YOUNG_PERSON = "young_person"
    CARER = "carer"
    SOCIAL_WORKER = "social_worker"
    MANAGER = "manager"
    ADMIN = "admin"
    POLICE_LIAISON = "police_liaison"
    """A police force's liaison: sees only the anonymised police-feedback figures of its
    council's force (backend/feedback), never a record."""


class SessionKind(StrEnum):
    DEVICE = "device"
    """Stays signed in while used: a young person's or carer's own phone."""
    BROWSER = "browser"
    """Idle and absolute time-outs: a professional's browser."""


# The languages Homeward ships (backend/i18n.py), as the values a person may choose.
# Built from i18n.LANGUAGES so that shipping a language needs no edit here; mypy cannot list
# the members of an enum made at run time, but knows `Language` is a StrEnum.
Language = StrEnum("Language", [(code.upper(), code) for code in i18n.LANGUAGES])  # type: ignore[misc]
Language.__doc__ = "A language Homeward's words are shipped in."


class LoginIn(msgspec.Struct, forbid_unknown_fields=True):
    identifier: Short
    secret: SecretText
    code: Annotated[str, msgspec.Meta(max_length=12)] | None = None
    device_name: Annotated[str, msgspec.Meta(max_length=60)] | None = None


class ChangeSecretIn(msgspec.Struct, forbid_unknown_fields=True):
    current_secret: SecretText
    new_secret: SecretText


class LanguageIn(msgspec.Struct, forbid_unknown_fields=True):
    language: Language


class PhoneIn(msgspec.Struct, forbid_unknown_fields=True):
    """A carer's or professional's phone; "" takes it away."""

    phone: Annotated[str, msgspec.Meta(max_length=40)]


class UserOut(msgspec.Struct):
    id: uuid.UUID
    role: Role
    display_name: str
    username: str | None
    email: str | None
    language: Language
    phone: str | None = None


class SessionInfo(msgspec.Struct):
    kind: SessionKind
    device_name: str
    expires_at: dt.datetime | None


class MeOut(msgspec.Struct):
    user: UserOut
    young_person_id: uuid.UUID | None
    csrf_token: str
    session: SessionInfo


class SessionOut(msgspec.Struct):
    id: uuid.UUID
    kind: SessionKind
    device_name: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    current: bool


# -- what other domains are told about accounts (backend/accounts/api.py) -------------


@dataclass(frozen=True)
class Account:
    id: uuid.UUID
    role: Role
    display_name: str
    email: str | None
    council_id: uuid.UUID | None
    active: bool
    username: str | None = None
    last_sign_in_at: dt.datetime | None = None
    language: str = "en"
    """The language they read (emails and alerts to them are written in it)."""
    phone: str | None = None
    """Their phone (E.164) if they gave one: the police form lists it."""


@dataclass(frozen=True)
class Council:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class TeamRecord:
    """A team of a council's professionals (e.g. a children in care team)."""

    id: uuid.UUID
    name: str


# -- a new sign-in link (a forgotten PIN, a lost phone, a professional's reset) --------


class SignInLinkOut(msgspec.Struct):
    """A one-time link back in, ready to hand over (QR code, text, copy)."""

    code: str
    url: str
    qr_svg: str
    expires_at: dt.datetime
    name: str
    """Whose link it is."""


class SignInLinkCodeIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Annotated[str, msgspec.Meta(max_length=40)]


class SignInLinkInfo(msgspec.Struct):
    """What the person opening the link sees before they choose a new PIN or password."""

    name: str
    role: Role
    username: str | None
    expires_at: dt.datetime
    second_factor_uri: str | None
    """otpauth:// for a professional's authenticator app (their new second factor)."""
    second_factor_qr: str | None
    second_factor_key: str | None
    """The same secret written out, for an app that cannot scan."""


class UseSignInLinkIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Annotated[str, msgspec.Meta(max_length=40)]
    secret: SecretText
    second_factor_code: Annotated[str, msgspec.Meta(max_length=12)] | None = None
    device_name: Annotated[str, msgspec.Meta(max_length=60)] | None = None
