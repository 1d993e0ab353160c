"""Records as other domains are told them (api.py), who is tied to them now, and the
few writes other domains make through api.py (a join links an account, places a carer).
No access rules here: callers have been through `services.require`, or are the
composition root."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from backend.accounts import api as accounts
from backend.accounts.api import Account
from backend.db import write_transaction
from backend.errors import NotFound
from backend.kept import Kept
from backend.young_people import sql, words
from backend.young_people.schemas import Record
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson


def _record(row: dict) -> Record:
    return Record(
        id=row["id"],
        council_id=row["council"],
        preferred_name=row["preferred_name"],
        date_of_birth=row["date_of_birth"],
        user_id=row["user"],
    )


_RECORD = (
    YoungPerson.id,
    YoungPerson.council,
    YoungPerson.preferred_name,
    YoungPerson.date_of_birth,
    YoungPerson.user,
)


async def record(young_person_id: uuid.UUID) -> Record | None:
    row = await YoungPerson.select(*_RECORD).where(YoungPerson.id == young_person_id).first()
    return _record(row) if row else None


async def known(young_person_id: uuid.UUID) -> Record:
    """The record of a young person the caller has already reached (through `require`,
    or a row whose foreign key keeps the record); NotFound if it has gone after all."""
    found = await record(young_person_id)
    if found is None:
        raise NotFound(words.NOT_FOUND)
    return found


async def records(ids: Iterable[uuid.UUID]) -> list[Record]:
    """The records of these ids, by preferred name."""
    wanted = list(set(ids))
    if not wanted:
        return []
    rows = (
        await YoungPerson.select(*_RECORD)
        .where(YoungPerson.id.is_in(wanted))
        .order_by(YoungPerson.preferred_name)
    )
    return [_record(row) for row in rows]


async def young_person_of(user_id: uuid.UUID) -> uuid.UUID | None:
    """The record a young person's account is linked to (when they joined).

    Asked on every request a young person makes. A link, once made, never changes (one
    account per record, set when they join; erasing either deletes both, and the
    account's sessions with it), so a found link is kept (`LINKS`); "no link" is not,
    as joining makes one."""
    found = LINKS.get(user_id)
    if found is None:
        row = await sql.RECORD_OF_USER.first(user=user_id)
        found = row["id"] if row else None
        if found is not None:
            LINKS.put(user_id, found)
    return found


LINKS: Kept[uuid.UUID] = Kept(size=4096, seconds=60.0)
"""{account: the young person's record it is linked to}, found in the last minute."""


async def ids_placed_with(carer_id: uuid.UUID) -> list[uuid.UUID]:
    return [row["young_person"] for row in await placed_with(carer_id)]


async def caseload(social_worker_id: uuid.UUID) -> list[uuid.UUID]:
    rows = await CaseAllocation.select(CaseAllocation.young_person).where(
        (CaseAllocation.social_worker == social_worker_id) & (CaseAllocation.active == True)
    )
    return [row["young_person"] for row in rows]


async def allocated_in_council(council_id: uuid.UUID | None) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Each young person of the council who has social workers allocated now: their ids."""
    rows = await CaseAllocation.select(CaseAllocation.young_person, CaseAllocation.social_worker).where(
        (CaseAllocation.active == True) & (CaseAllocation.young_person.council == council_id)
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = {}
    for row in rows:
        found.setdefault(row["young_person"], []).append(row["social_worker"])
    return found


async def ids_in_council(council_id: uuid.UUID | None) -> list[uuid.UUID]:
    return [row["id"] for row in await in_council(council_id)]


def placed_with(carer_id: uuid.UUID):
    """A sub-query: the ids of the young people placed with this carer now (for callers
    not yet on api.py; api.placed_with gives the ids)."""
    return Placement.select(Placement.young_person).where(
        (Placement.carer == carer_id) & (Placement.active == True)
    )


def in_council(council_id: uuid.UUID | None):
    """A sub-query: the ids of the young people of this council (as `placed_with`)."""
    return YoungPerson.select(YoungPerson.id).where(YoungPerson.council == council_id)


async def council_of(young_person_id: uuid.UUID) -> uuid.UUID | None:
    found = await record(young_person_id)
    return found.council_id if found else None


async def _tied(table, column: str, young_person_id: uuid.UUID) -> list[Account]:
    """The adults tied to the young person now (placed carers or allocated social
    workers), by name."""
    rows = await table.select(getattr(table, column)).where(
        (table.young_person == young_person_id) & (table.active == True)
    )
    found = await accounts.accounts(row[column] for row in rows)
    return sorted(found.values(), key=lambda adult: adult.display_name)


async def carers(young_person_id: uuid.UUID) -> list[Account]:
    """The carers the young person is placed with now."""
    return await _tied(Placement, "carer", young_person_id)


async def has_carer(young_person_id: uuid.UUID) -> bool:
    """Whether the young person is placed with a carer now (one query; no names)."""
    return await sql.HAS_CARER.first(young_person=young_person_id) is not None


async def social_workers(young_person_id: uuid.UUID) -> list[Account]:
    """The social workers allocated to the young person now."""
    return await _tied(CaseAllocation, "social_worker", young_person_id)


async def adult_names(young_person_id: uuid.UUID) -> tuple[list[str], list[str]]:
    """(the carers' names, the social workers' names) tied to the young person now, each
    by name, in one round trip."""
    # Sorted here, as `carers` and `social_workers` sort (the database's collation may differ).
    names = sorted(
        (row["display_name"], row["tie"]) for row in await sql.ADULT_NAMES.rows(young_person=young_person_id)
    )
    return [n for n, tie in names if tie == "carer"], [n for n, tie in names if tie == "social_worker"]


async def link_account(young_person_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Tie a young person's new account to their record; False if one already is (a
    conditional update: of two joining at once, one wins)."""
    async with write_transaction():
        linked = (
            await YoungPerson.update(user=user_id)
            .where((YoungPerson.id == young_person_id) & YoungPerson.user.is_null())
            .returning(YoungPerson.id)
        )
    return bool(linked)


async def place(young_person_id: uuid.UUID, carer_id: uuid.UUID, at: dt.datetime) -> None:
    """Place the young person with a carer (a carer joining by invite)."""
    async with write_transaction():
        await Placement.insert(Placement(young_person=young_person_id, carer=carer_id, created_at=at))


async def new_record(
    council_id: uuid.UUID,
    preferred_name: str,
    date_of_birth: dt.date,
    social_worker_id: uuid.UUID,
    at: dt.datetime,
    user_id: uuid.UUID | None = None,
    carer_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """A record, allocated to a social worker (and placed with a carer), unaudited: the
    caller says what happened (a social worker adding someone, the demo)."""
    young_person = YoungPerson(
        council=council_id,
        preferred_name=preferred_name,
        date_of_birth=date_of_birth,
        user=user_id,
        created_at=at,
    )
    async with write_transaction():
        await YoungPerson.insert(young_person)
        await CaseAllocation.insert(
            CaseAllocation(young_person=young_person.id, social_worker=social_worker_id, created_at=at)
        )
        if carer_id is not None:
            await place(young_person.id, carer_id, at)
    return young_person.id
