"""What each reader sees of an alert: the young person, a person it was sent to, their
social worker (who also sees every send attempt). Reads only; the callers check access
and write the audit log."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.alerts import outbox, people, sql
from backend.alerts import words as w
from backend.alerts.guards import recipient_can
from backend.alerts.schemas import (
    AlertState,
    AlertStatus,
    AlertSummary,
    DeliveryAttempt,
    Event,
    Level,
    Outcome,
    Progress,
    Purpose,
    RecipientStatus,
    RecipientView,
)
from backend.alerts.tables import Alert, AlertRecipient
from backend.i18n import translate
from backend.sealed import unseal, unseal_json
from backend.words import Reader

_PROGRESS = (
    (Progress.ACKNOWLEDGED, "acknowledged_at"),
    (Progress.DECLINED, "declined_at"),
    (Progress.OPENED, "opened_at"),
    (Progress.REACHED, "reached_at"),
    (Progress.FAILED, "failed_at"),
)


def progress(row: dict) -> tuple[Progress, dt.datetime | None]:
    for status, key in _PROGRESS:
        if row[key]:
            return status, row[key]
    return Progress.SENT, row["created_at"]


def outcome(state: str, people_asked: list[RecipientStatus]) -> Outcome | None:
    if state != AlertState.FAILED:
        return None
    if any(person.status != Progress.FAILED for person in people_asked):
        return Outcome.NO_ANSWER
    return Outcome.NOBODY_REACHED


def advice(state: str, people_asked: list[RecipientStatus]) -> str | None:
    if state != AlertState.FAILED:
        return None
    if any(person.status != Progress.FAILED for person in people_asked):
        return translate(w.FINAL_ADVICE)
    return translate(w.NOBODY_REACHED)


async def _recipients(alert_id: uuid.UUID) -> list[dict]:
    rows = await sql.RECIPIENTS.rows(alert=alert_id)
    for row in rows:
        row["name"] = unseal(row["name"])
    return rows


async def _story(alert_id: uuid.UUID, reader: Reader, young_person: str) -> list[Event]:
    rows = await sql.STORY.rows(alert=alert_id)
    return [
        Event(
            at=row["at"],
            code=row["code"],
            what=w.story_line(
                row["code"], unseal_json(row["params"]) if row["params"] else {}, reader, young_person
            ),
        )
        for row in rows
    ]


async def attempts(alert_id: uuid.UUID) -> list[DeliveryAttempt]:
    return [
        DeliveryAttempt(
            at=row["at"],
            recipient=unseal(row["delivery.recipient.name"]),
            role=row["delivery.recipient.role"],
            level=Level(row["delivery.recipient.level"]),
            purpose=row["delivery.recipient.purpose"],
            channel=row["channel"],
            result=row["result"],
            status_code=row["status_code"],
            error=row["error"],
            duration_ms=row["duration_ms"],
        )
        for row in await outbox.attempts_for(alert_id)
    ]


async def status(
    alert: dict, reader: Reader, young_person: str, can: list[str], with_attempts: bool = False
) -> AlertStatus:
    """How the alert is going: who was asked and how each is doing, and its story."""
    recipients = await _recipients(alert["id"])
    names = {row["id"]: row["name"] for row in recipients}
    asked = []
    for row in recipients:
        if row["purpose"] != Purpose.ALERT:
            continue
        state, at = progress(row)
        asked.append(
            RecipientStatus(
                name=row["name"], role=row["role"], level=Level(row["level"]), status=state, at=at
            )
        )
    return AlertStatus(
        id=alert["id"],
        state=alert["state"],
        kind=alert["kind"],
        kind_words=w.kind_words(alert["kind"]),
        created_at=alert["created_at"],
        ended_at=alert["ended_at"],
        level=Level(alert["level"]),
        acknowledged_by=names.get(alert["acknowledged_recipient"], ""),
        location_shared=alert["location"] is not None,
        sent_again_at=alert["sent_again_at"],
        advice=advice(alert["state"], asked),
        recipients=asked,
        events=await _story(alert["id"], reader, young_person),
        can=can,
        attempts=await attempts(alert["id"]) if with_attempts else None,
        outcome=outcome(alert["state"], asked),
    )


async def acknowledged_by(alert: dict) -> str:
    if not alert["acknowledged_recipient"]:
        return ""
    row = (
        await AlertRecipient.select(AlertRecipient.name)
        .where(AlertRecipient.id == alert["acknowledged_recipient"])
        .first()
    )
    return unseal(row["name"]) if row else ""


async def for_recipient(alert: dict, recipient: dict, opened_at: dt.datetime) -> RecipientView:
    """What a person who was alerted sees: who needs them, the message, where (if
    shared), and what they may answer."""
    record = await people.young_person(alert["young_person"])
    mine, _ = progress({**recipient, "opened_at": recipient["opened_at"] or opened_at})
    return RecipientView(
        id=alert["id"],
        young_person_name=record.preferred_name if record else "",
        young_person_phone=unseal(alert["phone"]) if alert["phone"] else "",
        kind_words=w.kind_words(alert["kind"], recipient=True),
        created_at=alert["created_at"],
        state=alert["state"],
        acknowledged_by=await acknowledged_by(alert),
        location=unseal_json(alert["location"]) if alert["location"] else None,
        sent_again_at=alert["sent_again_at"],
        my_status=mine,
        can=recipient_can(alert["state"], mine),
    )


async def summaries(which) -> list[AlertSummary]:
    """The newest alerts matching `which` (a Piccolo condition), for a list."""
    rows = await (
        Alert.select(
            Alert.id,
            Alert.created_at,
            Alert.ended_at,
            Alert.state,
            Alert.acknowledged_recipient,
            Alert.young_person,
        )
        .where(which)
        .order_by(Alert.created_at, ascending=False)
        .limit(20)
    )
    failed = [row["id"] for row in rows if row["state"] == AlertState.FAILED]
    reached = set()
    if failed:
        found = await AlertRecipient.select(AlertRecipient.alert).where(
            AlertRecipient.alert.is_in(failed)
            & (AlertRecipient.purpose == Purpose.ALERT)
            & AlertRecipient.failed_at.is_null()
        )
        reached = {row["alert"] for row in found}
    answered = [row["acknowledged_recipient"] for row in rows if row["acknowledged_recipient"]]
    names = {}
    if answered:
        found = await AlertRecipient.select(AlertRecipient.id, AlertRecipient.name).where(
            AlertRecipient.id.is_in(answered)
        )
        names = {row["id"]: unseal(row["name"]) for row in found}
    records = {}
    for young_person_id in {row["young_person"] for row in rows}:
        records[young_person_id] = await people.alerted(young_person_id)
    return [
        AlertSummary(
            id=row["id"],
            created_at=row["created_at"],
            state=row["state"],
            acknowledged_by=names.get(row["acknowledged_recipient"], ""),
            young_person_name=records[row["young_person"]].preferred_name,
            young_person_id=row["young_person"],
            ended_at=row["ended_at"],
            outcome=(
                None
                if row["state"] != AlertState.FAILED
                else Outcome.NO_ANSWER
                if row["id"] in reached
                else Outcome.NOBODY_REACHED
            ),
        )
        for row in rows
    ]
