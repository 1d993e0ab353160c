"""Due actions for the demo council: some due, some overdue, most of a year's done.

The episodes demo tells its year of episodes through the hooks, so their actions are made
by the triggers like any others (backend/demo.py loads this after it). Then: the sweep
runs for the time-based ones; what fell due more than 45 days ago was done at the time by
its owner (a note, or the strategy meeting with who attended and what was decided); the
rest is left as it is, so recent deadlines show as due or overdue.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor, SessionKind
from backend.actions import services, triggers
from backend.actions.schemas import MEETINGS, ActionKind, ActionState, DoneIn, MeetingIn
from backend.actions.tables import DueAction
from backend.clock import as_utc

LONG_AGO = dt.timedelta(days=45)
NOTES = {
    ActionKind.INFORM_SENIOR_MANAGER: "Told by phone, and by email the same day.",
    ActionKind.OFFER_INTERVIEW: "Offered by phone the morning after they came back.",
    ActionKind.HOLD_INTERVIEW: "Held with the independent service; the report is on file.",
    ActionKind.REVIEW_PLAN: "Looked at the plan together; the places and the trio are up to date.",
}
MEETING = MeetingIn(
    held_on=dt.date.min,
    attended="Sam Okafor (social worker), PC Jones (police), Ms Patel (school), Priya Shah (carer)",
    decisions="Weekly check-ins; the carer rings the trusted trio first next time; school to flag absences.",
)


async def load(council_id: uuid.UUID, at: dt.datetime) -> None:
    triggers.connect()
    await triggers.sweep()
    rows = await DueAction.select().where(
        (DueAction.council == council_id)
        & (DueAction.state != ActionState.DONE.value)
        & (DueAction.deadline < at - LONG_AGO)
    )
    for row in rows:
        owner = await accounts.account(row["owner"]) if row["owner"] else None
        if owner is None:
            continue
        actor = Actor(owner.id, owner.role, owner.display_name, council_id, "demo", SessionKind.BROWSER, "")
        done_at = as_utc(row["deadline"]) - dt.timedelta(hours=2)
        kind = ActionKind(row["kind"])
        if kind in MEETINGS:
            meeting = MeetingIn(done_at.date(), MEETING.attended, MEETING.decisions)
            await services.record_meeting(actor, row["young_person"], row["id"], meeting, done_at)
        else:
            note = DoneIn(NOTES.get(kind, "Done."))
            await services.mark_done(actor, row["young_person"], row["id"], note, done_at)
    await triggers.sweep()
