"""Deleting the invites made for a young person when their records are erased."""

from __future__ import annotations

from backend.hooks import YoungPeopleErasing
from backend.invites.tables import Invite


async def erase(payload: YoungPeopleErasing) -> None:
    await Invite.delete().where(Invite.young_person.is_in(list(payload.young_person_ids)))
