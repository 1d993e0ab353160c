"""Who looks after a young person: placements (carers) and case allocations (social
workers), started, ended and moved by the young person's allocated social worker.

Ending keeps the row (active False, ended_at set), so the young person's story of who
could see their information stays true. A young person is never left with no social
worker: moving the allocation is how a case is handed over.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from backend.accounts import api as accounts
from backend.accounts.api import Account, Actor, Role
from backend.audit import services as audit
from backend.audit.services import Action
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.i18n import N_, Message
from backend.young_people import guards, words
from backend.young_people.records import record
from backend.young_people.schemas import Colleague, TeamMemberOut
from backend.young_people.services import hold, require
from backend.young_people.tables import CaseAllocation, Placement


@dataclass(frozen=True)
class Tie:
    """One kind of tie between an adult and a young person, and its event codes."""

    table: type[Placement] | type[CaseAllocation]
    role: Role  # the adult's role, and the name of their column
    field: str  # the request field naming the adult
    started: str
    ended: str
    looked: str
    not_found: str
    wrong_person: str


PLACEMENTS = Tie(
    table=Placement,
    role=Role.CARER,
    field="carer_id",
    started=words.PLACEMENT_STARTED,
    ended=words.PLACEMENT_ENDED,
    looked=words.PLACEMENTS_OPENED,
    not_found=N_("There is no such placement for this young person."),
    wrong_person=N_("Choose a carer at your council who has a Homeward account."),
)
ALLOCATIONS = Tie(
    table=CaseAllocation,
    role=Role.SOCIAL_WORKER,
    field="social_worker_id",
    started=words.ALLOCATION_STARTED,
    ended=words.ALLOCATION_ENDED,
    looked=words.ALLOCATIONS_OPENED,
    not_found=N_("There is no such allocation for this young person."),
    wrong_person=N_("Choose a social worker at your council who has a Homeward account."),
)
ENDED = N_("That has already ended. Reload the page to see who is on the record now.")
LAST_SOCIAL_WORKER = N_(
    "A young person must always have a social worker. To hand over, move this "
    "allocation to another social worker instead."
)
NO_SOCIAL_WORKER = N_("They would have no social worker")
ALREADY_ON_RECORD = N_("{name} is already on this young person's record.")
ONLY_SOCIAL_WORKERS_CHOOSE = N_("Only a social worker can choose who looks after a young person.")


def _column(tie: Tie):
    return getattr(tie.table, tie.role.value)


def _out(tie: Tie, row: dict, names: dict[uuid.UUID, Account]) -> TeamMemberOut:
    adult = row[tie.role.value]
    return TeamMemberOut(
        id=row["id"],
        user_id=adult,
        name=names[adult].display_name,
        started_at=row["created_at"],
        ended_at=row["ended_at"],
        active=row["active"],
    )


def _select(tie: Tie):
    table = tie.table
    return table.select(table.id, _column(tie), table.created_at, table.ended_at, table.active)


async def _one(tie: Tie, young_person_id: uuid.UUID, tie_id: int) -> dict:
    table = tie.table
    row = await _select(tie).where((table.id == tie_id) & (table.young_person == young_person_id)).first()
    if row is None:
        raise NotFound(tie.not_found)
    return row


async def _as_out(tie: Tie, row: dict) -> TeamMemberOut:
    return _out(tie, row, await accounts.accounts([row[tie.role.value]]))


async def listing(tie: Tie, actor: Actor, young_person_id: uuid.UUID) -> list[TeamMemberOut]:
    """Current ones first, then ended ones, newest first."""
    await require(actor, young_person_id, guards.may_manage_care_team, words.SEE_CARE_TEAM)
    table = tie.table
    rows = await _select(tie).where(table.young_person == young_person_id).order_by(table.id, ascending=False)
    names = await accounts.accounts(row[tie.role.value] for row in rows)
    await audit.record(actor, Action.READ, tie.looked, young_person_id)
    return sorted((_out(tie, row, names) for row in rows), key=lambda item: not item.active)


async def _active_count(tie: Tie, young_person_id: uuid.UUID) -> int:
    table = tie.table
    return await table.count().where((table.young_person == young_person_id) & (table.active == True))


async def _end(tie: Tie, actor: Actor, young_person_id: uuid.UUID, row: dict, now: dt.datetime) -> None:
    if not row["active"]:
        raise Conflict(ENDED)
    table = tie.table
    await table.update(active=False, ended_at=now).where(table.id == row["id"])
    adult = await accounts.account(row[tie.role.value])
    assert adult is not None  # the tie's foreign key keeps the account
    await audit.record(actor, Action.CHANGE, tie.ended, young_person_id, {"name": adult.display_name}, now)


async def end(
    tie: Tie, actor: Actor, young_person_id: uuid.UUID, tie_id: int, now: dt.datetime
) -> TeamMemberOut:
    """End one placement or allocation; the last social worker cannot be ended."""
    await require(actor, young_person_id, guards.may_manage_care_team, words.CHANGE_CARE_TEAM)
    async with write_transaction():
        await hold(young_person_id)
        row = await _one(tie, young_person_id, tie_id)
        if tie is ALLOCATIONS and row["active"] and await _active_count(tie, young_person_id) == 1:
            raise Conflict(LAST_SOCIAL_WORKER, title=NO_SOCIAL_WORKER)
        await _end(tie, actor, young_person_id, row, now)
    return await _as_out(tie, await _one(tie, young_person_id, tie_id))


async def _adult(tie: Tie, user_id: uuid.UUID, young_person_id: uuid.UUID) -> Account:
    """The adult to tie on: an active account of the right role in the young person's
    council; anything else is bad input, said the same way (no probing for accounts)."""
    adult, found = await accounts.account(user_id), await record(young_person_id)
    if found is None:
        raise NotFound(words.NOT_FOUND)  # require() has already refused a missing record
    if adult is None or adult.role != tie.role or not adult.active or adult.council_id != found.council_id:
        raise Invalid({tie.field: tie.wrong_person})
    return adult


async def start(
    tie: Tie,
    actor: Actor,
    young_person_id: uuid.UUID,
    user_id: uuid.UUID,
    instead_of: int | None,
    now: dt.datetime,
) -> TeamMemberOut:
    """Tie another adult on; with `instead_of`, the one they replace ends in the same
    transaction (a move: the young person is never without, not even for a moment)."""
    await require(actor, young_person_id, guards.may_manage_care_team, words.CHANGE_CARE_TEAM)
    adult = await _adult(tie, user_id, young_person_id)
    table = tie.table
    async with write_transaction():
        await hold(young_person_id)
        old = await _one(tie, young_person_id, instead_of) if instead_of is not None else None
        if old is not None and not old["active"]:
            raise Conflict(ENDED)
        already = await table.exists().where(
            (table.young_person == young_person_id) & (_column(tie) == user_id) & (table.active == True)
        )
        if already:
            raise Conflict(Message(ALREADY_ON_RECORD, name=adult.display_name))
        if old is not None:
            await _end(tie, actor, young_person_id, old, now)
        values: dict[str, Any] = {"young_person": young_person_id, "created_at": now, tie.role.value: user_id}
        row = table(**values)
        await row.save()  # an insert: the row is new (one table of two, so not table.insert)
        named = {"name": adult.display_name}
        await audit.record(actor, Action.CHANGE, tie.started, young_person_id, named, now)
    return await _as_out(tie, await _one(tie, young_person_id, row.id))


async def colleagues(actor: Actor, role: Role) -> list[Colleague]:
    """Names and ids of the carers or social workers at the caller's council, for a
    social worker choosing who takes over. Nothing else about them."""
    if not guards.may_choose_care_team(actor.role):
        raise Forbidden(ONLY_SOCIAL_WORKERS_CHOOSE)
    return [
        Colleague(id=adult.id, name=adult.display_name)
        for adult in await accounts.colleagues(actor.council_id, role)
    ]
