"""The social worker's dashboard, and closing an action: marked done with a note, or a
strategy meeting recorded (date, who attended, decisions)."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role
from backend.actions import guards, words
from backend.actions.schemas import (
    MEETINGS,
    ActionFacts,
    ActionKind,
    ActionOut,
    ActionState,
    CaseloadPerson,
    Dashboard,
    DoneIn,
    EpisodeOut,
    MeetingIn,
    MeetingOut,
    PlanNeeds,
)
from backend.actions.tables import DueAction, StrategyMeeting
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.db import write_transaction
from backend.episodes import api as episodes
from backend.episodes.api import EpisodeFacts
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.i18n import translate
from backend.plans import api as plans
from backend.sealed import seal, unseal
from backend.young_people import api as young_people

RECENTLY_DONE = dt.timedelta(days=14)
OPEN_EPISODE = ("open", "reported")  # episodes' states of a young person still away


def state_of(row: dict, now: dt.datetime) -> ActionState:
    """Overdue is worked out when read as well as swept: never shown as due when late."""
    state = ActionState(row["state"])
    if state == ActionState.DUE and as_utc(row["deadline"]) < now:
        return ActionState.OVERDUE
    return state


def facts(row: dict, now: dt.datetime) -> ActionFacts:
    return ActionFacts(
        id=row["id"],
        kind=ActionKind(row["kind"]),
        young_person_id=row["young_person"],
        council_id=row["council"],
        episode_id=row["episode_id"],
        owner_id=row["owner"],
        created_at=as_utc(row["created_at"]),
        deadline=as_utc(row["deadline"]),
        state=state_of(row, now),
        done_at=as_utc(row["done_at"]) if row["done_at"] else None,
    )


def urgency(action: ActionOut) -> tuple:
    """Open first; of those overdue first, the longest overdue first; then by deadline."""
    return (action.state == ActionState.DONE, action.state != ActionState.OVERDUE, action.deadline)


async def _meetings(action_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    if not action_ids:
        return {}
    rows = await StrategyMeeting.select().where(StrategyMeeting.action.is_in(action_ids))
    return {row["action"]: row for row in rows}


async def _described(
    rows: list[dict], actor: Actor, now: dt.datetime, allowed: set[uuid.UUID]
) -> list[ActionOut]:
    """`allowed`: the young people whose actions the caller may close."""
    names = await young_people.records(list({row["young_person"] for row in rows}))
    meetings = await _meetings([row["id"] for row in rows])
    people = await accounts.accounts(
        {row[column] for row in rows for column in ("owner", "done_by") if row[column]}
        | {meeting["recorded_by"] for meeting in meetings.values()}
    )
    out = []
    for row in rows:
        state = state_of(row, now)
        kind = ActionKind(row["kind"])
        note = unseal(row["done_note"]) if row["done_note"] else ""
        if note and row["done_by"] is None:
            note = translate(note)  # a note the system wrote when a hook closed it
        meeting = meetings.get(row["id"])
        may = row["young_person"] in allowed or guards.owns(actor.role, row["owner"], actor.user_id)
        out.append(
            ActionOut(
                id=row["id"],
                kind=kind,
                young_person_id=row["young_person"],
                preferred_name=names[row["young_person"]].preferred_name
                if row["young_person"] in names
                else "",
                episode_id=row["episode_id"],
                owner=people[row["owner"]].display_name if row["owner"] in people else "",
                created_at=as_utc(row["created_at"]),
                deadline=as_utc(row["deadline"]),
                state=state,
                done_note=note,
                done_by=people[row["done_by"]].display_name if row["done_by"] in people else "",
                done_at=as_utc(row["done_at"]) if row["done_at"] else None,
                meeting=MeetingOut(
                    held_on=meeting["held_on"],
                    attended=unseal(meeting["attended"]),
                    decisions=unseal(meeting["decisions"]),
                    recorded_by=people[meeting["recorded_by"]].display_name
                    if meeting["recorded_by"] in people
                    else "",
                    recorded_at=as_utc(meeting["recorded_at"]),
                )
                if meeting
                else None,
                can=guards.can(kind, state) if may else [],
            )
        )
    return out


def _episode(facts: EpisodeFacts) -> EpisodeOut:
    return EpisodeOut(
        id=facts.episode_id,
        started_at=facts.started_at,
        reported_at=facts.reported_at,
        ended_at=facts.returned_at,
        state=facts.state,
    )


async def dashboard(actor: Actor, now: dt.datetime) -> Dashboard:
    """A social worker's caseload with its actions; a manager's own actions (a senior
    manager told of a long episode)."""
    if not guards.may_see_dashboard(actor.role):
        raise Forbidden(words.NO_DASHBOARD)
    if actor.role == Role.SOCIAL_WORKER:
        caseload = await young_people.caseload(actor.user_id)
        rows = await DueAction.select().where(DueAction.young_person.is_in(caseload)) if caseload else []
    else:
        caseload = []
        rows = await DueAction.select().where(DueAction.owner == actor.user_id)
    recent = now - RECENTLY_DONE
    rows = [
        row
        for row in rows
        if row["state"] != ActionState.DONE.value or (row["done_at"] and as_utc(row["done_at"]) >= recent)
    ]
    described = await _described(rows, actor, now, set(caseload))
    open_ = sorted((a for a in described if a.state != ActionState.DONE), key=urgency)
    done = sorted((a for a in described if a.state == ActionState.DONE), key=_done_at, reverse=True)
    return Dashboard(actions=open_, done=done, caseload=await _caseload(caseload))


def _done_at(action: ActionOut) -> dt.datetime:
    assert action.done_at is not None, "only done actions with a done_at are listed as done"
    return action.done_at


async def _caseload(ids: list[uuid.UUID]) -> list[CaseloadPerson]:
    if not ids:
        return []
    records = await young_people.records(ids)
    needs = await plans.attention(ids)
    people = []
    for record in records.values():
        history = [_episode(found) for found in await episodes.for_young_person(record.id)]
        open_episode = next((e for e in history if e.state in OPEN_EPISODE), None)
        need = needs.get(record.id)
        plan = (
            PlanNeeds(need.review_due_at, need.review_reason, need.waiting_for)
            if need and (need.review_due_at or need.waiting_for)
            else None
        )
        people.append(CaseloadPerson(record.id, record.preferred_name, open_episode, history, plan))
    return sorted(people, key=lambda p: (p.open_episode is None, p.preferred_name.casefold()))


# -- closing an action -------------------------------------------------------------------------------


async def _action_for(actor: Actor, young_person_id: uuid.UUID, action_id: uuid.UUID, attempt: str) -> dict:
    """The action, if the caller may close it: the young person's social worker, or a
    manager who owns it. Anyone else is answered as for an action that does not exist
    (audited)."""
    row = (
        await DueAction.select()
        .where((DueAction.id == action_id) & (DueAction.young_person == young_person_id))
        .first()
    )
    if row is None or not guards.owns(actor.role, row["owner"], actor.user_id):
        await young_people.require(actor, young_person_id, guards.may_act, attempt)
    if row is None:
        raise NotFound(words.NOT_FOUND)
    return row


async def mark_done(
    actor: Actor, young_person_id: uuid.UUID, action_id: uuid.UUID, body: DoneIn, now: dt.datetime
) -> ActionOut:
    row = await _action_for(actor, young_person_id, action_id, words.MARK_DONE)
    note = body.note.strip()
    if not note:
        raise Invalid({"note": words.NOTE_NEEDED})
    if ActionKind(row["kind"]) in MEETINGS:
        raise Conflict(words.NEEDS_A_MEETING)
    await _close(actor, row, note, now, words.MARKED_DONE)
    return await _one(actor, action_id, now)


async def record_meeting(
    actor: Actor, young_person_id: uuid.UUID, action_id: uuid.UUID, body: MeetingIn, now: dt.datetime
) -> ActionOut:
    row = await _action_for(actor, young_person_id, action_id, words.RECORD_MEETING)
    errors = {}
    if not body.attended.strip():
        errors["attended"] = words.ATTENDED_NEEDED
    if not body.decisions.strip():
        errors["decisions"] = words.DECISIONS_NEEDED
    if body.held_on > now.date():
        errors["held_on"] = words.NOT_IN_FUTURE
    if errors:
        raise Invalid(errors)
    if ActionKind(row["kind"]) not in MEETINGS:
        raise Conflict(words.NOT_A_MEETING)
    async with write_transaction():
        await _close(actor, row, body.decisions.strip(), now, words.MEETING_RECORDED)
        await StrategyMeeting.insert(
            StrategyMeeting(
                action=row["id"],
                young_person=young_person_id,
                held_on=body.held_on,
                attended=seal(body.attended.strip()),
                decisions=seal(body.decisions.strip()),
                recorded_by=actor.user_id,
                recorded_at=now,
            )
        )
    return await _one(actor, action_id, now)


async def _close(actor: Actor, row: dict, note: str, now: dt.datetime, code: str) -> None:
    async with write_transaction():
        closed = (
            await DueAction.update(
                {
                    DueAction.state: ActionState.DONE.value,
                    DueAction.done_note: seal(note),
                    DueAction.done_by: actor.user_id,
                    DueAction.done_at: now,
                }
            )
            .where((DueAction.id == row["id"]) & (DueAction.state != ActionState.DONE.value))
            .returning(DueAction.id)
        )
        if not closed:
            raise Conflict(words.ALREADY_DONE)
        await audit.record(actor, Action.CHANGE, code, row["young_person"], at=now)


async def _one(actor: Actor, action_id: uuid.UUID, now: dt.datetime) -> ActionOut:
    row = await DueAction.select().where(DueAction.id == action_id).first()
    assert row is not None, "the action was found and changed just before (actions are never deleted)"
    relation = await young_people.relation_of(actor, row["young_person"])
    allowed = {row["young_person"]} if guards.may_act(relation) else set()
    return (await _described([row], actor, now, allowed))[0]


# -- for other domains (api.py) --------------------------------------------------------------------


async def due_for(young_person_ids: list[uuid.UUID], now: dt.datetime) -> list[ActionFacts]:
    if not young_person_ids:
        return []
    rows = await DueAction.select().where(
        DueAction.young_person.is_in(list(set(young_person_ids)))
        & (DueAction.state != ActionState.DONE.value)
    )
    return sorted(
        (facts(row, now) for row in rows), key=lambda a: (a.state != ActionState.OVERDUE, a.deadline)
    )
