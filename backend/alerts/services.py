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
from backend.alerts.location import Location, describe
from backend.alerts.tables import Alert, AlertEvent, AlertRecipient, Delivery, EscalationSettings
from backend.audit import services as audit
from backend.contacts import services as contacts
from backend.contacts.tables import PushSubscription, TrustedContact
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction
from backend.errors import Forbidden, NotFound
from backend.plans import services as plans
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
        owner = (
            (PushSubscription.contact == person["contact"])
            if person["contact"]
            else (PushSubscription.user == person["user"])
        )
        subscriptions = await PushSubscription.select(PushSubscription.id).where(owner)
        deliveries = [
            Delivery(
                recipient=recipient.id,
                channel="push",
                subscription=s["id"],
                next_attempt_at=now,
                created_at=now,
            )
            for s in subscriptions
        ]
        if not deliveries and person.get("email"):
            deliveries.append(
                Delivery(
                    recipient=recipient.id,
                    channel="email",
                    address=encrypt(person["email"]),
                    next_attempt_at=now,
                    created_at=now,
                )
            )
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
        await Alert.update(level=level, next_escalation_at=now + dt.timedelta(minutes=minutes)).where(
            Alert.id == alert["id"]
        )
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
    await audit.record(
        None,
        "change",
        "nobody answered your alert in time; you and your carer were told to call 999 if in danger, or 101",
        alert["young_person"],
        at=now,
    )


async def raise_alert(
    actor: Actor, key: str, kind: str | None, location: Location | None, now: dt.datetime
) -> tuple[dict, bool]:
    """Send an alert (once per idempotency key); returns (status view, created)."""
    if actor.role != "young_person" or actor.young_person_id is None:
        raise Forbidden("Only a young person can send an alert.")
    young_person_id = actor.young_person_id
    scoped_key = f"{young_person_id}:{key}"
    alert = Alert(
        young_person=young_person_id,
        idempotency_key=scoped_key,
        kind=kind,
        created_at=now,
        location=encrypt(json.dumps(describe(location))) if location else None,
    )
    try:
        async with write_transaction():
            existing = await Alert.select(Alert.id).where(Alert.idempotency_key == scoped_key).first()
            if existing is None:
                await Alert.insert(alert)
                shared = " and shared where you are" if location else ""
                await _event(alert.id, "You sent an alert" + shared, now)
                await advance({"id": alert.id, "young_person": young_person_id}, 0, now)
                await audit.record(actor, "change", "sent an alert to your people", young_person_id, at=now)
    except INTEGRITY_ERRORS as exc:
        # Two retries of one tap raced (PostgreSQL): the other one made the alert.
        if not breaks_unique(exc, "idempotency_key"):
            raise
        existing = await Alert.select(Alert.id).where(Alert.idempotency_key == scoped_key).first()
    if existing is not None:
        return await status_for_young_person(actor, existing["id"]), False
    wake_worker()
    return await status_for_young_person(actor, alert.id), True


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
        "advice": _advice(alert, people),
        "recipients": people,
        "events": events,
    }


async def _alert_for(actor: Actor, alert_id: uuid.UUID, what: str) -> dict:
    """The alert, or NotFound; probing for ids that do not exist is audited too."""
    row = await Alert.select().where(Alert.id == alert_id).first()
    if row is None:
        await audit.record(actor, "refused", f"tried to {what} that does not exist")
        raise NotFound(NOT_FOUND)
    return row


async def _refuse(actor: Actor, alert: dict, what: str) -> NotFound:
    """Audit the attempt and answer as for an alert that does not exist."""
    await audit.record(actor, "refused", f"tried to {what}", alert["young_person"])
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
    agreed = await plans.agreed_content(young_person_id)
    about = (agreed[1].get("about_me") if agreed else None) or {}
    return about.get("phone", "") or ""


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
        "young_person_phone": await _young_person_phone(alert["young_person"]),
        "kind_words": KINDS.get(alert["kind"] or "", "I need help"),
        "created_at": alert["created_at"],
        "state": alert["state"],
        "acknowledged_by": alert["acknowledged_by"],
        "location": json.loads(decrypt(alert["location"])) if alert["location"] else None,
        "my_status": status,
    }


async def _contact_recipient(contact: dict, alert_id: uuid.UUID, what: str) -> tuple[dict, dict]:
    """The alert and the contact's line on it, or NotFound; a refusal is audited."""
    alert = await Alert.select().where(Alert.id == alert_id).first()
    recipient = await _recipient_row(alert_id, contact_id=contact["id"]) if alert else None
    if recipient is None:
        young_person = alert["young_person"] if alert else None
        await contacts.refuse(contact, f"tried to {what}" + ("" if alert else " that does not exist"),
                              young_person)
        raise NotFound(NOT_FOUND)
    return alert, recipient


async def view_for_contact(contact: dict, alert_id: uuid.UUID, now: dt.datetime) -> dict:
    alert, recipient = await _contact_recipient(contact, alert_id, "open an alert")
    view = await _recipient_view(alert, recipient, now)
    await audit.record_by(
        json.loads(decrypt(contact["details"]))["name"],
        "trusted_contact",
        "read",
        "opened your alert",
        alert["young_person"],
        at=now,
    )
    return view


async def view_for_user(actor: Actor, alert_id: uuid.UUID, now: dt.datetime) -> dict:
    """The young person sees the status; an alerted carer or duty worker sees the
    recipient view; the allocated social worker and carers can read the status too."""
    alert = await _alert_for(actor, alert_id, "open an alert")
    if actor.role == "young_person":
        if alert["young_person"] != actor.young_person_id:
            raise await _refuse(actor, alert, "open an alert")
        return {"status": await _status(alert), "recipient": None}
    recipient = await _recipient_row(alert_id, user_id=actor.user_id)
    relation = await young_people.relation_of(actor, alert["young_person"])
    if recipient is None and not guards.may_read_record(relation):
        raise await _refuse(actor, alert, "open an alert")
    # The recipient view marks it opened: do that first, so their own line says "opened".
    mine = await _recipient_view(alert, recipient, now) if recipient is not None else None
    result = {"status": await _status(alert), "recipient": mine}
    await audit.record(actor, "read", "looked at your alert", alert["young_person"], at=now)
    return result


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


async def respond_as_contact(contact: dict, alert_id: uuid.UUID, answer: str, now: dt.datetime) -> dict:
    _, recipient = await _contact_recipient(contact, alert_id, "answer an alert")
    await _respond(alert_id, recipient, answer, now)
    return await view_for_contact(contact, alert_id, now)


async def respond_as_user(actor: Actor, alert_id: uuid.UUID, answer: str, now: dt.datetime) -> dict:
    alert = await _alert_for(actor, alert_id, "answer an alert")
    recipient = await _recipient_row(alert_id, user_id=actor.user_id)
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
            await audit.record(actor, "change", "cancelled your alert", alert["young_person"], at=now)
    return await status_for_young_person(actor, alert_id)


async def history(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    await young_people.require(actor, young_person_id, guards.may_read_record, "see alerts")
    rows = (
        await Alert.select()
        .where(Alert.young_person == young_person_id)
        .order_by(Alert.created_at, ascending=False)
        .limit(100)
    )
    await audit.record(actor, "read", "looked at your alerts", young_person_id)
    return [await _status(row) for row in rows]


async def open_for_contact(contact: dict) -> list[dict]:
    """Alerts this contact was sent (the contact's home shows the active one first)."""
    return await _summaries((AlertRecipient.contact == contact["id"]) & (AlertRecipient.purpose == "alert"))


async def open_for_user(actor: Actor) -> list[dict]:
    """Alerts a carer or duty worker was asked to answer (not the final 999/101 notice)."""
    return await _summaries((AlertRecipient.user == actor.user_id) & (AlertRecipient.purpose == "alert"))


async def _summaries(sent_to) -> list[dict]:
    recipients = AlertRecipient.select(AlertRecipient.alert).where(sent_to)
    rows = (
        await Alert.select(
            Alert.id,
            Alert.created_at,
            Alert.state,
            Alert.acknowledged_by,
            Alert.young_person.preferred_name,
        )
        .where(Alert.id.is_in(recipients))
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
    from backend.contacts.services import store_subscription

    await store_subscription(subscription, now, user_id=actor.user_id)


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
