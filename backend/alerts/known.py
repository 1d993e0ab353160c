"""The out-of-hours worker who knows the young person (seed 000: "out of hours services
staffed by workers who know/are known by young people"). Their social worker names one
of the council's out-of-hours people (the duty rota, councils.api); outside office hours
an alert at the social worker's step asks them first, then the rota's worker on duty.

Kept beside the plan, like the trio's state, not in its signed content: choosing another
worker, or the rota changing, never reopens an agreed plan. Each choice is audited.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.actor import Actor
from backend.alerts import guards as alert_guards
from backend.alerts import people
from backend.alerts import words as w
from backend.alerts.schemas import KnownWorkerAction, KnownWorkerView, OutOfHoursPerson
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.errors import Invalid
from backend.young_people import guards


async def view(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> KnownWorkerView:
    relation = await people.require(actor, young_person_id, guards.may_read_record, w.TRY_KNOWN_WORKER)
    record = await people.young_person(young_person_id)
    assert record is not None, "people.require() has just found this young person"
    may_choose = alert_guards.may_choose_known_worker(relation)
    choices = await people.out_of_hours_people(record.council_id) if may_choose else []
    chosen = await people.chosen_known_worker(young_person_id)
    worker = None
    if chosen is not None:
        # Shown as asked: a worker taken off the rota (or gone) is not asked, nor shown.
        found = await people.known_worker(record)
        worker = OutOfHoursPerson(found.user_id, found.name) if found and found.user_id else None
    async with write_transaction():
        await audit.record(actor, Action.READ, w.AUDIT_KNOWN_WORKER_READ, young_person_id, at=now)
    return KnownWorkerView(
        young_person_name=record.preferred_name,
        worker=worker,
        chosen_at=chosen[1] if chosen and worker else None,
        choices=[OutOfHoursPerson(user_id, name) for user_id, name in choices],
        can=[KnownWorkerAction.CHOOSE] if may_choose else [],
    )


async def choose(
    actor: Actor, young_person_id: uuid.UUID, worker_id: uuid.UUID | None, now: dt.datetime
) -> KnownWorkerView:
    """Name the out-of-hours worker who knows the young person (None: nobody, the rota
    only). Only their social worker; only one of the council's out-of-hours people."""
    await people.require(
        actor, young_person_id, alert_guards.may_choose_known_worker, w.TRY_CHOOSE_KNOWN_WORKER
    )
    record = await people.young_person(young_person_id)
    assert record is not None, "people.require() has just found this young person"
    name = ""
    if worker_id is not None:
        allowed = dict(await people.out_of_hours_people(record.council_id))
        if worker_id not in allowed:
            raise Invalid({"worker_id": w.NOT_OUT_OF_HOURS})
        name = allowed[worker_id]
    async with write_transaction():
        if await people.choose_known_worker(young_person_id, worker_id, actor.user_id, now):
            if worker_id is not None:
                chosen = w.AUDIT_KNOWN_WORKER_CHOSEN
                await audit.record(actor, Action.CHANGE, chosen, young_person_id, {"name": name}, at=now)
            else:
                cleared = w.AUDIT_KNOWN_WORKER_CLEARED
                await audit.record(actor, Action.CHANGE, cleared, young_person_id, at=now)
    return await view(actor, young_person_id, now)


async def set_for(young_person_id: uuid.UUID, worker_id: uuid.UUID, now: dt.datetime) -> None:
    """The demo's choice, made without a signed-in social worker (inside its transaction)."""
    await people.choose_known_worker(young_person_id, worker_id, None, now)
