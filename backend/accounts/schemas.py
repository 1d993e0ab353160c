"""Request and reply shapes for signing in and sessions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec

Short = Annotated[str, msgspec.Meta(max_length=254)]
SecretText = Annotated[str, msgspec.Meta(max_length=256)]


class LoginIn(msgspec.Struct, forbid_unknown_fields=True):
    identifier: Short
    secret: SecretText
    code: Annotated[str, msgspec.Meta(max_length=12)] | None = None
    device_name: Annotated[str, msgspec.Meta(max_length=60)] | None = None


class ChangeSecretIn(msgspec.Struct, forbid_unknown_fields=True):
    current_secret: SecretText
    new_secret: SecretText


class UserOut(msgspec.Struct):
    id: uuid.UUID
    role: str
    display_name: str
    username: str | None
    email: str | None


class SessionInfo(msgspec.Struct):
    kind: str
    device_name: str
    expires_at: dt.datetime | None


class MeOut(msgspec.Struct):
    user: UserOut
    young_person_id: uuid.UUID | None
    csrf_token: str
    session: SessionInfo


class SessionOut(msgspec.Struct):
    id: uuid.UUID
    kind: str
    device_name: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    current: bool
