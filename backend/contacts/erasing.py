"""Deleting an erased young person's trusted people (and their browsers' push
subscriptions): after alerts, episodes and plans, whose rows point at them."""

from __future__ import annotations

from backend.contacts.tables import TrustedContact
from backend.hooks import YoungPeopleErasing
from backend.push import api as push


async def erase(payload: YoungPeopleErasing) -> None:
    mine = TrustedContact.young_person.is_in(list(payload.young_person_ids))
    contacts = [row["id"] for row in await TrustedContact.select(TrustedContact.id).where(mine)]
    if contacts:
        await push.erase_of_contacts(contacts)
        await TrustedContact.delete().where(TrustedContact.id.is_in(contacts))
