"""Reply and request shapes for trusted contacts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec


class ContactOut(msgspec.Struct):
    id: uuid.UUID
    name: str
    how_they_know_me: str
    phone: str
    email: str
    what_they_will_do: str
    state: str
    notifications: bool
    invite_expires_at: dt.datetime | None


class ContactInviteInfo(msgspec.Struct):
    young_person_name: str
    contact_name: str
    expires_at: dt.datetime


class ContactMe(msgspec.Struct):
    id: uuid.UUID
    name: str
    young_person_name: str
    notifications: bool
    csrf_token: str


class PushKeys(msgspec.Struct, forbid_unknown_fields=True):
    p256dh: Annotated[str, msgspec.Meta(max_length=200)]
    auth: Annotated[str, msgspec.Meta(max_length=100)]


class SubscriptionIn(msgspec.Struct):
    endpoint: Annotated[str, msgspec.Meta(max_length=2000)]
    keys: PushKeys
    expirationTime: float | None = None


class PublicKeyOut(msgspec.Struct):
    public_key: str | None
