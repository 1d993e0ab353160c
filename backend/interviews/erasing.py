"""Deleting a young person's return interviews when their records are erased."""

from __future__ import annotations

from backend.hooks import YoungPeopleErasing
from backend.interviews.tables import Interview


async def erase(payload: YoungPeopleErasing) -> None:
    await Interview.delete().where(Interview.young_person.is_in(list(payload.young_person_ids)))
