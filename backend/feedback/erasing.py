"""Deleting a young person's police-feedback links when their records are erased (the
answers themselves name nobody and stay, as the council's figures)."""

from __future__ import annotations

from backend.feedback.tables import Handover
from backend.hooks import YoungPeopleErasing


async def erase(payload: YoungPeopleErasing) -> None:
    await Handover.delete().where(Handover.young_person.is_in(list(payload.young_person_ids)))
