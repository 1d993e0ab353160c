"""One-tap alerts: what the routes call. Access checks and the audit log here; the
state machine is escalation.py, the outbox outbox.py, what each reader sees views.py,
and everything read from other domains people.py.

An alert ends acknowledged, cancelled, or failed-and-reported: never silently.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from backend.accounts.actor import Actor
from backend.alerts import escalation, people, sql, views
from backend.alerts import guards as alert_guards
from backend.alerts import words as w
from backend.alerts.location import Location, describe
from backend.alerts.schemas import (
    AlertForUser,
    AlertState,
    AlertStatus,
    AlertSummary,
    Answer,
    Purpose,
    RecipientView,
)
from backend.alerts.tables import Alert, AlertRecipient, AlertTap
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction
from backend.errors import Forbidden, NotFound
from backend.sealed import seal_json, unseal
from backend.words import Reader
from backend.young_people import guards

Ring = Callable[[], None]


def _quiet() -> None:
    """No worker in this process to wake (tests, a command)."""


async def raise_alert(
    actor: Actor, key: str, kind: str | None, location: Location | None, now: dt.datetime, ring: Ring = _quiet
) -> tuple[AlertStatus, bool]:
    """Send an alert (once per idempotency key); returns (status, created).

    A tap while the young person already has an alert on sends that alert again
    instead of starting another chain of escalations."""
    if not alert_guards.may_send(actor.role) or actor.young_person_id is None:
        raise Forbidden(w.ONLY_YOUNG_PEOPLE)
    young_person_id = actor.young_person_id
    scoped_key = f"{young_person_id}:{key}"
    sealed_location = seal_json(describe(location)) if location else None
    # What a recipient will see is what was true now: the phone number is copied, not
    # looked up in the plan later.
    phone = await people.phone_of(young_person_id)
    created = False
    try:
        async with write_transaction():
            # One tap at a time per young person: two taps racing must not both find
            # no alert on and both start one.
            await people.hold(young_person_id)
            alert_id = await _alert_for_key(scoped_key)
            if alert_id is None:
                on = await sql.ACTIVE_ALERT.first(young_person=young_person_id, state=AlertState.ACTIVE.value)
                if on is not None:
                    if await escalation.send_again(on, scoped_key, sealed_location, now):
                        await audit.record(actor, Action.CHANGE, w.AUDIT_SENT_AGAIN, young_person_id, at=now)
                    alert_id = on["id"]
                else:
                    alert_id = await escalation.start(
                        young_person_id, scoped_key, kind, sealed_location, phone, now
                    )
                    await audit.record(actor, Action.CHANGE, w.AUDIT_SENT, young_person_id, at=now)
                    created = True
    except INTEGRITY_ERRORS as exc:
        # Two retries of one tap raced (PostgreSQL): the other one made the alert.
        if not breaks_unique(exc, Alert.idempotency_key, AlertTap.idempotency_key):
            raise
        alert_id, created = await _alert_for_key(scoped_key), False
        # PostgreSQL reports the clash once the other transaction has committed its row.
        assert alert_id is not None
    ring()
    return await _own_status(actor, await _alert(alert_id)), created


async def _alert_for_key(scoped_key: str) -> uuid.UUID | None:
    """The alert a tap with this key made or was added to, if it reached us before."""
    row = await sql.ALERT_FOR_KEY.first(key=scoped_key)
    return row["alert"] if row else None


async def _alert(alert_id: uuid.UUID) -> dict:
    row = await sql.ALERT.first(id=alert_id)
    if row is None:
        raise NotFound(w.NOT_FOUND)
    return row


async def _alert_for(actor: Actor, alert_id: uuid.UUID, missing: str) -> dict:
    """The alert, or NotFound; probing for ids that do not exist is audited too."""
    row = await Alert.select().where(Alert.id == alert_id).first()
    if row is None:
        await audit.record(actor, Action.REFUSED, missing)
        raise NotFound(w.NOT_FOUND)
    return row


async def _refuse(actor: Actor, alert: dict, attempt: str) -> NotFound:
    """Audit the attempt and answer as for an alert that does not exist."""
    await audit.record(actor, Action.REFUSED, attempt, alert["young_person"])
    return NotFound(w.NOT_FOUND)


async def _name_of(young_person_id: uuid.UUID) -> str:
    record = await people.young_person(young_person_id)
    return record.preferred_name if record else ""


async def _own_status(actor: Actor, alert: dict) -> AlertStatus:
    """The young person's own alert, for them (checked by the caller)."""
    return await views.status(alert, Reader.YOUNG_PERSON, "", alert_guards.status_can("self", alert["state"]))


async def _status_for(relation: str | None, alert: dict) -> AlertStatus:
    if alert_guards.is_owner(relation):
        reader, name = Reader.YOUNG_PERSON, ""
    else:
        reader, name = Reader.ADULT, await _name_of(alert["young_person"])
    return await views.status(
        alert,
        reader,
        name,
        alert_guards.status_can(relation, alert["state"]),
        with_attempts=alert_guards.may_see_attempts(relation),
    )


async def _recipient_row(alert_id: uuid.UUID, contact_id=None, user_id=None) -> dict | None:
    who = (AlertRecipient.contact == contact_id) if contact_id else (AlertRecipient.user == user_id)
    row = (
        await AlertRecipient.select()
        .where((AlertRecipient.alert == alert_id) & who & (AlertRecipient.purpose == Purpose.ALERT))
        .first()
    )
    if row is not None:
        row["name"] = unseal(row["name"])
    return row


async def _opened(alert: dict, recipient: dict, now: dt.datetime) -> RecipientView:
    """The recipient view; the first look marks it opened, so the young person sees it."""
    if recipient["opened_at"] is None:
        async with write_transaction():
            await AlertRecipient.update(opened_at=now).where(
                (AlertRecipient.id == recipient["id"]) & AlertRecipient.opened_at.is_null()
            )
    return await views.for_recipient(alert, recipient, now)


# -- a trusted contact (no account) ------------------------------------------------------


async def _contact_recipient(contact, alert_id: uuid.UUID, attempt: str, missing: str) -> tuple[dict, dict]:
    """The alert and the contact's line on it, or NotFound; a refusal is audited."""
    alert = await Alert.select().where(Alert.id == alert_id).first()
    recipient = await _recipient_row(alert_id, contact_id=people.contact_id(contact)) if alert else None
    if recipient is None:
        await audit.record(
            people.contact_who(contact),
            Action.REFUSED,
            attempt if alert else missing,
            alert["young_person"] if alert else None,
        )
        raise NotFound(w.NOT_FOUND)
    assert alert is not None  # a recipient was found only on an alert
    return alert, recipient


async def view_for_contact(contact, alert_id: uuid.UUID, now: dt.datetime) -> RecipientView:
    alert, recipient = await _contact_recipient(contact, alert_id, w.TRY_OPEN, w.TRY_MISSING)
    view = await _opened(alert, recipient, now)
    await audit.record(
        people.contact_who(contact), Action.READ, w.AUDIT_OPENED, alert["young_person"], at=now
    )
    return view


async def respond_as_contact(
    contact, alert_id: uuid.UUID, answer: Answer, now: dt.datetime, ring: Ring = _quiet
) -> RecipientView:
    _, recipient = await _contact_recipient(contact, alert_id, w.TRY_ANSWER, w.TRY_ANSWER_MISSING)
    await _respond(alert_id, recipient, answer, people.contact_id(contact), now)
    ring()
    return await view_for_contact(contact, alert_id, now)


async def open_for_contact(contact) -> list[AlertSummary]:
    """Alerts this contact was sent (the contact's home shows the active one first).
    The contact cookie works only while they are one of the young person's people."""
    sent = AlertRecipient.select(AlertRecipient.alert).where(
        (AlertRecipient.contact == people.contact_id(contact)) & (AlertRecipient.purpose == Purpose.ALERT)
    )
    return await views.summaries(Alert.id.is_in(sent))


# -- a signed-in person ------------------------------------------------------------------


async def view_for_user(actor: Actor, alert_id: uuid.UUID, now: dt.datetime) -> AlertForUser:
    """The young person sees the status; an alerted carer or duty worker sees the
    recipient view; the allocated social worker and carers can read the status too (the
    social worker with every send attempt)."""
    alert = await _alert_for(actor, alert_id, w.TRY_MISSING)
    relation = await people.relation_of(actor, alert["young_person"])
    if actor.role == "young_person":
        if not alert_guards.is_owner(relation):
            raise await _refuse(actor, alert, w.TRY_OPEN)
        return AlertForUser(status=await _status_for(relation, alert), recipient=None)
    recipient = await _current_recipient(actor, alert, relation)
    if recipient is None and not alert_guards.may_read_status(relation):
        raise await _refuse(actor, alert, w.TRY_OPEN)
    # The recipient view marks it opened: do that first, so their own line says "opened".
    mine = await _opened(alert, recipient, now) if recipient is not None else None
    result = AlertForUser(status=await _status_for(relation, alert), recipient=mine)
    await audit.record(actor, Action.READ, w.AUDIT_READ, alert["young_person"], at=now)
    return result


async def _current_recipient(actor: Actor, alert: dict, relation: str | None) -> dict | None:
    """The caller's recipient row, only while the tie that put them on the alert holds
    now: an old alert is no way back into a young person's information."""
    recipient = await _recipient_row(alert["id"], user_id=actor.user_id)
    if recipient is None:
        return None
    record = await people.young_person(alert["young_person"])
    in_council = actor.council_id is not None and record is not None and actor.council_id == record.council_id
    return recipient if alert_guards.recipient_may_act(recipient["role"], relation, in_council) else None


async def respond_as_user(
    actor: Actor, alert_id: uuid.UUID, answer: Answer, now: dt.datetime, ring: Ring = _quiet
) -> AlertForUser:
    alert = await _alert_for(actor, alert_id, w.TRY_ANSWER_MISSING)
    relation = await people.relation_of(actor, alert["young_person"])
    recipient = await _current_recipient(actor, alert, relation)
    if recipient is None:
        raise await _refuse(actor, alert, w.TRY_ANSWER)
    await _respond(alert_id, recipient, answer, actor.user_id, now)
    ring()
    return await view_for_user(actor, alert_id, now)


async def _respond(
    alert_id: uuid.UUID, recipient: dict, answer: Answer, actor_id: uuid.UUID, now: dt.datetime
) -> None:
    """The answer of the person the recipient row is for (`actor_id`: their account, or
    their contact id), who is named in the audit log as the alert named them."""
    async with write_transaction():
        alert = await _alert(alert_id)
        if answer is Answer.ACKNOWLEDGE:
            await escalation.acknowledge(alert, recipient, now)
        else:
            await escalation.decline(alert, recipient, now)
        code = w.AUDIT_ACKNOWLEDGED if answer is Answer.ACKNOWLEDGE else w.AUDIT_DECLINED
        await audit.record(
            audit.Who(actor_id, recipient["name"], recipient["role"]),
            Action.CHANGE,
            code,
            alert["young_person"],
            at=now,
        )


async def cancel(actor: Actor, alert_id: uuid.UUID, now: dt.datetime) -> AlertStatus:
    """The young person is OK: stop escalating and send nothing more."""
    alert = await _alert_for(actor, alert_id, w.TRY_CANCEL_MISSING)
    relation = await people.relation_of(actor, alert["young_person"])
    if actor.role != "young_person" or not alert_guards.is_owner(relation):
        raise await _refuse(actor, alert, w.TRY_CANCEL)
    async with write_transaction():
        alert = await _alert(alert_id)
        if await escalation.cancel(alert, now):
            await audit.record(actor, Action.CHANGE, w.AUDIT_CANCELLED, alert["young_person"], at=now)
    return await _own_status(actor, await _alert(alert_id))


async def history(actor: Actor, young_person_id: uuid.UUID) -> list[AlertStatus]:
    relation = await people.require(actor, young_person_id, guards.may_read_record, w.TRY_HISTORY)
    rows = await (
        Alert.select()
        .where(Alert.young_person == young_person_id)
        .order_by(Alert.created_at, ascending=False)
        .limit(100)
    )
    await audit.record(actor, Action.READ, w.AUDIT_HISTORY, young_person_id)
    return [await _status_for(relation, row) for row in rows]


async def open_for_user(actor: Actor) -> list[AlertSummary]:
    """Alerts a carer or duty worker was asked to answer (not the final 999/101
    notice), only those they may still open (alerts.guards, with their ties now)."""
    rows = await AlertRecipient.select(
        AlertRecipient.alert, AlertRecipient.role, AlertRecipient.alert.young_person
    ).where((AlertRecipient.user == actor.user_id) & (AlertRecipient.purpose == Purpose.ALERT))
    if not rows:
        return []
    placed = set(await people.placed_with(actor.user_id))
    allocated = set(await people.caseload(actor.user_id))
    councils: dict[uuid.UUID, uuid.UUID | None] = {}
    allowed = []
    for row in rows:
        young_person_id = row["alert.young_person"]
        if young_person_id not in councils:
            record = await people.young_person(young_person_id)
            councils[young_person_id] = record.council_id if record else None
        relation = (
            "carer"
            if young_person_id in placed
            else "social_worker"
            if young_person_id in allocated
            else None
        )
        in_council = actor.council_id is not None and councils[young_person_id] == actor.council_id
        if alert_guards.recipient_may_act(row["role"], relation, in_council):
            allowed.append(row["alert"])
    return await views.summaries(Alert.id.is_in(allowed)) if allowed else []


async def subscribe_user(actor: Actor, subscription: dict, now: dt.datetime) -> None:
    await people.store_subscription(subscription, now, user_id=actor.user_id)


async def unsubscribe_user(actor: Actor, endpoint: str | None = None) -> None:
    """Alerts off: on one browser (its endpoint, when signing out there) or on all."""
    if endpoint:
        await people.remove_browser(actor.user_id, endpoint)
    else:
        await people.remove_subscriptions(actor.user_id)


async def for_caseload(actor: Actor) -> list[AlertSummary]:
    """Alerts of the young people allocated to this social worker now, any still on
    first, then the newest (what their home shows: how each one went)."""
    young_people_ids = await people.caseload(actor.user_id)
    if not young_people_ids:
        return []
    found = await views.summaries(Alert.young_person.is_in(young_people_ids))
    return sorted(found, key=lambda summary: summary.state != AlertState.ACTIVE)
