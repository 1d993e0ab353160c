"""Which young people's records are past their council's retention schedule.

A record is past it when the case has closed (no social worker allocated and no carer
placement now) and the young person has reached the birthday the schedule keeps it to:
the council's age for a young person who is looked after (the law: the 75th), its age
for anyone else. Homeward does not delete these records itself yet (docs/privacy/dpia.md):
the retention job reports how many there are, for the council's records manager.
"""

from __future__ import annotations

import datetime as dt
import uuid

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
    columns = (YoungPerson.id, YoungPerson.date_of_birth, YoungPerson.looked_after)
    rows = await YoungPerson.select(*columns).where(YoungPerson.council == council_id)
    if not rows:
        return 0
    ids = [row["id"] for row in rows]
    allocated = await CaseAllocation.select(CaseAllocation.young_person).where(
        (CaseAllocation.active == True) & CaseAllocation.young_person.is_in(ids)
    )
    placed = await Placement.select(Placement.young_person).where(
        (Placement.active == True) & Placement.young_person.is_in(ids)
    )
    open_cases = {row["young_person"] for row in [*allocated, *placed]}
    return sum(
        1
        for row in rows
        if row["id"] not in open_cases
        and birthday(row["date_of_birth"], looked_after_until_age if row["looked_after"] else other_until_age)
        <= today
    )
