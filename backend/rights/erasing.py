"""Deleting a young person's rights requests (corrections they asked for, and trusted
contacts' requests to be forgotten about them) when their records are erased."""

from __future__ import annotations

from backend.hooks import YoungPeopleErasing
from backend.rights.tables import RightsRequest


async def erase(payload: YoungPeopleErasing) -> None:
    if payload.young_person_ids:
        await RightsRequest.delete().where(RightsRequest.young_person.is_in(list(payload.young_person_ids)))
