"""The young person's record: who is tied to it, and reading it with an audit trail."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import is_sqlite, write_transaction
from backend.errors import Forbidden, Invalid, NotFound
from backend.words import Reader, declared, render
from backend.young_people import guards, sql, words
from backend.young_people.records import (  # council_of, in_council, placed_with: for callers not on api.py
    carers,
    caseload,
    council_of,  # noqa: F401
    ids_placed_with,
    in_council,  # noqa: F401
    known,
    new_record,
    placed_with,  # noqa: F401
    record,
    records,
    social_workers,
)
from backend.young_people.schemas import (
    Look,
    PersonWhoCanSee,
    Relation,
    WhoSees,
    YoungPersonOut,
    YoungPersonSummary,
    age,
)
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

Guard = Callable[[Relation | None], bool]


async def relation_of(actor: Actor, young_person_id: uuid.UUID) -> Relation | None:
    """How the caller is tied to this young person (see guards), or None."""
    if actor.role == Role.YOUNG_PERSON:
        return Relation.SELF if actor.young_person_id == young_person_id else None
    if actor.role == Role.CARER:
        tied = await sql.CARER_TIED.first(young_person=young_person_id, carer=actor.user_id)
        return Relation.CARER if tied is not None else None
    if actor.role == Role.SOCIAL_WORKER:
        tied = await sql.WORKER_TIED.first(young_person=young_person_id, social_worker=actor.user_id)
        return Relation.SOCIAL_WORKER if tied is not None else None
    return None


async def require(actor: Actor, young_person_id: uuid.UUID, allowed: Guard, attempt: str) -> Relation:
    """The caller's relation if `allowed(relation)`; otherwise audit the refusal and
    answer NotFound, so a stranger cannot tell a refused record from a missing one.

    `attempt` is an attempt code (what they tried to do, declared with its words, see
    backend/young_people/words.py)."""
    relation = await relation_of(actor, young_person_id)
    if relation is None or not allowed(relation):  # a stranger never gets through
        if declared(attempt) is not None:
            await audit.record(actor, Action.REFUSED, attempt, young_person_id)
        else:
            # TRANSITIONAL: plans, contacts and alerts still pass English ("open a
            # plan"); written the old way until they pass codes, then this branch goes.
            await audit.record_text(actor, Action.REFUSED, f"tried to {attempt}", young_person_id)
        raise NotFound(words.NOT_FOUND)
    return relation


async def hold(young_person_id: uuid.UUID) -> None:
    """Inside a write transaction: other writers for this young person wait until it
    ends, so two of them cannot both act on what they read (the last social worker
    ended twice, two taps making two alerts). SQLite has one writer at a time already."""
    if not is_sqlite():
        await YoungPerson.raw("SELECT id FROM young_person WHERE id = {} FOR UPDATE", young_person_id)


# -- routes ----------------------------------------------------------------------------------


async def list_for(actor: Actor, today: dt.date) -> list[YoungPersonSummary]:
    """The young people this caller looks after (or themselves, for a young person)."""
    if not guards.may_list_young_people(actor.role):
        raise Forbidden(words.NOT_FOR_YOUR_ROLE)
    if actor.role == Role.YOUNG_PERSON:
        ids = [actor.young_person_id] if actor.young_person_id else []
    elif actor.role == Role.CARER:
        ids = await ids_placed_with(actor.user_id)
    else:
        ids = await caseload(actor.user_id)
    return [
        YoungPersonSummary(
            id=found.id,
            preferred_name=found.preferred_name,
            age=found.age(today),
            has_account=found.user_id is not None,
        )
        for found in await records(ids)
    ]


async def add(actor: Actor, preferred_name: str, date_of_birth: dt.date, now: dt.datetime) -> YoungPersonOut:
    """A social worker adds a young person to their own caseload."""
    if not guards.may_add_young_person(actor.role):
        raise Forbidden(words.ONLY_SOCIAL_WORKERS_ADD)
    name = " ".join(preferred_name.split())
    errors = {}
    if not 1 <= len(name) <= 60:
        errors["preferred_name"] = words.NAME_NEEDED
    if date_of_birth > now.date() or not 8 <= age(date_of_birth, now.date()) <= 25:
        errors["date_of_birth"] = words.AGE_NEEDED
    if errors:
        raise Invalid(errors)
    assert actor.council_id is not None  # every social worker belongs to a council
    async with write_transaction():
        young_person_id = await new_record(actor.council_id, name, date_of_birth, actor.user_id, now)
        await audit.record(actor, Action.CHANGE, words.ADDED, young_person_id, at=now)
    return await detail_of(young_person_id, now.date(), Relation.SOCIAL_WORKER)


async def detail_of(
    young_person_id: uuid.UUID, today: dt.date, relation: Relation | None = None
) -> YoungPersonOut:
    """The record with who looks after them; `can` is what `relation` may do with it."""
    found = await record(young_person_id)
    if found is None:
        raise NotFound(words.NOT_FOUND)
    return YoungPersonOut(
        id=found.id,
        preferred_name=found.preferred_name,
        date_of_birth=found.date_of_birth,
        age=found.age(today),
        has_account=found.user_id is not None,
        social_workers=[adult.display_name for adult in await social_workers(young_person_id)],
        carers=[adult.display_name for adult in await carers(young_person_id)],
        can=guards.actions(relation),
    )


async def detail(actor: Actor, young_person_id: uuid.UUID, today: dt.date) -> YoungPersonOut:
    relation = await require(actor, young_person_id, guards.may_read_record, words.OPEN_RECORD)
    found = await detail_of(young_person_id, today, relation)
    await audit.record(actor, Action.READ, words.RECORD_OPENED, young_person_id)
    return found


def _reader(relation: Relation | None) -> Reader:
    return Reader.YOUNG_PERSON if relation == Relation.SELF else Reader.ADULT


async def _ended(table, column: str, young_person_id: uuid.UUID, still: set[uuid.UUID]) -> list[tuple]:
    """(adult id, when) of the ties that ended, newest first, one per adult with no
    other tie of the kind now."""
    rows = (
        await table.select(getattr(table, column), table.ended_at)
        .where((table.young_person == young_person_id) & (table.active == False))
        .order_by(table.ended_at, ascending=False)
    )
    seen, ended = set(still), []
    for row in rows:
        if row[column] not in seen:
            seen.add(row[column])
            ended.append((row[column], row["ended_at"]))
    return ended


async def who_can_see(actor: Actor, young_person_id: uuid.UUID) -> list[PersonWhoCanSee]:
    """Everyone who can see this record, and why, in plain words for the reader (the
    young person: "your social worker"; an adult: "Jade's social worker"); then the
    people who could and no longer can (an ended placement or allocation)."""
    relation = await require(actor, young_person_id, guards.may_read_record, words.SEE_WHO_CAN_SEE)
    found = await known(young_person_id)
    reader, name = _reader(relation), {"young_person": found.preferred_name}
    kinds = (
        (
            CaseAllocation,
            Role.SOCIAL_WORKER,
            await social_workers(young_person_id),
            words.WHY_SOCIAL_WORKER,
            words.NO_LONGER_SOCIAL_WORKER,
        ),
        (Placement, Role.CARER, await carers(young_person_id), words.WHY_CARER, words.NO_LONGER_CARER),
    )
    people, ended = [], []
    for table, role, now_tied, why, no_longer in kinds:
        people += [
            PersonWhoCanSee(name=adult.display_name, role=WhoSees(role), why=render(why, name, reader))
            for adult in now_tied
        ]
        gone = await _ended(table, role.value, young_person_id, {adult.id for adult in now_tied})
        names = await accounts.accounts(adult_id for adult_id, _ in gone)
        ended += [
            PersonWhoCanSee(
                name=names[adult_id].display_name,
                role=WhoSees(role),
                can_see=False,
                ended_at=at,
                why=render(no_longer, {**name, "name": names[adult_id].display_name}, reader),
            )
            for adult_id, at in gone
        ]
    # Without an account: their trusted people, and the police through the form.
    for who, label, why in (
        (WhoSees.TRUSTED_PEOPLE, words.MY_PEOPLE, words.WHY_MY_PEOPLE),
        (WhoSees.POLICE, words.POLICE, words.WHY_POLICE),
        (WhoSees.MANAGER, words.MANAGERS, words.WHY_MANAGERS),
    ):
        people.append(
            PersonWhoCanSee(name=render(label, name, reader), role=who, why=render(why, name, reader))
        )
    await audit.record(actor, Action.READ, words.WHO_CAN_SEE_OPENED, young_person_id)
    return people + sorted(ended, key=_ended_at, reverse=True)


def _ended_at(person: PersonWhoCanSee) -> dt.datetime:
    assert person.ended_at is not None  # only ended ties are sorted by it
    return person.ended_at


async def who_has_looked(actor: Actor, young_person_id: uuid.UUID) -> list[Look]:
    """Reads, changes and refused attempts by other people, newest first (the young
    person's own are left out: this answers "who has looked at my information"), told
    to the young person ("looked at your plan") or an adult ("looked at Jade's plan")."""
    relation = await require(actor, young_person_id, guards.may_see_audit, words.SEE_WHO_HAS_LOOKED)
    found = await known(young_person_id)
    lines = await audit.story(young_person_id, _reader(relation), found.preferred_name, found.user_id)
    if relation != Relation.SELF:
        await audit.record(actor, Action.READ, words.WHO_HAS_LOOKED_OPENED, young_person_id)
    return [
        Look(at=line.at, name=line.name, role=line.role, what=line.what, refused=line.refused)
        for line in lines
    ]
