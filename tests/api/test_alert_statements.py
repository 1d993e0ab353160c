"""The alert path's statements written once (alerts/sql.py) give what Piccolo's own
queries gave: the worker's claimed rows (with their recipient's fields under the keys
of Piccolo's join) and the status view's recipients and story, with the same types."""

from __future__ import annotations

import uuid

import pytest

from backend import clock
from backend.alerts import outbox, sql
from backend.alerts.tables import AlertEvent, AlertRecipient, Delivery
from tests.api.alerts_helpers import active_contact, send_alert, subscribe_contact

pytestmark = pytest.mark.usefixtures("out_of_hours_now")


async def _alert_to_two(world, push_service) -> dict:
    """Lou has notifications on; Kit has only an email address."""
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    await active_contact(world, "Kit", email="kit@example.org")
    return await send_alert(world)


async def test_claimed_rows_are_those_piccolo_gave(world, push_service):
    await _alert_to_two(world, push_service)
    ids = await outbox.claim(uuid.uuid4(), "test", clock.now())
    assert len(ids) == 2
    ours = await outbox.claimed(ids)
    piccolo = await Delivery.select(
        *Delivery.all_columns(),
        Delivery.recipient.alert,
        Delivery.recipient.purpose,
        Delivery.recipient.contact,
        Delivery.recipient.user,
    ).where(Delivery.id.is_in(ids))
    assert sorted(ours, key=lambda row: row["id"]) == sorted(piccolo, key=lambda row: row["id"])
    assert {row["channel"] for row in ours} == {"push", "email"}
    assert all(isinstance(row["recipient.alert"], uuid.UUID) for row in ours)
    assert all(row["claimed_until"].tzinfo is not None for row in ours)


async def test_recipients_and_story_are_those_piccolo_gave(world, push_service):
    alert = await _alert_to_two(world, push_service)
    alert_id = uuid.UUID(alert["id"])
    recipients = await (
        AlertRecipient.select()
        .where(AlertRecipient.alert == alert_id)
        .order_by(AlertRecipient.level)
        .order_by(AlertRecipient.created_at)
    )
    assert len(recipients) == 2
    assert await sql.RECIPIENTS.rows(alert=alert_id) == recipients
    story = await (
        AlertEvent.select(AlertEvent.at, AlertEvent.code, AlertEvent.params)
        .where(AlertEvent.alert == alert_id)
        .order_by(AlertEvent.at)
        .order_by(AlertEvent.id)
    )
    assert len(story) >= 2
    assert await sql.STORY.rows(alert=alert_id) == story
