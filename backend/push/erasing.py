"""Deleting the browsers subscribed by an erased young person's account (their trusted
people's go with them, through contacts)."""

from __future__ import annotations

import uuid

from backend.hooks import YoungPeopleErasing
from backend.push.tables import PushSubscription


async def erase(payload: YoungPeopleErasing) -> None:
    if payload.account_ids:
        await PushSubscription.delete().where(PushSubscription.user.is_in(list(payload.account_ids)))


async def erase_of_contacts(contact_ids: list[uuid.UUID]) -> None:
    """Inside the caller's transaction (contacts erasing them)."""
    if contact_ids:
        await PushSubscription.delete().where(PushSubscription.contact.is_in(contact_ids))
