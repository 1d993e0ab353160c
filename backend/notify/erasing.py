"""Deleting the notices about a young person, and those sent to their own account, when
their records are erased."""

from __future__ import annotations

from piccolo.custom_types import Combinable

from backend.hooks import YoungPeopleErasing
from backend.notify.tables import Notice, NoticePush


async def erase(payload: YoungPeopleErasing) -> None:
    about: Combinable = Notice.young_person.is_in(list(payload.young_person_ids))
    if payload.account_ids:
        about = about | Notice.recipient.is_in(list(payload.account_ids))
    notices = [row["id"] for row in await Notice.select(Notice.id).where(about)]
    if notices:
        await NoticePush.delete().where(NoticePush.notice.is_in(notices))
        await Notice.delete().where(Notice.id.is_in(notices))
