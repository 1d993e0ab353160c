"""Request and reply shapes for invites."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated

import msgspec

Code = Annotated[str, msgspec.Meta(max_length=40)]


class InviteRole(StrEnum):
    """Who an invite is for: the young person themselves, or a carer they live with.
    Professionals are made by an administrator (`homeward create-user`), never invited."""

    YOUNG_PERSON = "young_person"
    CARER = "carer"


class InviteIn(msgspec.Struct, forbid_unknown_fields=True):
    role: InviteRole
    young_person_id: uuid.UUID


class InviteState(StrEnum):
    """What has really happened to an invite: made is not sent."""

    NOT_SENT = "not_sent"
    """Made, and only on this screen: show the QR code, text the link or email it."""
    EMAILED = "emailed"
    """Homeward's email server took the email."""
    USED = "used"
    """Someone joined with it."""
    RUN_OUT = "run_out"
    """Its time ran out, or a newer invite replaced it."""


class InviteSummary(msgspec.Struct):
    """An invite made for a young person, as the record lists it (never its code)."""

    role: InviteRole
    state: InviteState
    created_at: dt.datetime
    expires_at: dt.datetime
    emailed_at: dt.datetime | None
    used_at: dt.datetime | None


class InviteOut(msgspec.Struct):
    code: str
    url: str
    qr_svg: str
    expires_at: dt.datetime
    young_person_id: uuid.UUID | None = None
    state: InviteState = InviteState.NOT_SENT
    can_email: bool = False
    """Email is set up here, so "Email it" can send the link."""


class EmailInviteIn(msgspec.Struct, forbid_unknown_fields=True):
    young_person_id: uuid.UUID
    code: Code
    email: Annotated[str, msgspec.Meta(max_length=254)]


class InviteEmailed(msgspec.Struct):
    state: InviteState
    email: str
    mailbox: bool
    """The email went to this machine's demo mailbox (read it at #/mailbox)."""


class SignInLinkIn(msgspec.Struct, forbid_unknown_fields=True):
    young_person_id: uuid.UUID


class CodeIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Code


class InviteInfo(msgspec.Struct):
    role: InviteRole
    name: str
    expires_at: dt.datetime


class AcceptIn(msgspec.Struct, forbid_unknown_fields=True):
    code: Code
    username: Annotated[str, msgspec.Meta(max_length=60)]
    secret: Annotated[str, msgspec.Meta(max_length=256)]
    display_name: Annotated[str, msgspec.Meta(max_length=200)] | None = None
    device_name: Annotated[str, msgspec.Meta(max_length=60)] | None = None
