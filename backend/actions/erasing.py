"""Deleting a young person's actions when their records are erased (backend/retention)."""

from __future__ import annotations

from backend.actions.tables import DueAction, StrategyMeeting, WatchedEpisode
from backend.hooks import YoungPeopleErasing


async def erase(payload: YoungPeopleErasing) -> None:
    ids = list(payload.young_person_ids)
    await StrategyMeeting.delete().where(StrategyMeeting.young_person.is_in(ids))
    await WatchedEpisode.delete().where(WatchedEpisode.young_person.is_in(ids))
    await DueAction.delete().where(DueAction.young_person.is_in(ids))
