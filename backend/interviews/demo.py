"""Demo return interviews for the demo council: its list of independent interviewers,
and a year of interviews after returns, each taken through the services as people
would (offered on time or late, chosen, declined and why, lost to parental consent,
held within 72 hours or not, with the Appendix 8 form), so every screen shows something.

The interviews were opened by EPISODE_RETURNED when the episodes demo recorded its
returns (backend/demo.py loads it first); this takes each one on from there. A return
with no story of its own is offered and held in time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from backend.accounts import api as accounts
from backend.accounts.api import Account, Actor, Role, SessionKind
from backend.clock import now
from backend.interviews import services
from backend.interviews.schemas import (
    CarerNoteIn,
    ChoiceIn,
    Consent,
    ConsentIn,
    DeclineIn,
    HeldIn,
    InterviewerIn,
    InterviewerKind,
    RhiForm,
    Risk,
    State,
)
from backend.interviews.tables import Interview
from backend.young_people import api as young_people

INTERVIEWERS = [
    ("Dee Campbell", "Northbrook Return Interview Service"),
    ("Tom Hale", "Northbrook Return Interview Service"),
    ("Amira Haddad", "Children's Society, Northbrook"),
]
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Story:
    """What happened after one return: hours after it (None: it did not happen)."""

    offered: float | None = 12
    answer: str | None = "independent"  # independent, trusted, no_preference, or a decline reason
    consent: str | None = None
    held: float | None = 48
    risk: str = "medium"
    carer_note: str = ""
    late_reason: str | None = None


# Matched, oldest first, to the returns the episodes demo recorded for each young person
# (backend/episodes/demo.py: Jade three, Tyler one, Mia one, from home at 15).
STORIES = {
    "Jade": [
        Story(held=50, risk="medium"),
        Story(
            offered=30,
            answer="nothing_changed_last_time",
            held=None,
            carer_note="She stayed at her friend Kelsey's flat in Eastfield and came back by bus.",
        ),
        Story(offered=20, answer=None, held=None),  # offered; Jade has not chosen yet (now late)
    ],
    "Tyler": [Story(offered=30, answer="trusted", held=70, risk="high")],
    "Mia": [Story(offered=6, answer="no_parental_consent", consent="refused", held=None)],
}

FORMS = {
    "high": RhiForm(
        answers={
            "where_slept": "At a flat in Eastfield",
            "felt_safe": "Not really",
            "why_not_tell": "I didn't want a row",
        },
        push_factors=["relationship_breakdown", "problems_with_peers"],
        pull_factors=["friends_for_fun", "unfamiliar_place_with_friends"],
        high_risk=["missing_overnight_24_hours", "repeat_missing", "high_risk_associates"],
        risk_again=Risk.HIGH,
        where_went=["somewhere_unfamiliar", "another_city"],
        where_text="A flat in Eastfield with older friends",
        who_with=["friends", "adult"],
        how_travelled=["met_or_collected"],
        what_would_help=["time_to_talk"],
        follow_up=["mentoring", "one_to_one_advice"],
        referrals=["strategy_meeting", "cse_screening"],
        details={
            "safety_plan": "Texts his carer at 9pm; no lifts from people he met online; mentor on Tuesdays.",
            "strategy_meeting_required": "Y",
            "cse_indicators": "Y",
            "locations_of_concern": "The flats above the shops on Station Road",
            "permission_to_share": "Y",
        },
        analysis="Collected by an older male; older peers at the flat. "
        "Strategy meeting and CSE screening requested.",
        for_young_person="Thank you for talking with me. "
        "We are going to make sure you have someone to talk to every week.",
    ),
    "medium": RhiForm(
        answers={
            "where_slept": "At my friend's",
            "felt_safe": "Yes",
            "thinking_feeling": "Fed up with the rules",
        },
        push_factors=["needing_space"],
        pull_factors=["to_be_near_friends"],
        high_risk=["missing_overnight_24_hours"],
        risk_again=Risk.MEDIUM,
        where_went=["friends", "town_shops_park"],
        who_with=["friends"],
        how_travelled=["public_transport"],
        what_would_help=["later_curfew", "time_with_family_or_friends"],
        what_would_help_text="Being allowed to stay at Kelsey's on Saturdays",
        follow_up=["positive_activities"],
        analysis="Wanted more time with friends; agreed a later curfew to try at the plan review.",
        for_young_person="Thanks for the chat. We will talk about a later curfew at your plan review.",
    ),
    "low": RhiForm(
        answers={"where_slept": "At my nan's", "felt_safe": "Yes"},
        push_factors=["relationship_breakdown"],
        pull_factors=["to_see_family"],
        risk_again=Risk.LOW,
        where_went=["family"],
        who_with=["family"],
        how_travelled=["walked"],
        what_would_help=["time_to_talk"],
        follow_up=["family_support"],
        analysis="Went to grandmother's after an argument; family support offered.",
        for_young_person="It was good to talk. Your family can get some help too.",
    ),
}


def _actor(account: Account, young_person_id: uuid.UUID | None = None) -> Actor:
    return Actor(
        user_id=account.id,
        role=account.role,
        display_name=account.display_name,
        council_id=account.council_id,
        session_id="demo",
        session_kind=SessionKind.DEVICE if young_person_id else SessionKind.BROWSER,
        csrf_token="",
        young_person_id=young_person_id,
    )


async def _young_actor(record) -> Actor | None:
    if record.user_id is None:
        return None
    return Actor(
        user_id=record.user_id,
        role=Role.YOUNG_PERSON,
        display_name=record.preferred_name,
        council_id=record.council_id,
        session_id="demo",
        session_kind=SessionKind.DEVICE,
        csrf_token="",
        young_person_id=record.id,
    )


async def _tell(row: dict, story: Story, worker: Actor, young: Actor | None, carer: Actor | None) -> None:
    """Take one interview through what happened in `story`."""
    interview_id, returned = row["id"], row["returned_at"]
    at = lambda hours: returned + hours * HOUR  # noqa: E731
    moment = now()
    if story.offered is None or at(story.offered) > moment:
        return
    await services.offer(worker, interview_id, at(story.offered))
    answered = at(story.offered + 2)
    if story.consent:
        why = "Dad said it was a family matter." if story.consent == "refused" else ""
        await services.record_consent(
            worker, interview_id, ConsentIn(state=Consent(story.consent), why=why), answered
        )
    who = young or worker
    interviewers = await services._interviewers(row["council"])
    if story.answer == "independent" and interviewers:
        choice = ChoiceIn(kind=InterviewerKind.INDEPENDENT_WORKER, interviewer_id=interviewers[0].id)
        await services.choose(who, interview_id, choice, answered)
    elif story.answer == "trusted":
        choice = ChoiceIn(kind=InterviewerKind.SOMEONE_THEY_TRUST, trusted_adult="Ms Patel (Head of Year)")
        await services.choose(who, interview_id, choice, answered)
    elif story.answer == "no_preference":
        await services.choose(who, interview_id, ChoiceIn(kind=InterviewerKind.NO_PREFERENCE), answered)
    elif story.answer is not None:
        await services.decline(who, interview_id, DeclineIn(reason=story.answer), answered)
        if story.carer_note and carer is not None:
            await services.add_carer_note(
                carer, interview_id, CarerNoteIn(text=story.carer_note), answered + HOUR
            )
    if story.held is not None and at(story.held) + HOUR <= moment:
        held_by = interviewers[0].name if story.answer == "independent" and interviewers else "Ms Patel"
        body = HeldIn(
            held_at=at(story.held),
            held_by=held_by,
            where="Northbrook Youth Centre",
            form=FORMS[story.risk],
            late_reason=story.late_reason,
            late_why="Three visits and calls before she was ready." if story.late_reason else "",
        )
        await services.record_held(worker, interview_id, body, at(story.held) + HOUR)


async def load(council_id: uuid.UUID) -> None:
    """Inside the demo's write transaction, after the young people (and any episodes)."""
    at = now()
    admins = [
        account for account in await accounts.council_accounts(council_id) if account.role == Role.ADMIN
    ]
    for name, organisation in INTERVIEWERS if admins else []:
        await services.add_interviewer(
            _actor(admins[0]), InterviewerIn(name=name, organisation=organisation), at
        )
    records = await young_people.records(await young_people.in_council(council_id))
    for record in records.values():
        workers = await young_people.social_workers(record.id)
        carers = await young_people.carers(record.id)
        if not workers:
            continue
        worker = _actor(workers[0])
        carer = _actor(carers[0]) if carers else None
        young = await _young_actor(record)
        rows = (
            await Interview.select()
            .where(Interview.young_person == record.id)
            .order_by(Interview.returned_at)
        )
        stories = STORIES.get(record.preferred_name, [])
        # Oldest first; a return with no story of its own is offered and held in time.
        for index, row in enumerate(rows):
            row = services.normal(row)
            if services.state_of(row) != State.OPEN:
                continue
            story = stories[index] if index < len(stories) else Story()
            await _tell(row, story, worker, young, carer)
