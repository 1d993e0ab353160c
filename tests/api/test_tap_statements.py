"""The tap path's statements written once in councils/sql.py and push/sql.py give what
Piccolo's own queries gave (same rows, same types), and what an alert does with them
follows a council changing its settings at once."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from backend import clock
from backend.alerts.tables import Alert, AlertRecipient
from backend.councils import api as councils
from backend.councils import defaults
from backend.councils import sql as councils_sql
from backend.councils.tables import CouncilSettings, DutyRota
from backend.push import api as push
from backend.push import sql as push_sql
from backend.push.tables import PushSubscription
from tests.api.alerts_helpers import (
    active_contact,
    send_alert,
    set_duty,
    subscribe_contact,
    subscribe_user,
)
from tests.factories import make_council

pytestmark = pytest.mark.usefixtures("out_of_hours_now")


async def test_council_settings_and_rota_are_those_piccolo_gave(world):
    await set_duty(world, world.alex, minutes=7, phone="020 7946 0960")
    where = CouncilSettings.council == world.council_id
    piccolo = await CouncilSettings.select().where(where).first()
    assert piccolo is not None
    assert await councils_sql.SETTINGS.first(council=world.council_id) == piccolo
    ours = await councils_sql.SETTINGS.first(council=world.council_id)
    assert isinstance(ours["id"], uuid.UUID) and isinstance(ours["council"], uuid.UUID)
    assert ours["changed_at"].tzinfo is not None
    rota = await DutyRota.select().where(DutyRota.council == world.council_id).order_by(DutyRota.position)
    assert len(rota) == 1
    assert await councils_sql.ROTA.rows(council=world.council_id) == rota
    assert isinstance(rota[0]["social_worker"], uuid.UUID)
    escalation = await councils_sql.ESCALATION.first(council=world.council_id)
    assert escalation == {"trio_minutes": 7, "carer_minutes": 7, "duty_minutes": 7}


async def test_a_council_never_read_gets_the_guidance_minutes_once(world):
    council_id = await make_council("Newtown")
    assert await CouncilSettings.count().where(CouncilSettings.council == council_id) == 0
    assert await councils.escalation_minutes(council_id, 0) == defaults.ESCALATION_MINUTES
    assert await councils.escalation_minutes(council_id, 2) == defaults.ESCALATION_MINUTES
    assert await CouncilSettings.count().where(CouncilSettings.council == council_id) == 1
    assert (await councils.settings(council_id)).escalation.carer_minutes == defaults.ESCALATION_MINUTES


async def test_subscriptions_and_targets_are_those_piccolo_gave(world, push_service):
    lou = await active_contact(world, "Lou")
    first = await subscribe_contact(lou, push_service)
    second = await subscribe_contact(lou, push_service)
    await subscribe_user(world.alex, push_service)
    rows = await PushSubscription.select(PushSubscription.id, PushSubscription.contact, PushSubscription.user)
    contact_id = next(row["contact"] for row in rows if row["contact"] is not None)
    alex_id = world.alex.user_id
    theirs = sorted(row["id"] for row in rows if row["contact"] == contact_id)
    assert len(theirs) == 2
    assert sorted(await push.subscriptions_of(contact_id=contact_id)) == theirs
    assert sorted(r["id"] for r in await push_sql.OF_CONTACT.rows(contact=contact_id)) == theirs
    alex = [row["id"] for row in rows if row["user"] == alex_id]
    assert await push.subscriptions_of(user_id=alex_id) == alex
    assert all(isinstance(found, uuid.UUID) for found in await push.subscriptions_of(user_id=alex_id))
    for subscription_id in theirs:
        piccolo = (
            await PushSubscription.select(PushSubscription.subscription)
            .where(PushSubscription.id == subscription_id)
            .first()
        )
        assert await push_sql.TARGET.first(id=subscription_id) == piccolo
    targets = [await push.target(subscription_id) for subscription_id in theirs]
    assert sorted(t["endpoint"] for t in targets) == sorted([first["endpoint"], second["endpoint"]])
    assert await push.target(uuid.uuid4()) is None
    assert await push.subscriptions_of(contact_id=uuid.uuid4()) == []


async def _next_escalation(alert_id: str) -> dt.timedelta:
    row = (
        await Alert.select(Alert.created_at, Alert.next_escalation_at)
        .where(Alert.id == uuid.UUID(alert_id))
        .first()
    )
    assert row is not None
    return row["next_escalation_at"] - row["created_at"]


async def test_an_alert_waits_the_minutes_the_council_set_just_before(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    await set_duty(world, world.alex, minutes=7)
    first = await send_alert(world)
    assert await _next_escalation(first["id"]) == dt.timedelta(minutes=7)
    # Jade's alert ends; the council changes its minutes; the next tap waits the new ones.
    reply = await world.jade.client.post(f"/api/alerts/{first['id']}/cancel")
    assert reply.status_code in (200, 204), reply.text
    await set_duty(world, world.alex, minutes=3)
    clock.travel(dt.timedelta(minutes=1))
    second = await send_alert(world)
    assert second["id"] != first["id"]
    assert await _next_escalation(second["id"]) == dt.timedelta(minutes=3)


async def _asked_on_duty(alert_id: str) -> list[uuid.UUID | None]:
    """Who the alert asked at the social worker's step."""
    rows = await AlertRecipient.select(AlertRecipient.user).where(
        (AlertRecipient.alert == uuid.UUID(alert_id)) & (AlertRecipient.level == 2)
    )
    return [row["user"] for row in rows]


async def test_the_social_workers_step_follows_the_rota_the_council_set_just_before(world, push_service):
    """Jade has no people and her carer has no notifications: out of hours her alert goes
    to the rota's worker on duty, read once for the step; the council puts someone else
    on the rota and changes the minutes, and the next alert goes to them."""
    await subscribe_user(world.alex, push_service)
    await subscribe_user(world.sam, push_service)
    await set_duty(world, world.alex, minutes=6)
    first = await send_alert(world)
    assert await _asked_on_duty(first["id"]) == [world.alex.user_id]
    assert await _next_escalation(first["id"]) == dt.timedelta(minutes=6)
    reply = await world.jade.client.post(f"/api/alerts/{first['id']}/cancel")
    assert reply.status_code == 200, reply.text
    await set_duty(world, world.sam, minutes=4)
    clock.travel(dt.timedelta(minutes=1))
    second = await send_alert(world)
    assert await _asked_on_duty(second["id"]) == [world.sam.user_id]
    assert await _next_escalation(second["id"]) == dt.timedelta(minutes=4)
