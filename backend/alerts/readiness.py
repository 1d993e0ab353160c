"""Who an alert sent now would reach, and how: what the young person (and the adults
around them) see before a first alert, so nobody learns at 3am that nobody could be
reached. Each person is asked the way escalation would ask them: a push to every
phone they turned notifications on, else an email (only when email is set up)."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.alerts import outbox, people
from backend.alerts import words as w
from backend.alerts.schemas import AlertReadiness, Level, Readiness, ReadyPerson
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.young_people import guards


async def _reach(person: people.Reachable) -> Readiness:
    if await people.has_notifications(contact_id=person.contact_id, user_id=person.user_id):
        return Readiness.NOTIFICATIONS
    if outbox.can_email(person):
        return Readiness.EMAIL
    return Readiness.NONE


async def readiness(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> AlertReadiness:
    await people.require(actor, young_person_id, guards.may_read_record, w.TRY_READINESS)
    record = await people.young_person(young_person_id)
    assert record is not None, "people.require() has just found this young person"
    listed: list[ReadyPerson] = []
    first = None
    for level in (Level.PEOPLE, Level.CARER, Level.DUTY):
        for person in await people.at_level(level, record, now):
            reach = await _reach(person)
            if reach is not Readiness.NONE and first is None:
                first = level
            listed.append(
                ReadyPerson(
                    name=person.name,
                    role=person.role,
                    level=level,
                    reach=reach,
                    has_phone=bool(person.phone),
                    is_you=person.user_id is not None and person.user_id == actor.user_id,
                )
            )
    async with write_transaction():
        await audit.record(actor, Action.READ, w.AUDIT_READINESS, young_person_id, at=now)
    return AlertReadiness(
        young_person_name=record.preferred_name,
        checked_at=now,
        first_level=first,
        people=listed,
        young_person_notifications=record.user_id is not None
        and await people.has_notifications(user_id=record.user_id),
        office_hours=await people.is_working_time(record.council_id, now),
        reader_notifications=await people.has_notifications(user_id=actor.user_id),
    )
