"""Deleting a young person's alerts (who was asked, the outbox, the story) when their
records are erased."""

from __future__ import annotations

from backend.alerts.tables import Alert, AlertEvent, AlertRecipient, AlertTap, Delivery, DeliveryAttempt
from backend.hooks import YoungPeopleErasing


async def erase(payload: YoungPeopleErasing) -> None:
    alerts = [
        row["id"]
        for row in await Alert.select(Alert.id).where(
            Alert.young_person.is_in(list(payload.young_person_ids))
        )
    ]
    if not alerts:
        return
    recipients = [
        row["id"]
        for row in await AlertRecipient.select(AlertRecipient.id).where(AlertRecipient.alert.is_in(alerts))
    ]
    if recipients:
        deliveries = [
            row["id"]
            for row in await Delivery.select(Delivery.id).where(Delivery.recipient.is_in(recipients))
        ]
        if deliveries:
            await DeliveryAttempt.delete().where(DeliveryAttempt.delivery.is_in(deliveries))
            await Delivery.delete().where(Delivery.id.is_in(deliveries))
        await AlertRecipient.delete().where(AlertRecipient.id.is_in(recipients))
    await AlertTap.delete().where(AlertTap.alert.is_in(alerts))
    await AlertEvent.delete().where(AlertEvent.alert.is_in(alerts))
    await Alert.delete().where(Alert.id.is_in(alerts))
