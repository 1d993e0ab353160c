"""Rights requests: asked, listed, answered; deadlines and overdue worked out when read.

The deadline is one calendar month from receipt (UK GDPR Art. 12(3); the ICO: the same
date next month, or its last day when there is none), extended once by up to two more
months with a reason. A forget-me request answered done erases the contact's details
(contacts.api.forget_contacts): their name goes from the request too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from typing import Any

from backend.accounts.api import Actor, Role
from backend.audit import services as audit
from backend.audit.services import Action, Who
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.contacts import api as contacts
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.notify import api as notify
from backend.rights import guards, words
from backend.rights.schemas import (
    WAITING,
    AnswerIn,
    Asker,
    CorrectionIn,
    DashboardRequest,
    Outcome,
    RequestKind,
    RequestState,
    RightsRequestOut,
)
from backend.rights.tables import RightsRequest
from backend.sealed import seal, seal_json, unseal, unseal_json
from backend.young_people import api as young_people
from backend.young_people.api import Relation

# Answered requests stay on the dashboard this long, so the social worker sees what
# they did.
RECENTLY_ANSWERED = dt.timedelta(days=14)
# How often the sweep looks for requests past their deadline (backend/wiring.py).
SWEEP_PERIOD = dt.timedelta(minutes=5)


def add_months(at: dt.datetime, months: int) -> dt.datetime:
    """The same date `months` later, or the last day of that month when it has none."""
    index = at.month - 1 + months
    year, month = at.year + index // 12, index % 12 + 1
    return at.replace(year=year, month=month, day=min(at.day, calendar.monthrange(year, month)[1]))


def _out(row: dict[str, Any], relation: Relation | None, now: dt.datetime) -> RightsRequestOut:
    details = unseal_json(row["details"]) if row["details"] else {}
    state = RequestState(row["state"])
    due = as_utc(row["due_at"])
    # The contact's name is for the social worker only.
    name = unseal(row["asker_name"]) if row["asker_name"] and relation == Relation.SOCIAL_WORKER else ""
    return RightsRequestOut(
        id=row["id"],
        young_person_id=row["young_person"],
        kind=RequestKind(row["kind"]),
        asker=Asker(row["asker"]),
        asker_name=name,
        state=state,
        received_at=as_utc(row["received_at"]),
        due_at=due,
        overdue=state in WAITING and now > due,
        what_is_wrong=details.get("what_is_wrong", ""),
        should_say=details.get("should_say", ""),
        reason=unseal(row["reason"]) if row["reason"] else "",
        extended_at=as_utc(row["extended_at"]) if row["extended_at"] else None,
        answered_at=as_utc(row["answered_at"]) if row["answered_at"] else None,
        can=guards.can(relation, state),
    )


async def _tell_social_workers(young_person_id: uuid.UUID, code: str, request_id: uuid.UUID) -> None:
    for worker in await young_people.social_workers(young_person_id):
        if worker.active:
            await notify.send(
                to_user=worker.id,
                code=code,
                young_person_id=young_person_id,
                link="#/dashboard",
                once_key=f"rights:{request_id}:asked",
            )


async def _new(
    young_person_id: uuid.UUID,
    kind: RequestKind,
    asker: Asker,
    now: dt.datetime,
    *,
    details: dict[str, str] | None = None,
    contact_id: uuid.UUID | None = None,
    asker_name: str | None = None,
) -> dict[str, Any]:
    row = RightsRequest(
        young_person=young_person_id,
        kind=kind,
        asker=asker,
        contact_id=contact_id,
        asker_name=seal(asker_name) if asker_name else None,
        details=seal_json(details) if details else None,
        state=RequestState.OPEN,
        received_at=now,
        due_at=add_months(now, 1),
    )
    row.id = uuid.uuid4()
    await RightsRequest.insert(row)
    found = await RightsRequest.select().where(RightsRequest.id == row.id).first()
    assert found is not None, "the request was inserted in this transaction"
    return found


async def ask_correction(
    actor: Actor, young_person_id: uuid.UUID, data: CorrectionIn, now: dt.datetime
) -> RightsRequestOut:
    relation = await young_people.require(actor, young_person_id, guards.may_ask_correction, words.ASK)
    details = {"what_is_wrong": data.what_is_wrong.strip(), "should_say": data.should_say.strip()}
    if not details["what_is_wrong"]:
        raise Invalid({"what_is_wrong": words.NEEDS_WHAT})
    async with write_transaction():
        row = await _new(young_person_id, RequestKind.CORRECTION, Asker.YOUNG_PERSON, now, details=details)
        await _tell_social_workers(young_person_id, words.ASKED_CORRECTION, row["id"])
        await audit.record(actor, Action.CHANGE, words.ASKED_CORRECTION, young_person_id, at=now)
    return _out(row, relation, now)


async def forget_me(contact: contacts.Contact, now: dt.datetime) -> RightsRequestOut:
    """A trusted contact asks to be forgotten; asking again while one waits answers it."""
    async with write_transaction():
        waiting = (
            await RightsRequest.select()
            .where(
                (RightsRequest.contact_id == contact.id)
                & (RightsRequest.kind == RequestKind.FORGET_ME)
                & RightsRequest.state.is_in([s.value for s in WAITING])
            )
            .first()
        )
        if waiting is not None:
            return _out(waiting, None, now)
        row = await _new(
            contact.young_person_id,
            RequestKind.FORGET_ME,
            Asker.TRUSTED_CONTACT,
            now,
            contact_id=contact.id,
            asker_name=contact.name,
        )
        await _tell_social_workers(contact.young_person_id, words.ASKED_FORGET, row["id"])
        who = Who(contact.id, contact.name, "trusted_contact")
        await audit.record(who, Action.CHANGE, words.ASKED_FORGET, contact.young_person_id, at=now)
    return _out(row, None, now)


async def of_contact(contact: contacts.Contact, now: dt.datetime) -> list[RightsRequestOut]:
    rows = (
        await RightsRequest.select()
        .where(RightsRequest.contact_id == contact.id)
        .order_by(RightsRequest.received_at, ascending=False)
    )
    return [_out(row, None, now) for row in rows]


async def of_young_person(
    actor: Actor, young_person_id: uuid.UUID, now: dt.datetime
) -> list[RightsRequestOut]:
    """The young person's own requests; for their social worker, every request about
    them (a trusted contact's too). The young person sees only what they asked."""
    relation = await young_people.require(actor, young_person_id, guards.may_see, words.SEE)
    query = RightsRequest.select().where(RightsRequest.young_person == young_person_id)
    if relation == Relation.SELF:
        query = query.where(RightsRequest.asker == Asker.YOUNG_PERSON)
    rows = await query.order_by(RightsRequest.received_at, ascending=False)
    return [_out(row, relation, now) for row in rows]


async def dashboard(actor: Actor, now: dt.datetime) -> list[DashboardRequest]:
    """A social worker's caseload's requests: waiting ones (the most urgent first), then
    those answered in the last two weeks."""
    if not guards.may_see_dashboard(actor.role) or actor.role != Role.SOCIAL_WORKER:
        raise Forbidden(words.ONLY_SOCIAL_WORKERS)
    caseload = await young_people.caseload(actor.user_id)
    if not caseload:
        return []
    rows = await RightsRequest.select().where(RightsRequest.young_person.is_in(caseload))
    recent = now - RECENTLY_ANSWERED
    rows = [
        row
        for row in rows
        if row["state"] in [s.value for s in WAITING]
        or (row["answered_at"] and as_utc(row["answered_at"]) >= recent)
    ]
    names = {
        found.id: found.preferred_name for found in (await young_people.records(list(caseload))).values()
    }
    out = [
        DashboardRequest(names.get(row["young_person"], ""), _out(row, Relation.SOCIAL_WORKER, now))
        for row in rows
    ]
    waiting = sorted((o for o in out if o.request.state in WAITING), key=lambda o: o.request.due_at)
    answered = sorted(
        (o for o in out if o.request.state not in WAITING),
        key=lambda o: o.request.answered_at or o.request.received_at,
        reverse=True,
    )
    return waiting + answered


async def answer(
    actor: Actor, young_person_id: uuid.UUID, request_id: uuid.UUID, data: AnswerIn, now: dt.datetime
) -> RightsRequestOut:
    relation = await young_people.require(actor, young_person_id, guards.may_answer, words.ANSWER)
    reason = data.reason.strip()
    if data.outcome in (Outcome.REFUSED, Outcome.EXTENDED) and not reason:
        raise Invalid({"reason": words.NEEDS_REASON})
    async with write_transaction():
        await young_people.hold(young_person_id)
        row = (
            await RightsRequest.select()
            .where((RightsRequest.id == request_id) & (RightsRequest.young_person == young_person_id))
            .first()
        )
        if row is None:
            raise NotFound(words.NOT_FOUND)
        state = RequestState(row["state"])
        if state not in WAITING:
            raise Conflict(words.ALREADY_ANSWERED)
        changes: dict[Any, Any] = {RightsRequest.reason: seal(reason) if reason else None}
        if data.outcome == Outcome.EXTENDED:
            if state == RequestState.EXTENDED:
                raise Conflict(words.EXTENDED_ONCE)
            changes |= {
                RightsRequest.state: RequestState.EXTENDED,
                RightsRequest.extended_at: now,
                RightsRequest.due_at: add_months(as_utc(row["due_at"]), data.months),
                RightsRequest.overdue_told_at: None,  # a new deadline: told again if missed
            }
        else:
            changes |= {
                RightsRequest.state: RequestState(data.outcome.value),
                RightsRequest.answered_at: now,
                RightsRequest.answered_by: actor.user_id,
            }
            if data.outcome == Outcome.DONE and row["kind"] == RequestKind.FORGET_ME and row["contact_id"]:
                await contacts.forget_contacts([row["contact_id"]], at=now)
                changes[RightsRequest.asker_name] = None
        await RightsRequest.update(changes).where(RightsRequest.id == request_id)
        await audit.record(actor, Action.CHANGE, words.ANSWERED[data.outcome.value], young_person_id, at=now)
        if row["asker"] == Asker.YOUNG_PERSON:
            found = await young_people.record(young_person_id)
            if found and found.user_id:
                await notify.send(
                    to_user=found.user_id,
                    code=words.ANSWER_READY,
                    young_person_id=young_person_id,
                    link="#/my-info",
                    once_key=f"rights:{request_id}:{data.outcome.value}",
                )
        updated = await RightsRequest.select().where(RightsRequest.id == request_id).first()
    assert updated is not None
    return _out(updated, relation, now)


async def tell_overdue(at: dt.datetime | None = None) -> int:
    """The periodic job: each waiting request past its deadline is told once to the
    young person's social workers (once more if missed again after an extension). A
    conditional update claims each, so several processes tell nobody twice. Returns how
    many were told."""
    when = at or clock_now()
    due = await RightsRequest.select(
        RightsRequest.id, RightsRequest.young_person, RightsRequest.due_at
    ).where(
        RightsRequest.state.is_in([s.value for s in WAITING])
        & (RightsRequest.due_at < when)
        & RightsRequest.overdue_told_at.is_null()
    )
    told = 0
    for row in due:
        async with write_transaction():
            claimed = (
                await RightsRequest.update({RightsRequest.overdue_told_at: when})
                .where((RightsRequest.id == row["id"]) & RightsRequest.overdue_told_at.is_null())
                .returning(RightsRequest.id)
            )
            if not claimed:
                continue
            for worker in await young_people.social_workers(row["young_person"]):
                if worker.active:
                    await notify.send(
                        to_user=worker.id,
                        code=words.OVERDUE,
                        young_person_id=row["young_person"],
                        link="#/dashboard",
                        once_key=f"rights:{row['id']}:overdue:{as_utc(row['due_at']).isoformat()}",
                    )
            told += 1
    return told
