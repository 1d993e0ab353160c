"""One-tap alerts: who is reached at each level, and what each person sees.

Levels: 0 the young person's trusted people; 1 their carer(s); 2 the council's duty
(out-of-hours) social worker; then the alert ends "failed" and the young person and
carer are told plainly to call 999 if in danger, or 101. A level with nobody on it is
skipped. An alert ends acknowledged, cancelled, or failed-and-reported: never silently.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from backend.accounts.actor import Actor
from backend.accounts.tables import User
from backend.alerts import guards as alert_guards
from backend.alerts.location import Location, describe
from backend.alerts.tables import Alert, AlertEvent, AlertRecipient, AlertTap, Delivery, EscalationSettings
from backend.audit import services as audit
from backend.clock import as_utc
from backend.contacts.api import Contact
from backend.contacts.tables import TrustedContact
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction
from backend.errors import Forbidden, NotFound
from backend.plans import api as plans
from backend.push import api as push
from backend.security import decrypt, encrypt
from backend.young_people import guards
from backend.young_people import services as young_people
from backend.young_people.tables import Placement, YoungPerson

KINDS = {
    "need_help": "I need help",
    "safe_not_home": "I'm safe but not home yet",
    "call_me": "Please call me",
}
LEVEL_WORDS = {0: "your people", 1: "your carer", 2: "the social worker on duty"}
DEFAULT_MINUTES = 5
FINAL_ADVICE = "Nobody has answered yet. If you are in danger now, call 999. If not, call 101."
NOBODY_REACHED = "We couldn't reach any of your people. If you are in danger now, call 999. If not, call 101."
NOT_FOUND = "There is no such alert."
# Taps while an alert is on send it again; its people are asked again at most this often.
RESEND_GAP = dt.timedelta(minutes=1)

_waker = None


def set_waker(callback) -> None:
    """The in-process worker registers here, so a new alert is sent at once."""
    global _waker
    _waker = callback


def wake_worker() -> None:
    if _waker is not None:
        _waker()


async def escalation_minutes(council_id: uuid.UUID | None) -> int:
    row = (
        await EscalationSettings.select(EscalationSettings.minutes)
        .where(EscalationSettings.council == council_id)
        .first()
    )
    return row["minutes"] if row else DEFAULT_MINUTES


async def _people_at(level: int, young_person: dict) -> list[dict]:
    """Who is alerted at a level: [{name, role, contact, user, email}]."""
    if level == 0:
        rows = (
            await TrustedContact.select(TrustedContact.id, TrustedContact.details)
            .where((TrustedContact.young_person == young_person["id"]) & (TrustedContact.state == "active"))
            .order_by(TrustedContact.position)
        )
        people = []
        for row in rows:
            details = json.loads(decrypt(row["details"]))
            people.append(
                {
                    "name": details["name"],
                    "role": "trusted_contact",
                    "contact": row["id"],
                    "user": None,
                    "email": details.get("email") or None,
                }
            )
        return people
    if level == 1:
        rows = await Placement.select(
            Placement.carer, Placement.carer.display_name, Placement.carer.email
        ).where((Placement.young_person == young_person["id"]) & (Placement.active == True))  # noqa: E712
        return [
            {
                "name": r["carer.display_name"],
                "role": "carer",
                "contact": None,
                "user": r["carer"],
                "email": r["carer.email"],
            }
            for r in rows
        ]
    if level == 2:
        row = (
            await EscalationSettings.select(
                EscalationSettings.duty_user,
                EscalationSettings.duty_user.display_name,
                EscalationSettings.duty_user.email,
                EscalationSettings.duty_user.active,
            )
            .where(EscalationSettings.council == young_person["council"])
            .first()
        )
        if row and row["duty_user"] and row["duty_user.active"]:
            return [
                {
                    "name": row["duty_user.display_name"],
                    "role": "duty",
                    "contact": None,
                    "user": row["duty_user"],
                    "email": row["duty_user.email"],
                }
            ]
    return []


async def _deliveries(recipient_id: uuid.UUID, person: dict, now: dt.datetime) -> list[Delivery]:
    """Outbox rows for one person: every push subscription they have, else email."""
    if person["contact"]:
        subscriptions = await push.subscriptions_of(contact_id=person["contact"])
    else:
        subscriptions = await push.subscriptions_of(user_id=person["user"])
    deliveries = [
        Delivery(
            recipient=recipient_id, channel="push", subscription=s, next_attempt_at=now, created_at=now
        )
        for s in subscriptions
    ]
    if not deliveries and person.get("email"):
        deliveries.append(
            Delivery(
                recipient=recipient_id,
                channel="email",
                address=encrypt(person["email"]),
                next_attempt_at=now,
                created_at=now,
            )
        )
    return deliveries


async def _reach(
    alert_id: uuid.UUID, people: list[dict], level: int, now: dt.datetime, purpose: str = "alert"
) -> int:
    """Recipients and their outbox rows; someone with no way to reach them is marked
    failed at once, so the young person sees it. Returns how many can be reached."""
    reachable = 0
    for person in people:
        recipient = AlertRecipient(
            alert=alert_id,
            level=level,
            contact=person["contact"],
            user=person["user"],
            name=person["name"],
            role=person["role"],
            purpose=purpose,
            created_at=now,
        )
        deliveries = await _deliveries(recipient.id, person, now)
        if not deliveries:
            recipient.failed_at = now
        await AlertRecipient.insert(recipient)
        if deliveries:
            reachable += 1
            await Delivery.insert(*deliveries)
    return reachable


async def _event(alert_id: uuid.UUID, what: str, now: dt.datetime) -> None:
    await AlertEvent.insert(AlertEvent(alert=alert_id, at=now, what=what))


async def advance(alert: dict, from_level: int, now: dt.datetime) -> None:
    """Alert the first level from `from_level` that has anyone on it; with nobody left,
    end the alert as failed and tell the young person and carer what to do.
    Call inside a write transaction."""
    young_person = await YoungPerson.select().where(YoungPerson.id == alert["young_person"]).first()
    for level in range(from_level, 3):
        people = await _people_at(level, young_person)
        if not people:
            continue
        names = ", ".join(p["name"] for p in people)
        if not await _reach(alert["id"], people, level, now):
            # Nobody here has notifications or an email: waiting would help no one.
            await _event(alert["id"], f"Could not reach {LEVEL_WORDS[level]}: {names}", now)
            continue
        minutes = await escalation_minutes(young_person["council"])
        await Alert.update(
            level=level, notified_at=now, next_escalation_at=now + dt.timedelta(minutes=minutes)
        ).where(Alert.id == alert["id"])
        await _event(alert["id"], f"Sent to {LEVEL_WORDS[level]}: {names}", now)
        return
    await Alert.update(state="failed", level=3, next_escalation_at=None, ended_at=now).where(
        Alert.id == alert["id"]
    )
    final = (
        [
            {
                "name": young_person["preferred_name"],
                "role": "young_person",
                "contact": None,
                "user": young_person["user"],
                "email": None,
            }
        ]
        if young_person["user"]
        else []
    )
    final += await _people_at(1, young_person)
    await _reach(alert["id"], final, 3, now, purpose="call_999")
    anyone_reached = await AlertRecipient.exists().where(
        (AlertRecipient.alert == alert["id"])
        & (AlertRecipient.purpose == "alert")
        & AlertRecipient.failed_at.is_null()
    )
    await _event(alert["id"], FINAL_ADVICE if anyone_reached else NOBODY_REACHED, now)
    await audit.record_text(
        None,
        "change",
        "nobody answered your alert in time; you and your carer were told to call 999 if in danger, or 101",
        alert["young_person"],
        at=now,
    )


async def raise_alert(
    actor: Actor, key: str, kind: str | None, location: Location | None, now: dt.datetime
) -> tuple[dict, bool]:
    """Send an alert (once per idempotency key); returns (status view, created).

    A tap while the young person already has an alert on sends that alert again
    instead of starting another chain of escalations (see `_send_again`)."""
    if actor.role != "young_person" or actor.young_person_id is None:
        raise Forbidden("Only a young person can send an alert.")
    young_person_id = actor.young_person_id
    scoped_key = f"{young_person_id}:{key}"
    sealed_location = encrypt(json.dumps(describe(location))) if location else None
    # What a recipient will see is what was true now: the phone number is copied, not
    # looked up in the plan later.
    phone = await _young_person_phone(young_person_id)
    created = False
    try:
        async with write_transaction():
            # One tap at a time per young person: two taps racing must not both find
            # no alert on and both start one.
            await young_people.hold(young_person_id)
            alert_id = await _alert_for_key(scoped_key)
            if alert_id is None:
                on = await Alert.select().where(
                    (Alert.young_person == young_person_id) & (Alert.state == "active")
                ).first()
                if on is not None:
                    await _send_again(actor, on, scoped_key, sealed_location, now)
                    alert_id = on["id"]
                else:
                    alert_id = await _start(actor, scoped_key, kind, sealed_location, phone, now)
                    created = True
    except INTEGRITY_ERRORS as exc:
        # Two retries of one tap raced (PostgreSQL): the other one made the alert.
        if not breaks_unique(exc, Alert.idempotency_key, AlertTap.idempotency_key):
            raise
        alert_id, created = await _alert_for_key(scoped_key), False
    wake_worker()
    return await status_for_young_person(actor, alert_id), created


async def _alert_for_key(scoped_key: str) -> uuid.UUID | None:
    """The alert a tap with this key made or was added to, if it reached us before."""
    row = await Alert.select(Alert.id).where(Alert.idempotency_key == scoped_key).first()
    if row is not None:
        return row["id"]
    tap = await AlertTap.select(AlertTap.alert).where(AlertTap.idempotency_key == scoped_key).first()
    return tap["alert"] if tap else None


async def _start(
    actor: Actor, scoped_key: str, kind: str | None, sealed_location: str | None, phone: str,
    now: dt.datetime,
) -> uuid.UUID:
    young_person_id = actor.young_person_id
    alert = Alert(
        young_person=young_person_id,
        idempotency_key=scoped_key,
        kind=kind,
        created_at=now,
        location=sealed_location,
        phone=encrypt(phone) if phone else None,
    )
    await Alert.insert(alert)
    shared = " and shared where you are" if sealed_location else ""
    await _event(alert.id, "You sent an alert" + shared, now)
    await advance({"id": alert.id, "young_person": young_person_id}, 0, now)
    await audit.record_text(actor, "change", "sent an alert to your people", young_person_id, at=now)
    return alert.id


async def _send_again(
    actor: Actor, alert: dict, scoped_key: str, sealed_location: str | None, now: dt.datetime
) -> None:
    """A new tap while the alert is on: the same alert, "sent again". The tap is kept
    (a retry of it changes nothing more); the story says so at most once a minute, or
    whenever a new place is shared; and the people at the current level who have not
    answered are asked again, at most once a minute. Escalation keeps its own time."""
    await AlertTap.insert(AlertTap(alert=alert["id"], idempotency_key=scoped_key, at=now))
    changes = {}
    said_lately = alert["sent_again_at"] is not None and now - as_utc(alert["sent_again_at"]) < RESEND_GAP
    if sealed_location or not said_lately:
        changes[Alert.sent_again_at] = now
        shared = " and shared where you are now" if sealed_location else ""
        await _event(alert["id"], "You sent it again" + shared, now)
        await audit.record_text(actor, "change", "sent your alert again", alert["young_person"], at=now)
    if sealed_location:
        changes[Alert.location] = sealed_location
    if alert["notified_at"] is None or now - as_utc(alert["notified_at"]) >= RESEND_GAP:
        names = await _ask_again(alert, now)
        if names:
            changes[Alert.notified_at] = now
            await _event(alert["id"], f"Sent again to {LEVEL_WORDS[alert['level']]}: {', '.join(names)}", now)
    if changes:
        await Alert.update(changes).where(Alert.id == alert["id"])


async def _ask_again(alert: dict, now: dt.datetime) -> list[str]:
    """New outbox rows for the people at the alert's level who have not answered and
    may still be reached (a contact who stepped down, a carer no longer placed, is
    not). Returns their names."""
    young_person = await YoungPerson.select().where(YoungPerson.id == alert["young_person"]).first()
    columns = (AlertRecipient.id, AlertRecipient.contact, AlertRecipient.user)
    waiting = await AlertRecipient.select(*columns).where(
        (AlertRecipient.alert == alert["id"])
        & (AlertRecipient.level == alert["level"])
        & (AlertRecipient.purpose == "alert")
        & AlertRecipient.acknowledged_at.is_null()
        & AlertRecipient.declined_at.is_null()
    )
    recipient_of = {(row["contact"], row["user"]): row["id"] for row in waiting}
    names = []
    for person in await _people_at(alert["level"], young_person):
        recipient_id = recipient_of.get((person["contact"], person["user"]))
        deliveries = await _deliveries(recipient_id, person, now) if recipient_id else []
        if deliveries:
            await Delivery.insert(*deliveries)
            names.append(person["name"])
    return names


async def _alert(alert_id: uuid.UUID) -> dict:
    row = await Alert.select().where(Alert.id == alert_id).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


def _recipient_status(row: dict, delivered: bool) -> tuple[str, dt.datetime | None]:
    for status, key in (
        ("acknowledged", "acknowledged_at"),
        ("declined", "declined_at"),
        ("opened", "opened_at"),
        ("reached", "reached_at"),
        ("failed", "failed_at"),
    ):
        if row[key]:
            return status, row[key]
    return "sent", row["created_at"]


async def _status(alert: dict) -> dict:
    recipients = (
        await AlertRecipient.select()
        .where(AlertRecipient.alert == alert["id"])
        .order_by(AlertRecipient.level)
        .order_by(AlertRecipient.created_at)
    )
    events = (
        await AlertEvent.select(AlertEvent.at, AlertEvent.what)
        .where(AlertEvent.alert == alert["id"])
        .order_by(AlertEvent.at)
        .order_by(AlertEvent.id)
    )
    people = []
    for row in recipients:
        if row["purpose"] != "alert":
            continue
        status, at = _recipient_status(row, False)
        people.append(
            {"name": row["name"], "role": row["role"], "level": row["level"], "status": status, "at": at}
        )
    return {
        "id": alert["id"],
        "state": alert["state"],
        "kind": alert["kind"],
        "kind_words": KINDS.get(alert["kind"] or "", "Alert"),
        "created_at": alert["created_at"],
        "ended_at": alert["ended_at"],
        "level": alert["level"],
        "acknowledged_by": alert["acknowledged_by"],
        "location_shared": alert["location"] is not None,
        "sent_again_at": alert["sent_again_at"],
        "advice": _advice(alert, people),
        "recipients": people,
        "events": events,
    }


async def _alert_for(actor: Actor, alert_id: uuid.UUID, what: str) -> dict:
    """The alert, or NotFound; probing for ids that do not exist is audited too."""
    row = await Alert.select().where(Alert.id == alert_id).first()
    if row is None:
        await audit.record_text(actor, "refused", f"tried to {what} that does not exist")
        raise NotFound(NOT_FOUND)
    return row


async def _refuse(actor: Actor, alert: dict, what: str) -> NotFound:
    """Audit the attempt and answer as for an alert that does not exist."""
    await audit.record_text(actor, "refused", f"tried to {what}", alert["young_person"])
    return NotFound(NOT_FOUND)


def _advice(alert: dict, people: list[dict]) -> str | None:
    if alert["state"] != "failed":
        return None
    if any(person["status"] != "failed" for person in people):
        return FINAL_ADVICE
    return NOBODY_REACHED


async def status_for_young_person(actor: Actor, alert_id: uuid.UUID) -> dict:
    alert = await _alert_for(actor, alert_id, "open an alert")
    if actor.role != "young_person" or alert["young_person"] != actor.young_person_id:
        raise await _refuse(actor, alert, "open an alert")
    return await _status(alert)


async def _recipient_row(alert_id: uuid.UUID, contact_id=None, user_id=None) -> dict | None:
    who = (AlertRecipient.contact == contact_id) if contact_id else (AlertRecipient.user == user_id)
    return (
        await AlertRecipient.select()
        .where((AlertRecipient.alert == alert_id) & who & (AlertRecipient.purpose == "alert"))
        .first()
    )


async def _young_person_phone(young_person_id: uuid.UUID) -> str:
    return await plans.phone_of(young_person_id)


async def _recipient_view(alert: dict, recipient: dict, now: dt.datetime) -> dict:
    """What a person who was alerted sees: who needs them, the message, where (if
    shared), and buttons to call or text."""
    if recipient["opened_at"] is None:
        async with write_transaction():
            await AlertRecipient.update(opened_at=now).where(
                (AlertRecipient.id == recipient["id"]) & AlertRecipient.opened_at.is_null()
            )
    young_person = (
        await YoungPerson.select(YoungPerson.preferred_name)
        .where(YoungPerson.id == alert["young_person"])
        .first()
    )
    status, _ = _recipient_status({**recipient, "opened_at": recipient["opened_at"] or now}, False)
    return {
        "id": alert["id"],
        "young_person_name": young_person["preferred_name"],
        "young_person_phone": decrypt(alert["phone"]) if alert["phone"] else "",
        "kind_words": KINDS.get(alert["kind"] or "", "I need help"),
        "created_at": alert["created_at"],
        "state": alert["state"],
        "acknowledged_by": alert["acknowledged_by"],
        "location": json.loads(decrypt(alert["location"])) if alert["location"] else None,
        "sent_again_at": alert["sent_again_at"],
        "my_status": status,
    }


async def _contact_recipient(contact: Contact, alert_id: uuid.UUID, what: str) -> tuple[dict, dict]:
    """The alert and the contact's line on it, or NotFound; a refusal is audited."""
    alert = await Alert.select().where(Alert.id == alert_id).first()
    recipient = await _recipient_row(alert_id, contact_id=contact.id) if alert else None
    if recipient is None:
        young_person = alert["young_person"] if alert else None
        what = f"tried to {what}" + ("" if alert else " that does not exist")
        await audit.record_text(contact.who, "refused", what, young_person)
        raise NotFound(NOT_FOUND)
    return alert, recipient


async def view_for_contact(contact: Contact, alert_id: uuid.UUID, now: dt.datetime) -> dict:
    alert, recipient = await _contact_recipient(contact, alert_id, "open an alert")
    view = await _recipient_view(alert, recipient, now)
    await audit.record_text(contact.who, "read", "opened your alert", alert["young_person"], at=now)
    return view


async def view_for_user(actor: Actor, alert_id: uuid.UUID, now: dt.datetime) -> dict:
    """The young person sees the status; an alerted carer or duty worker sees the
    recipient view; the allocated social worker and carers can read the status too."""
    alert = await _alert_for(actor, alert_id, "open an alert")
    if actor.role == "young_person":
        if alert["young_person"] != actor.young_person_id:
            raise await _refuse(actor, alert, "open an alert")
        return {"status": await _status(alert), "recipient": None}
    relation = await young_people.relation_of(actor, alert["young_person"])
    recipient = await _current_recipient(actor, alert, relation)
    if recipient is None and not guards.may_read_record(relation):
        raise await _refuse(actor, alert, "open an alert")
    # The recipient view marks it opened: do that first, so their own line says "opened".
    mine = await _recipient_view(alert, recipient, now) if recipient is not None else None
    result = {"status": await _status(alert), "recipient": mine}
    await audit.record_text(actor, "read", "looked at your alert", alert["young_person"], at=now)
    return result


async def _current_recipient(actor: Actor, alert: dict, relation: str | None) -> dict | None:
    """The caller's recipient row, only while the tie that put them on the alert holds
    now: an old alert is no way back into a young person's information."""
    recipient = await _recipient_row(alert["id"], user_id=actor.user_id)
    if recipient is None:
        return None
    in_council = actor.council_id is not None and actor.council_id == await young_people.council_of(
        alert["young_person"]
    )
    return recipient if alert_guards.recipient_may_act(recipient["role"], relation, in_council) else None


async def _respond(alert_id: uuid.UUID, recipient: dict, answer: str, now: dt.datetime) -> None:
    async with write_transaction():
        alert = await _alert(alert_id)
        if answer == "acknowledge":
            await AlertRecipient.update(acknowledged_at=now).where(AlertRecipient.id == recipient["id"])
            ended = (
                await Alert.update(
                    state="acknowledged",
                    ended_at=now,
                    next_escalation_at=None,
                    acknowledged_by=recipient["name"],
                )
                .where((Alert.id == alert_id) & (Alert.state == "active"))
                .returning(Alert.id)
            )
            if ended:
                await _event(alert_id, f"{recipient['name']} has got this", now)
        else:
            await AlertRecipient.update(declined_at=now).where(AlertRecipient.id == recipient["id"])
            await _event(alert_id, f"{recipient['name']} can't right now", now)
            # Everyone at this level said no: go to the next level now, not in minutes.
            await move_on_if_nobody_left(alert_id, now)
        await audit.record_by(
            recipient["name"],
            recipient["role"],
            "change",
            "said they have got your alert" if answer == "acknowledge" else "said they can't help right now",
            alert["young_person"],
            at=now,
        )
    wake_worker()


async def respond_as_contact(contact: Contact, alert_id: uuid.UUID, answer: str, now: dt.datetime) -> dict:
    _, recipient = await _contact_recipient(contact, alert_id, "answer an alert")
    await _respond(alert_id, recipient, answer, now)
    return await view_for_contact(contact, alert_id, now)


async def respond_as_user(actor: Actor, alert_id: uuid.UUID, answer: str, now: dt.datetime) -> dict:
    alert = await _alert_for(actor, alert_id, "answer an alert")
    relation = await young_people.relation_of(actor, alert["young_person"])
    recipient = await _current_recipient(actor, alert, relation)
    if recipient is None:
        raise await _refuse(actor, alert, "answer an alert")
    await _respond(alert_id, recipient, answer, now)
    return await view_for_user(actor, alert_id, now)


async def cancel(actor: Actor, alert_id: uuid.UUID, now: dt.datetime) -> dict:
    """The young person is OK: stop escalating and send nothing more."""
    alert = await _alert_for(actor, alert_id, "cancel an alert")
    if actor.role != "young_person" or alert["young_person"] != actor.young_person_id:
        raise await _refuse(actor, alert, "cancel an alert")
    async with write_transaction():
        ended = (
            await Alert.update(state="cancelled", ended_at=now, next_escalation_at=None)
            .where((Alert.id == alert_id) & (Alert.state == "active"))
            .returning(Alert.id)
        )
        if ended:
            recipients = AlertRecipient.select(AlertRecipient.id).where(AlertRecipient.alert == alert_id)
            await Delivery.update(state="cancelled").where(
                Delivery.recipient.is_in(recipients) & (Delivery.state == "pending")
            )
            await _event(alert_id, "You said you're OK now", now)
            await audit.record_text(actor, "change", "cancelled your alert", alert["young_person"], at=now)
    return await status_for_young_person(actor, alert_id)


async def history(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    await young_people.require(actor, young_person_id, guards.may_read_record, "see alerts")
    rows = (
        await Alert.select()
        .where(Alert.young_person == young_person_id)
        .order_by(Alert.created_at, ascending=False)
        .limit(100)
    )
    await audit.record_text(actor, "read", "looked at your alerts", young_person_id)
    return [await _status(row) for row in rows]


async def open_for_contact(contact: Contact) -> list[dict]:
    """Alerts this contact was sent (the contact's home shows the active one first).
    The contact cookie works only while they are one of the young person's people."""
    sent = AlertRecipient.select(AlertRecipient.alert).where(
        (AlertRecipient.contact == contact.id) & (AlertRecipient.purpose == "alert")
    )
    return await _summaries(Alert.id.is_in(sent))


async def open_for_user(actor: Actor) -> list[dict]:
    """Alerts a carer or duty worker was asked to answer (not the final 999/101
    notice), only those they may still open: the rule of alerts.guards, as a query."""
    mine = (AlertRecipient.user == actor.user_id) & (AlertRecipient.purpose == "alert")
    as_carer = AlertRecipient.select(AlertRecipient.alert).where(mine & (AlertRecipient.role == "carer"))
    as_duty = AlertRecipient.select(AlertRecipient.alert).where(mine & (AlertRecipient.role == "duty"))
    return await _summaries(
        (Alert.id.is_in(as_carer) & Alert.young_person.is_in(young_people.placed_with(actor.user_id)))
        | (Alert.id.is_in(as_duty) & Alert.young_person.is_in(young_people.in_council(actor.council_id)))
    )


async def _summaries(which) -> list[dict]:
    rows = (
        await Alert.select(
            Alert.id,
            Alert.created_at,
            Alert.state,
            Alert.acknowledged_by,
            Alert.young_person.preferred_name,
        )
        .where(which)
        .order_by(Alert.created_at, ascending=False)
        .limit(20)
    )
    return [
        {
            "id": r["id"],
            "created_at": r["created_at"],
            "state": r["state"],
            "acknowledged_by": r["acknowledged_by"],
            "young_person_name": r["young_person.preferred_name"],
        }
        for r in rows
    ]


async def subscribe_user(actor: Actor, subscription: dict, now: dt.datetime) -> None:
    await push.store(subscription, now, user_id=actor.user_id)


async def move_on_if_nobody_left(alert_id: uuid.UUID, now: dt.datetime) -> None:
    """When everyone at the current level has declined or cannot be reached, escalate
    now rather than when the timer runs out. Call inside a write transaction."""
    alert = await Alert.select(Alert.level, Alert.state).where(Alert.id == alert_id).first()
    if alert is None or alert["state"] != "active":
        return
    waiting = await AlertRecipient.count().where(
        (AlertRecipient.alert == alert_id)
        & (AlertRecipient.level == alert["level"])
        & (AlertRecipient.purpose == "alert")
        & AlertRecipient.declined_at.is_null()
        & AlertRecipient.failed_at.is_null()
    )
    if waiting == 0:
        await Alert.update(next_escalation_at=now).where(
            (Alert.id == alert_id) & (Alert.state == "active") & (Alert.level == alert["level"])
        )


async def user_email(user_id: uuid.UUID) -> str | None:
    row = await User.select(User.email).where(User.id == user_id).first()
    return row["email"] if row else None
