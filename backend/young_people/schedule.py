"""Which young people's records are past their council's retention schedule.

A record is past it when the case has closed (no social worker allocated and no carer
placement now) and the young person has reached the birthday the schedule keeps it to:
the council's age for a young person who is looked after (the law: the 75th), its age
for anyone else. The retention job (backend/retention) erases them a few at a time:
`erase` tells every domain holding rows about them (hooks.Topic.YOUNG_PEOPLE_ERASING),
then deletes the records and the young people's own accounts (docs/privacy/dpia.md).
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend import hooks
from backend.accounts import api as accounts
from backend.audit import services as audit
from backend.sealed import forget_unsealed
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson


def birthday(born: dt.date, age: int) -> dt.date:
    """The day someone born on `born` reaches `age` (29 February: 1 March, the later day)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return dt.date(born.year + age, 3, 1)


async def past_schedule(
    council_id: uuid.UUID, *, looked_after_until_age: int, other_until_age: int, today: dt.date
) -> int:
    """How many of the council's young people's records are past the schedule."""
    return len(
        await due_ids(
            council_id,
            looked_after_until_age=looked_after_until_age,
            other_until_age=other_until_age,
            today=today,
        )
    )


async def due_ids(
    council_id: uuid.UUID,
    *,
    looked_after_until_age: int,
    other_until_age: int,
    today: dt.date,
    limit: int | None = None,
) -> list[uuid.UUID]:
    """The council's young people whose records are past the schedule (at most `limit`)."""
    columns = (YoungPerson.id, YoungPerson.date_of_birth, YoungPerson.looked_after)
    rows = await YoungPerson.select(*columns).where(YoungPerson.council == council_id)
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    allocated = await CaseAllocation.select(CaseAllocation.young_person).where(
        (CaseAllocation.active == True) & CaseAllocation.young_person.is_in(ids)
    )
    placed = await Placement.select(Placement.young_person).where(
        (Placement.active == True) & Placement.young_person.is_in(ids)
    )
    open_cases = {row["young_person"] for row in [*allocated, *placed]}
    due = [
        row["id"]
        for row in rows
        if row["id"] not in open_cases
        and birthday(row["date_of_birth"], looked_after_until_age if row["looked_after"] else other_until_age)
        <= today
    ]
    return due if limit is None else due[:limit]


async def erase(ids: list[uuid.UUID]) -> int:
    """Delete these young people's records in every domain, inside the caller's write
    transaction: each domain's rows (its subscriber to YOUNG_PEOPLE_ERASING, in the order
    backend/wiring.py gives), then the allocations and placements (all ended), the
    records, their own accounts, and the personal text of their audit events (the
    events stay, with ids only: who looked at the record and when). Returns how many
    were erased (a record another run erased first is not counted)."""
    rows = (
        await YoungPerson.select(YoungPerson.id, YoungPerson.user).where(YoungPerson.id.is_in(ids))
        if ids
        else []
    )
    if not rows:
        return 0
    if not hooks.subscribers(hooks.Topic.YOUNG_PEOPLE_ERASING):
        raise RuntimeError(
            "no domain is wired to erase young people's rows: call backend.wiring.connect() first"
        )
    found = tuple(row["id"] for row in rows)
    account_ids = tuple(row["user"] for row in rows if row["user"] is not None)
    await hooks.emit(hooks.Topic.YOUNG_PEOPLE_ERASING, hooks.YoungPeopleErasing(found, account_ids))
    await CaseAllocation.delete().where(CaseAllocation.young_person.is_in(list(found)))
    await Placement.delete().where(Placement.young_person.is_in(list(found)))
    deleted = await YoungPerson.delete().where(YoungPerson.id.is_in(list(found))).returning(YoungPerson.id)
    await accounts.erase_accounts(list(account_ids))
    await audit.erase_personal_text(list(found), list(account_ids))
    forget_unsealed()
    return len(deleted)
