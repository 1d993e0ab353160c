"""Anonymised figures for a manager's council."""

from __future__ import annotations

from backend.accounts.actor import Actor
from backend.accounts.tables import Council, User
from backend.errors import Forbidden
from backend.figures.suppression import shown
from backend.young_people.tables import YoungPerson


async def for_council(actor: Actor) -> dict:
    if actor.role != "manager":
        raise Forbidden("Only managers see council figures.")
    council = await Council.select(Council.name).where(Council.id == actor.council_id).first()
    in_council = YoungPerson.council == actor.council_id
    counts = [
        ("young_people", "Young people on Homeward", await YoungPerson.count().where(in_council)),
        (
            "young_people_joined",
            "Young people who have joined on their own phone",
            await YoungPerson.count().where(in_council & YoungPerson.user.is_not_null()),
        ),
        (
            "carers",
            "Carers using Homeward",
            await User.count().where(
                (User.council == actor.council_id) & (User.role == "carer") & (User.active == True)  # noqa: E712
            ),
        ),
    ]
    return {
        "council": council["name"] if council else "",
        "figures": [{"key": k, "label": label, "value": shown(n)} for k, label, n in counts],
    }
