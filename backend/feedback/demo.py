"""Fictional police-feedback demo data: the council's force, and last quarter's answers
made through the real path (a card link, then the answer), so the figures have something
to show above the small-number threshold."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.api import Actor, Role, SessionKind
from backend.feedback import services
from backend.feedback.schemas import AnswerIn, YesNo

FORCE = "Northbrook Police"
# (respect, listened, explained, safe, helped, searched, words)
ANSWERS = [
    (4, 2, 3, 4, 4, YesNo.NO, "The officer was kind but did not listen to me."),
    (5, 4, 4, 5, 5, YesNo.NO, None),
    (2, 1, 2, 3, 2, YesNo.YES, "They searched me in front of everyone."),
    (3, 2, 2, 3, 3, YesNo.RATHER_NOT_SAY, None),
    (4, 3, 4, 4, 4, YesNo.NO, None),
    (1, 1, 1, 2, 1, YesNo.YES, None),
    (4, 2, 4, 4, 3, YesNo.NO, "They explained what would happen next."),
    (5, 5, 5, 5, 5, YesNo.NO, None),
    (3, 2, 3, 3, 3, YesNo.YES, None),
    (4, 2, 4, 5, 4, YesNo.NO, None),
    (2, 1, 3, 3, 2, YesNo.YES, None),
    (4, 3, 4, 4, 4, YesNo.NO, None),
]


async def load(council_id: uuid.UUID, manager_id: uuid.UUID, at: dt.datetime) -> None:
    await services.set_force(council_id, FORCE)
    ruth = Actor(
        user_id=manager_id,
        role=Role.MANAGER,
        display_name="",
        council_id=council_id,
        session_id="demo",
        session_kind=SessionKind.BROWSER,
        csrf_token="",
    )
    last_quarter = at - dt.timedelta(days=92)
    cards = await services.make_cards(ruth, len(ANSWERS), last_quarter)
    for card, (respect, listened, explained, safe, helped, searched, words) in zip(
        cards, ANSWERS, strict=True
    ):
        answer = AnswerIn(
            token=card.token,
            respect=respect,
            listened=listened,
            explained=explained,
            safe=safe,
            helped=helped,
            searched=searched,
            words=words,
        )
        await services.answer(answer, "demo", last_quarter)
