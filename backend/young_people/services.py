"""The young person's record: who is tied to it, and reading it with an audit trail."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from backend.accounts import services as accounts
from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.db import is_sqlite, write_transaction
from backend.errors import Forbidden, Invalid, NotFound
from backend.words import Reader, declared
from backend.young_people import guards
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

NOT_FOUND = "No young person with that id is on your list."
ROLE_WORDS = {
    "social_worker": "social worker",
    "carer": "carer",
    "young_person": "you",
    "manager": "manager",
    "admin": "administrator",
}


async def relation_of(actor: Actor, young_person_id: uuid.UUID) -> str | None:
    """How the caller is tied to this young person (see guards), or None."""
    if actor.role == "young_person":
        return "self" if actor.young_person_id == young_person_id else None
    if actor.role == "carer":
        tied = await Placement.exists().where(
            (Placement.young_person == young_person_id)
            & (Placement.carer == actor.user_id)
            & (Placement.active == True)  # noqa: E712
        )
        return "carer" if tied else None
    if actor.role == "social_worker":
        tied = await CaseAllocation.exists().where(
            (CaseAllocation.young_person == young_person_id)
            & (CaseAllocation.social_worker == actor.user_id)
            & (CaseAllocation.active == True)  # noqa: E712
        )
        return "social_worker" if tied else None
    return None


def placed_with(carer_id: uuid.UUID):
    """A sub-query: the ids of the young people placed with this carer now."""
    return Placement.select(Placement.young_person).where(
        (Placement.carer == carer_id) & (Placement.active == True)  # noqa: E712
    )


def in_council(council_id: uuid.UUID | None):
    """A sub-query: the ids of the young people of this council."""
    return YoungPerson.select(YoungPerson.id).where(YoungPerson.council == council_id)


async def council_of(young_person_id: uuid.UUID) -> uuid.UUID | None:
    row = await YoungPerson.select(YoungPerson.council).where(YoungPerson.id == young_person_id).first()
    return row["council"] if row else None


async def require(actor: Actor, young_person_id: uuid.UUID, allowed, what: str) -> str:
    """The caller's relation if `allowed(relation)`; otherwise audit the refusal and
    answer NotFound, so a stranger cannot tell a refused record from a missing one."""
    relation = await relation_of(actor, young_person_id)
    if not allowed(relation):
        if declared(what):  # an attempt code (backend/words.py)
            await audit.record(actor, audit.Action.REFUSED, what, young_person_id)
        else:
            await audit.record_text(actor, "refused", f"tried to {what}", young_person_id)
        raise NotFound(NOT_FOUND)
    return relation


async def hold(young_person_id: uuid.UUID) -> None:
    """Inside a write transaction: other writers for this young person wait until it
    ends, so two of them cannot both act on what they read (the last social worker
    ended twice, two taps making two alerts). SQLite has one writer at a time already."""
    if not is_sqlite():
        await YoungPerson.raw("SELECT id FROM young_person WHERE id = {} FOR UPDATE", young_person_id)


def _age(date_of_birth: dt.date, today: dt.date) -> int:
    before_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - before_birthday


async def list_for(actor: Actor, today: dt.date) -> list[dict]:
    """The young people this caller looks after (or themselves, for a young person)."""
    if not guards.may_list_young_people(actor.role):
        raise Forbidden("Your role sees figures or accounts, not young people's records.")
    query = YoungPerson.select(
        YoungPerson.id, YoungPerson.preferred_name, YoungPerson.date_of_birth, YoungPerson.user
    )
    if actor.role == "young_person":
        query = query.where(YoungPerson.id == actor.young_person_id)
    elif actor.role == "carer":
        query = query.where(YoungPerson.id.is_in(placed_with(actor.user_id)))
    else:
        ids = CaseAllocation.select(CaseAllocation.young_person).where(
            (CaseAllocation.social_worker == actor.user_id)
            & (CaseAllocation.active == True)  # noqa: E712
        )
        query = query.where(YoungPerson.id.is_in(ids))
    rows = await query.order_by(YoungPerson.preferred_name)
    return [
        {
            "id": row["id"],
            "preferred_name": row["preferred_name"],
            "age": _age(row["date_of_birth"], today),
            "has_account": row["user"] is not None,
        }
        for row in rows
    ]


async def add(actor: Actor, preferred_name: str, date_of_birth: dt.date, now: dt.datetime) -> dict:
    """A social worker adds a young person to their own caseload."""
    if not guards.may_add_young_person(actor.role):
        raise Forbidden("Only a social worker can add a young person.")
    name = " ".join(preferred_name.split())
    errors = {}
    if not 1 <= len(name) <= 60:
        errors["preferred_name"] = "Enter the name they like to be called (up to 60 letters)."
    age = _age(date_of_birth, now.date())
    if date_of_birth > now.date() or not 8 <= age <= 25:
        errors["date_of_birth"] = "Enter a date of birth for someone aged 8 to 25."
    if errors:
        raise Invalid(errors)
    young_person = YoungPerson(
        council=actor.council_id, preferred_name=name, date_of_birth=date_of_birth, created_at=now
    )
    async with write_transaction():
        await YoungPerson.insert(young_person)
        await CaseAllocation.insert(
            CaseAllocation(young_person=young_person.id, social_worker=actor.user_id, created_at=now)
        )
        await audit.record_text(actor, "change", "added you to Homeward", young_person.id, at=now)
    return await detail_of(young_person.id, now.date())


async def _names(table, column, young_person_id: uuid.UUID) -> list[str]:
    rows = await table.select(getattr(table, column).display_name).where(
        (table.young_person == young_person_id) & (table.active == True)  # noqa: E712
    )
    return sorted(row[f"{column}.display_name"] for row in rows)


async def detail_of(young_person_id: uuid.UUID, today: dt.date) -> dict:
    row = await YoungPerson.select().where(YoungPerson.id == young_person_id).first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return {
        "id": row["id"],
        "preferred_name": row["preferred_name"],
        "date_of_birth": row["date_of_birth"],
        "age": _age(row["date_of_birth"], today),
        "has_account": row["user"] is not None,
        "social_workers": await _names(CaseAllocation, "social_worker", young_person_id),
        "carers": await _names(Placement, "carer", young_person_id),
    }


async def get(actor: Actor, young_person_id: uuid.UUID, today: dt.date) -> dict:
    await require(actor, young_person_id, guards.may_read_record, "open a record")
    detail = await detail_of(young_person_id, today)
    await audit.record_text(actor, "read", "looked at your information", young_person_id)
    return detail


WHY_NOW = {"social_worker": "They are your social worker.", "carer": "They look after you where you live."}
WHY_ENDED = {
    "social_worker": "{name} is no longer your social worker, so they can't see your information now.",
    "carer": "{name} no longer looks after you, so they can't see your information now.",
}


async def _ended(table, column: str, young_person_id: uuid.UUID, still: list[str]) -> list[dict]:
    """People whose tie has ended (and who have no other one now), newest first."""
    rows = (
        await table.select(getattr(table, column).display_name, table.ended_at)
        .where((table.young_person == young_person_id) & (table.active == False))  # noqa: E712
        .order_by(table.ended_at, ascending=False)
    )
    seen, people = set(still), []
    for row in rows:
        name = row[f"{column}.display_name"]
        if name in seen:
            continue
        seen.add(name)
        people.append(
            {
                "name": name,
                "role": ROLE_WORDS[column],
                "why": WHY_ENDED[column].format(name=name),
                "can_see": False,
                "ended_at": row["ended_at"],
            }
        )
    return people


async def who_can_see(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    """Everyone who can see this record, and why, in plain words; then the people who
    could and no longer can (an ended placement or allocation)."""
    await require(actor, young_person_id, guards.may_read_record, "see who can see a record")
    people, ended = [], []
    for table, column in ((CaseAllocation, "social_worker"), (Placement, "carer")):
        names = await _names(table, column, young_person_id)
        people += [{"name": name, "role": ROLE_WORDS[column], "why": WHY_NOW[column]} for name in names]
        ended += await _ended(table, column, young_person_id, names)
    people.append(
        {
            "name": "Managers at your council",
            "role": "manager",
            "why": "They only see numbers, like how many young people use Homeward. "
            "They never see your name.",
        }
    )
    await audit.record_text(actor, "read", "looked at who can see your information", young_person_id)
    return people + sorted(ended, key=lambda person: person["ended_at"], reverse=True)


async def who_has_looked(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    """Reads, changes and refused attempts by other people, newest first (the young
    person's own are left out: this answers "who has looked at my information")."""
    relation = await require(actor, young_person_id, guards.may_see_audit, "see who has looked")
    record = await YoungPerson.select(YoungPerson.preferred_name, YoungPerson.user).where(
        YoungPerson.id == young_person_id
    ).first()
    reader = Reader.YOUNG_PERSON if relation == "self" else Reader.ADULT
    lines = await audit.story(young_person_id, reader, record["preferred_name"], record["user"])
    if relation != "self":
        await audit.record_text(actor, "read", "looked at who has seen your information", young_person_id)
    return [dataclasses.asdict(line) for line in lines]


async def _account_of(young_person_id: uuid.UUID) -> uuid.UUID | None:
    row = await YoungPerson.select(YoungPerson.user).where(YoungPerson.id == young_person_id).first()
    return row["user"] if row else None


async def devices(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    await require(actor, young_person_id, guards.may_manage_devices, "see signed-in phones")
    user_id = await _account_of(young_person_id)
    if user_id is None:
        return []
    await audit.record_text(actor, "read", "looked at the phones you are signed in on", young_person_id)
    current = actor.session_id if actor.role == "young_person" else None
    return await accounts.list_sessions(user_id, current)


async def revoke_device(
    actor: Actor, young_person_id: uuid.UUID, session_public_id: uuid.UUID, now: dt.datetime
) -> None:
    await require(actor, young_person_id, guards.may_manage_devices, "sign out a phone")
    user_id = await _account_of(young_person_id)
    if user_id is None:
        raise NotFound("That phone or browser is not signed in.")
    await accounts.revoke_session(user_id, session_public_id, now)
    await audit.record_text(actor, "change", "signed out one of your phones", young_person_id, at=now)


async def _placed_carers(young_person_id: uuid.UUID) -> list[dict]:
    rows = await Placement.select(Placement.carer, Placement.carer.display_name).where(
        (Placement.young_person == young_person_id) & (Placement.active == True)  # noqa: E712
    ).order_by(Placement.carer.display_name)
    return [{"id": row["carer"], "name": row["carer.display_name"]} for row in rows]


async def carer_devices(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    """Where each carer placed with this young person is signed in (their social worker
    signs out a carer's lost phone as they would the young person's)."""
    await require(actor, young_person_id, guards.may_manage_carer_devices, "see carers' phones")
    carers = await _placed_carers(young_person_id)
    await audit.record_text(
        actor, "read", "looked at which phones your carers are signed in on", young_person_id
    )
    return [
        {"carer_id": carer["id"], "name": carer["name"],
         "devices": await accounts.list_sessions(carer["id"])}
        for carer in carers
    ]


async def revoke_carer_device(
    actor: Actor,
    young_person_id: uuid.UUID,
    carer_id: uuid.UUID,
    session_public_id: uuid.UUID,
    now: dt.datetime,
) -> None:
    await require(actor, young_person_id, guards.may_manage_carer_devices, "sign out a carer's phone")
    carer = next((c for c in await _placed_carers(young_person_id) if c["id"] == carer_id), None)
    if carer is None:
        # Not placed with this young person: the same answer as a phone that is not there.
        raise NotFound("That phone or browser is not signed in.")
    await accounts.revoke_session(carer_id, session_public_id, now)
    await audit.record_text(
        actor, "change", f"signed out one of {carer['name']}'s phones", young_person_id, at=now
    )
