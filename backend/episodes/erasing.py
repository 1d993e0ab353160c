"""Deleting a young person's episodes (their story and search places) when their
records are erased."""

from __future__ import annotations

from backend.episodes.tables import Episode, EpisodeEvent, SearchPlace
from backend.hooks import YoungPeopleErasing


async def erase(payload: YoungPeopleErasing) -> None:
    episodes = [
        row["id"]
        for row in await Episode.select(Episode.id).where(
            Episode.young_person.is_in(list(payload.young_person_ids))
        )
    ]
    if episodes:
        await EpisodeEvent.delete().where(EpisodeEvent.episode.is_in(episodes))
        await SearchPlace.delete().where(SearchPlace.episode.is_in(episodes))
        await Episode.delete().where(Episode.id.is_in(episodes))
