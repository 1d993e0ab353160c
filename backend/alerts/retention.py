"""Forgetting what an alert no longer needs (called by backend/retention).

An alert's shared location and the young person's phone number at the time are for the
people the alert reached while it is on. Some time after it ends they are deleted; the
alert itself (who was asked, who answered) stays with the young person's record.
"""

from __future__ import annotations

import datetime as dt

from backend.alerts.tables import Alert, AlertRecipient, Delivery
from backend.db import write_transaction
from backend.hooks import ContactsForgotten
from backend.sealed import seal


def _due(ended_before: dt.datetime):
    return (
        Alert.ended_at.is_not_null()
        & (Alert.ended_at < ended_before)
        & (Alert.location.is_not_null() | Alert.phone.is_not_null())
    )


async def locations_due(ended_before: dt.datetime) -> int:
    """How many ended alerts still hold a location or a phone number."""
    return await Alert.count().where(_due(ended_before))


async def forget_locations(ended_before: dt.datetime, *, batch: int) -> int:
    """Delete the location and phone number of alerts that ended before `ended_before`,
    `batch` alerts per transaction; returns how many alerts were changed."""
    done = 0
    while True:
        async with write_transaction():
            ids = [row["id"] for row in await Alert.select(Alert.id).where(_due(ended_before)).limit(batch)]
            if not ids:
                return done
            await Alert.update({Alert.location: None, Alert.phone: None}).where(Alert.id.is_in(ids))
        done += len(ids)


async def forget_contacts(forgotten: ContactsForgotten) -> None:
    """A trusted contact was forgotten: their name as each alert's recipient becomes the
    placeholder, and their email address leaves the outbox (hook CONTACTS_FORGOTTEN)."""
    if not forgotten.contact_ids:
        return
    ids = list(forgotten.contact_ids)
    async with write_transaction():
        recipients = [
            row["id"]
            for row in await AlertRecipient.select(AlertRecipient.id).where(AlertRecipient.contact.is_in(ids))
        ]
        if not recipients:
            return
        await AlertRecipient.update({AlertRecipient.name: seal(forgotten.name)}).where(
            AlertRecipient.id.is_in(recipients)
        )
        await Delivery.update({Delivery.address: None}).where(Delivery.recipient.is_in(recipients))
