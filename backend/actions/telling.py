"""Telling an action's owner, through the notify domain (a notice and a push)."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from backend.actions import words
from backend.actions.schemas import ActionKind
from backend.notify import api as notify

LONDON = ZoneInfo("Europe/London")
DASHBOARD = "#/dashboard"


def local_time(at: dt.datetime) -> str:
    """A deadline as the owner reads it (UK time, the same in every language)."""
    return at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")


async def tell(
    *,
    owner_id: uuid.UUID | None,
    action_id: uuid.UUID,
    kind: ActionKind,
    young_person_id: uuid.UUID,
    deadline: dt.datetime,
    overdue: bool,
) -> None:
    """Inside the caller's write transaction: once per action and moment (due, overdue)."""
    if owner_id is None:
        return
    await notify.send(
        to_user=owner_id,
        code=(words.OVERDUE if overdue else words.DUE)[kind],
        params={"deadline": local_time(deadline)},
        young_person_id=young_person_id,
        link=DASHBOARD,
        once_key=f"action:{action_id}:{'overdue' if overdue else 'due'}",
    )
