"""A young person asks for help: each of their social workers gets a notice."""

from __future__ import annotations

from backend.accounts.api import Actor, Role
from backend.clock import now
from backend.db import write_transaction
from backend.errors import Forbidden
from backend.help import words
from backend.help.schemas import HelpIn, HelpOut
from backend.notify import api as notify
from backend.young_people import api as young_people


async def ask(actor: Actor, data: HelpIn) -> HelpOut:
    if actor.role != Role.YOUNG_PERSON or actor.young_person_id is None:
        raise Forbidden(words.ONLY_YOUNG_PEOPLE)
    young_person_id = actor.young_person_id
    workers = [w for w in await young_people.social_workers(young_person_id) if w.active]
    # The same request twice in a minute (a double tap) is one notice.
    minute = now().strftime("%Y%m%d%H%M")
    async with write_transaction():
        for worker in workers:
            await notify.send(
                to_user=worker.id,
                code=words.ASKED[data.about],
                young_person_id=young_person_id,
                link=f"#/young-people/{young_person_id}",
                once_key=f"help:{young_person_id}:{data.about}:{minute}",
            )
    return HelpOut(told=len(workers))
