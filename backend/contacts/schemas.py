"""Reply and request shapes for trusted contacts."""

from __future__ import annotations

import datetime as dt
import uuid

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
