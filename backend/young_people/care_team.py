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

from piccolo.table import Table

from backend.accounts.actor import Actor
from backend.accounts.tables import User
from backend.audit import services as audit
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.young_people import guards
from backend.young_people.services import hold, require
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson


@dataclass(frozen=True)
class Tie:
    """One kind of tie between an adult and a young person, and its plain words (written
    to the young person, as every audit entry is)."""

    table: type[Table]
    column: str  # the adult's column, and their role
    field: str  # the request field naming the adult
    started: str
    ended: str
    looked: str
    asked: str  # what a refused caller tried to do
    not_found: str
    wrong_person: str


PLACEMENTS = Tie(
    table=Placement,
    column="carer",
    field="carer_id",
    started="{name} looks after you now",
    ended="{name} no longer looks after you",
    looked="looked at who looks after you",
    asked="see who looks after them",
    not_found="There is no such placement for this young person.",
    wrong_person="Choose a carer at your council who has a Homeward account.",
)
ALLOCATIONS = Tie(
    table=CaseAllocation,
    column="social_worker",
    field="social_worker_id",
    started="{name} is your social worker now",
    ended="{name} is no longer your social worker",
    looked="looked at who your social workers are",
    asked="see who their social workers are",
    not_found="There is no such allocation for this young person.",
    wrong_person="Choose a social worker at your council who has a Homeward account.",
)
ENDED = "That has already ended. Reload the page to see who is on the record now."
LAST_SOCIAL_WORKER = (
    "A young person must always have a social worker. To hand over, move this "
    "allocation to another social worker instead."
)


def _out(tie: Tie, row: dict) -> dict:
    return {
        "id": row["id"],
        "user_id": row[tie.column],
        "name": row[f"{tie.column}.display_name"],
        "started_at": row["created_at"],
        "ended_at": row["ended_at"],
        "active": row["active"],
    }


def _select(tie: Tie):
    table = tie.table
    adult = getattr(table, tie.column)
    return table.select(
        table.id, adult, adult.display_name, table.created_at, table.ended_at, table.active
    )


async def _one(tie: Tie, young_person_id: uuid.UUID, tie_id: int) -> dict:
    table = tie.table
    row = await _select(tie).where((table.id == tie_id) & (table.young_person == young_person_id)).first()
    if row is None:
        raise NotFound(tie.not_found)
    return row


async def listing(tie: Tie, actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    """Current ones first, then ended ones, newest first."""
    await require(actor, young_person_id, guards.may_manage_care_team, tie.asked)
    table = tie.table
    rows = await _select(tie).where(table.young_person == young_person_id).order_by(table.id, ascending=False)
    await audit.record_text(actor, "read", tie.looked, young_person_id)
    return sorted((_out(tie, row) for row in rows), key=lambda item: not item["active"])


async def _active_count(tie: Tie, young_person_id: uuid.UUID) -> int:
    table = tie.table
    return await table.count().where((table.young_person == young_person_id) & (table.active == True))  # noqa: E712


async def _end(tie: Tie, actor: Actor, young_person_id: uuid.UUID, row: dict, now: dt.datetime) -> None:
    if not row["active"]:
        raise Conflict(ENDED)
    table = tie.table
    await table.update(active=False, ended_at=now).where(table.id == row["id"])
    name = row[f"{tie.column}.display_name"]
    await audit.record_text(actor, "change", tie.ended.format(name=name), young_person_id, at=now)


async def end(tie: Tie, actor: Actor, young_person_id: uuid.UUID, tie_id: int, now: dt.datetime) -> dict:
    """End one placement or allocation; the last social worker cannot be ended."""
    await require(actor, young_person_id, guards.may_manage_care_team, "end a placement or allocation")
    async with write_transaction():
        await hold(young_person_id)
        row = await _one(tie, young_person_id, tie_id)
        if tie is ALLOCATIONS and row["active"] and await _active_count(tie, young_person_id) == 1:
            raise Conflict(LAST_SOCIAL_WORKER, title="They would have no social worker")
        await _end(tie, actor, young_person_id, row, now)
    return _out(tie, await _one(tie, young_person_id, tie_id))


async def _adult(tie: Tie, user_id: uuid.UUID, young_person_id: uuid.UUID) -> dict:
    """The adult to tie on: an active account of the right role in the young person's
    council; anything else is bad input, said the same way (no probing for accounts)."""
    council = YoungPerson.select(YoungPerson.council).where(YoungPerson.id == young_person_id)
    row = (
        await User.select(User.id, User.display_name)
        .where(
            (User.id == user_id)
            & (User.role == tie.column)
            & (User.active == True)  # noqa: E712
            & User.council.is_in(council)
        )
        .first()
    )
    if row is None:
        raise Invalid({tie.field: tie.wrong_person})
    return row


async def start(
    tie: Tie,
    actor: Actor,
    young_person_id: uuid.UUID,
    user_id: uuid.UUID,
    instead_of: int | None,
    now: dt.datetime,
) -> dict:
    """Tie another adult on; with `instead_of`, the one they replace ends in the same
    transaction (a move: the young person is never without, not even for a moment)."""
    await require(actor, young_person_id, guards.may_manage_care_team, "move a placement or allocation")
    adult = await _adult(tie, user_id, young_person_id)
    table = tie.table
    async with write_transaction():
        await hold(young_person_id)
        old = await _one(tie, young_person_id, instead_of) if instead_of is not None else None
        if old is not None and not old["active"]:
            raise Conflict(ENDED)
        already = await table.exists().where(
            (table.young_person == young_person_id)
            & (getattr(table, tie.column) == user_id)
            & (table.active == True)  # noqa: E712
        )
        if already:
            raise Conflict(f"{adult['display_name']} is already on this young person's record.")
        if old is not None:
            await _end(tie, actor, young_person_id, old, now)
        row = table(young_person=young_person_id, created_at=now, **{tie.column: user_id})
        await table.insert(row)
        await audit.record_text(
            actor, "change", tie.started.format(name=adult["display_name"]), young_person_id, at=now
        )
    return _out(tie, await _one(tie, young_person_id, row.id))


async def colleagues(actor: Actor, role: str) -> list[dict]:
    """Names and ids of the carers or social workers at the caller's council, for a
    social worker choosing who takes over. Nothing else about them."""
    if not guards.may_choose_care_team(actor.role):
        raise Forbidden("Only a social worker can choose who looks after a young person.")
    rows = (
        await User.select(User.id, User.display_name)
        .where((User.council == actor.council_id) & (User.role == role) & (User.active == True))  # noqa: E712
        .order_by(User.display_name)
    )
    return [{"id": row["id"], "name": row["display_name"]} for row in rows]
