"""Anonymised figures for a manager's council, counted through the accounts' and young
people's APIs; every number goes through suppression.shown."""

from __future__ import annotations

from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role
from backend.errors import Forbidden
from backend.figures import guards, words
from backend.figures.schemas import Figure, FigureKey, FiguresOut
from backend.figures.suppression import shown
from backend.i18n import translate
from backend.young_people import api as young_people


async def for_council(actor: Actor) -> FiguresOut:
    if not guards.may_see_figures(actor.role, actor.council_id, actor.council_id):
        raise Forbidden(words.ONLY_MANAGERS)
    council = await accounts.council(actor.council_id)
    records = await young_people.records(await young_people.in_council(actor.council_id))
    counts = {
        FigureKey.YOUNG_PEOPLE: len(records),
        FigureKey.YOUNG_PEOPLE_JOINED: sum(record.user_id is not None for record in records.values()),
        FigureKey.CARERS: len(await accounts.colleagues(actor.council_id, Role.CARER)),
    }
    return FiguresOut(
        council=council.name if council else "",
        figures=[
            Figure(key=key, label=translate(words.LABELS[key]), value=translate(shown(count)))
            for key, count in counts.items()
        ],
    )
