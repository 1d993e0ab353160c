"""Fictional police-feedback demo data: the council's force, and last quarter's answers
made through the real path (a card link, then the answer), so the figures have something
to show above the small-number threshold."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts.api import Actor, Role, SessionKind
from backend.feedback import figures, periods, services
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
    # Three finished quarters of answers (figures appear once a quarter's links ran out).
    quarter = figures.last_finished(at)
    for count in (14, 19, 24):
        when = periods.bounds(quarter)[0] + dt.timedelta(days=20)
        cards = await services.make_cards(ruth, count, when)
        for n, card in enumerate(cards):
            respect, listened, explained, safe, helped, searched, words = ANSWERS[n % len(ANSWERS)]
            answer = AnswerIn(
                token=card.token,
                respect=respect,
                listened=listened,
                explained=explained,
                safe=safe,
                helped=helped,
                searched=searched,
                words=words if n < len(ANSWERS) else None,
            )
            await services.answer(answer, "demo", when)
        quarter = periods.previous_quarter(quarter)
