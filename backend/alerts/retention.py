"""Forgetting what an alert no longer needs (called by backend/retention).

An alert's shared location and the young person's phone number at the time are for the
people the alert reached while it is on. Some time after it ends they are deleted; the
alert itself (who was asked, who answered) stays with the young person's record.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.alerts.tables import Alert, AlertEvent, AlertRecipient, Delivery
from backend.db import write_transaction
from backend.hooks import ContactsForgotten
from backend.sealed import seal, seal_json, unseal, unseal_json


def _due(ended_before: dt.datetime, council_id: uuid.UUID | None):
    due = (
        Alert.ended_at.is_not_null()
        & (Alert.ended_at <= ended_before)
        & (Alert.location.is_not_null() | Alert.phone.is_not_null())
    )
    if council_id is not None:
        # The young person's council, joined by name (their table is young_people's).
        due = due & (getattr(Alert.young_person._, "council") == council_id)  # noqa: B009
    return due


async def locations_due(ended_before: dt.datetime, council_id: uuid.UUID | None = None) -> int:
    """How many ended alerts (of the council's young people; None: of everyone) still
    hold a location or a phone number."""
    return await Alert.count().where(_due(ended_before, council_id))


async def forget_locations_batch(
    ended_before: dt.datetime, *, batch: int, council_id: uuid.UUID | None = None
) -> int:
    """One batch of `forget_locations`, in the caller's transaction if there is one (so
    what it deleted and the audit of it commit together); returns how many changed."""
    async with write_transaction():
        ids = [
            row["id"]
            for row in await Alert.select(Alert.id).where(_due(ended_before, council_id)).limit(batch)
        ]
        if not ids:
            return 0
        # Counted by what this transaction changed: another process running the job at
        # the same time finds these already done (the condition is checked again).
        changed = (
            await Alert.update({Alert.location: None, Alert.phone: None})
            .where(Alert.id.is_in(ids) & (Alert.location.is_not_null() | Alert.phone.is_not_null()))
            .returning(Alert.id)
        )
    return len(changed)


async def forget_locations(
    ended_before: dt.datetime, *, batch: int, council_id: uuid.UUID | None = None
) -> int:
    """Delete the location and phone number of alerts that ended at or before
    `ended_before` (of the council's young people; None: of everyone), `batch` alerts
    per transaction; returns how many alerts were changed."""
    done = 0
    while changed := await forget_locations_batch(ended_before, batch=batch, council_id=council_id):
        done += changed
    return done


async def forget_contacts(forgotten: ContactsForgotten) -> None:
    """A trusted contact was forgotten: their name as each alert's recipient and in each
    step of those alerts' stories becomes the placeholder, and their email address
    leaves the outbox (hook CONTACTS_FORGOTTEN)."""
    if not forgotten.contact_ids:
        return
    ids = list(forgotten.contact_ids)
    async with write_transaction():
        rows = await AlertRecipient.select(
            AlertRecipient.id, AlertRecipient.alert, AlertRecipient.name
        ).where(AlertRecipient.contact.is_in(ids))
        if not rows:
            return
        recipients = [row["id"] for row in rows]
        names: dict[object, set[str]] = {}
        for row in rows:
            names.setdefault(row["alert"], set()).add(unseal(row["name"]))
        await AlertRecipient.update({AlertRecipient.name: seal(forgotten.name)}).where(
            AlertRecipient.id.is_in(recipients)
        )
        await Delivery.update({Delivery.address: None}).where(Delivery.recipient.is_in(recipients))
        for alert_id, gone in names.items():
            await _forget_in_story(alert_id, gone, forgotten.name)


async def _forget_in_story(alert_id, gone: set[str], placeholder: str) -> None:
    """Replace the names in `gone` in the alert's story ("name", "names" parameters)."""
    steps = await AlertEvent.select(AlertEvent.id, AlertEvent.params).where(
        (AlertEvent.alert == alert_id) & AlertEvent.params.is_not_null()
    )
    for step in steps:
        params = unseal_json(step["params"])
        if not isinstance(params, dict):
            continue
        changed = dict(params)
        if changed.get("name") in gone:
            changed["name"] = placeholder
        if isinstance(changed.get("names"), list):
            changed["names"] = [placeholder if name in gone else name for name in changed["names"]]
        if changed != params:
            await AlertEvent.update({AlertEvent.params: seal_json(changed)}).where(
                AlertEvent.id == step["id"]
            )
