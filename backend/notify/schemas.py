"""Notices as the recipient reads them, and the states of a push."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

import msgspec


class PushState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class NoticeAction(StrEnum):
    MARK_READ = "mark_read"


class NoticeOut(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    code: str
    text: str  # the sentence, for this reader, in their language
    link: str | None
    young_person_id: uuid.UUID | None
    created_at: dt.datetime
    read_at: dt.datetime | None
    can: list[NoticeAction]


class NoticeList(msgspec.Struct, kw_only=True):
    notices: list[NoticeOut]  # newest first
    unread: int
