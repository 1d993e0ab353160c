"""How the actions domain's events read (backend/words.py): audit events, and the
notices an action's owner gets when it falls due and when it becomes overdue.

Notices name the young person only by their preferred name and say no more than the
kind of action: a lock screen shows no details of the episode.
"""

from __future__ import annotations

from backend.actions.schemas import ActionKind
from backend.i18n import N_
from backend.words import wording

MARKED_DONE = wording(
    "actions.done",
    you=N_("marked something about you as done"),
    adult=N_("marked an action for {young_person} as done"),
)
MEETING_RECORDED = wording(
    "actions.meeting_recorded",
    you=N_("wrote down a meeting about you"),
    adult=N_("recorded a strategy meeting about {young_person}"),
)
MARK_DONE = wording(
    "actions.mark_done",
    you=N_("mark something about you as done"),
    adult=N_("mark an action for {young_person} as done"),
)
RECORD_MEETING = wording(
    "actions.record_meeting",
    you=N_("write down a meeting about you"),
    adult=N_("record a strategy meeting about {young_person}"),
)

# The notice an owner gets when an action falls due (DUE) and when it is overdue
# (OVERDUE), one code per kind so each is translated whole. {deadline}: UK time.
DUE = {
    ActionKind.STRATEGY_MEETING: wording(
        "actions.due.strategy_meeting",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: a strategy meeting (missing over 24 hours) by {deadline}"),
    ),
    ActionKind.INFORM_SENIOR_MANAGER: wording(
        "actions.due.inform_senior_manager",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: tell a senior manager (missing over 48 hours) by {deadline}"),
    ),
    ActionKind.FURTHER_STRATEGY_MEETING: wording(
        "actions.due.further_strategy_meeting",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: a further strategy meeting (not found in 7 days) by {deadline}"),
    ),
    ActionKind.REPEAT_STRATEGY_MEETING: wording(
        "actions.due.repeat_strategy_meeting",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: a strategy meeting (missing again and again) by {deadline}"),
    ),
    ActionKind.HIGH_RISK_STRATEGY_MEETING: wording(
        "actions.due.high_risk_strategy_meeting",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: a strategy meeting (high risk after the interview) by {deadline}"),
    ),
    ActionKind.OFFER_INTERVIEW: wording(
        "actions.due.offer_interview",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: offer a return home interview by {deadline}"),
    ),
    ActionKind.HOLD_INTERVIEW: wording(
        "actions.due.hold_interview",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: hold the return home interview by {deadline}"),
    ),
    ActionKind.REVIEW_PLAN: wording(
        "actions.due.review_plan",
        you=N_("something needs doing for you"),
        adult=N_("{young_person}: review the Missing Safety Plan by {deadline}"),
    ),
}
OVERDUE = {
    ActionKind.STRATEGY_MEETING: wording(
        "actions.overdue.strategy_meeting",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: a strategy meeting (missing over 24 hours) by {deadline}"),
    ),
    ActionKind.INFORM_SENIOR_MANAGER: wording(
        "actions.overdue.inform_senior_manager",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: tell a senior manager (missing over 48 hours) by {deadline}"),
    ),
    ActionKind.FURTHER_STRATEGY_MEETING: wording(
        "actions.overdue.further_strategy_meeting",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: a further strategy meeting (not found in 7 days) by {deadline}"),
    ),
    ActionKind.REPEAT_STRATEGY_MEETING: wording(
        "actions.overdue.repeat_strategy_meeting",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: a strategy meeting (missing again and again) by {deadline}"),
    ),
    ActionKind.HIGH_RISK_STRATEGY_MEETING: wording(
        "actions.overdue.high_risk_strategy_meeting",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: a strategy meeting (high risk after the interview) by {deadline}"),
    ),
    ActionKind.OFFER_INTERVIEW: wording(
        "actions.overdue.offer_interview",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: offer a return home interview by {deadline}"),
    ),
    ActionKind.HOLD_INTERVIEW: wording(
        "actions.overdue.hold_interview",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: hold the return home interview by {deadline}"),
    ),
    ActionKind.REVIEW_PLAN: wording(
        "actions.overdue.review_plan",
        you=N_("something for you is late"),
        adult=N_("Overdue: {young_person}: review the Missing Safety Plan by {deadline}"),
    ),
}

# Notes the system writes when a hook closes an action.
OFFERED = N_("The return home interview was offered.")
HELD = N_("The return home interview was held.")
DECLINED = N_("The young person declined the return home interview.")
PLAN_AGREED = N_("The plan was reviewed and agreed again.")

NOTE_NEEDED = N_("Write what was done.")
ATTENDED_NEEDED = N_("Write who attended.")
DECISIONS_NEEDED = N_("Write what was decided.")
NOT_IN_FUTURE = N_("The meeting cannot be in the future.")
NEEDS_A_MEETING = N_("This action is closed by recording the strategy meeting.")
NOT_A_MEETING = N_("This action is not a strategy meeting.")
ALREADY_DONE = N_("This action is already done.")
NOT_FOUND = N_("There is no such action for this young person.")
NO_DASHBOARD = N_("Only social workers and managers have due actions.")
