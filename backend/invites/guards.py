"""Who may make an invite, and when an invite can still be used. Pure functions."""

from __future__ import annotations

import datetime as dt

from backend.invites.schemas import InviteRole, InviteState
from backend.young_people.api import Relation
from backend.young_people.guards import may_invite


def may_make(relation: Relation | None) -> bool:
    """The young person's allocated social worker invites (the record's own rule, so
    the record's `can` and this agree)."""
    return may_invite(relation)


def may_invite_for(role: InviteRole, has_joined: bool) -> bool:
    """A young person joins once; carers may be invited at any time."""
    return role != InviteRole.YOUNG_PERSON or not has_joined


def state_of(
    used_at: dt.datetime | None, emailed_at: dt.datetime | None, expires_at: dt.datetime, now: dt.datetime
) -> InviteState:
    """What has really happened to an invite: made is not sent, sent is not used."""
    if used_at is not None:
        return InviteState.USED
    if now >= expires_at:
        return InviteState.RUN_OUT
    return InviteState.EMAILED if emailed_at is not None else InviteState.NOT_SENT


def is_live(used_at: dt.datetime | None, expires_at: dt.datetime, now: dt.datetime) -> bool:
    """An invite works once, until it runs out."""
    return used_at is None and now < expires_at
