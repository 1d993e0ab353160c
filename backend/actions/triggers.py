"""The escalation triggers: due actions made by the episode and interview hooks, and by
a periodic sweep for the ones that depend on time passing.

- Missing over 24 hours: a strategy meeting (seed 003 9.3), within 3 working days.
- Missing over 48 hours: a senior manager is told (seed 003 6.6.1); they own it.
- Not found in 7 days: a further strategy meeting (seed 003 6.6.2).
- 3 reported episodes in 90 days (the council's numbers: some use 3 in 30): a strategy
  meeting (seed 003 6.6.3), counted when an episode is reported.
- High risk of going missing again at the return interview: a strategy meeting.
- On every return: offer the return home interview within 24 hours and hold it within 72
  (seeds 001 and 003 7.9), closed by the interview hooks; on every end of an episode,
  review the plan (closed when the plan is agreed again).

Every number is the council's setting (councils.api); working days skip weekends and the
nation's bank holidays. A trigger makes its action once (a unique key). Nothing is
silently dropped: an action is open until someone closes it (with a note, or the meeting
it asks for), becomes overdue after its deadline and its owner is told both times.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from piccolo.columns import Column

from backend import hooks
from backend.accounts import api as accounts
from backend.accounts.api import Role
from backend.actions import telling, words
from backend.actions.schemas import ActionKind, ActionState
from backend.actions.tables import DueAction, WatchedEpisode
from backend.clock import as_utc
from backend.clock import now as clock_now
from backend.councils import api as councils
from backend.db import write_transaction
from backend.plans import api as plans
from backend.sealed import seal
from backend.young_people import api as young_people

# The plan's review is overdue a week after it fell due (plans' REVIEW_OVERDUE_AFTER).
REVIEW_PLAN_WITHIN = dt.timedelta(days=7)
HOURS = dt.timedelta(hours=1)
# How often the sweep runs (backend/wiring.py): thresholds are counted to the minute.
SWEEP_PERIOD = dt.timedelta(minutes=1)


# -- owners -------------------------------------------------------------------------------------


async def _manager(council_id: uuid.UUID) -> uuid.UUID | None:
    """A senior manager of the council (else an admin: someone always owns it)."""
    for role in (Role.MANAGER, Role.ADMIN):
        found = await accounts.colleagues(council_id, role)
        if found:
            return found[0].id
    return None


async def _social_worker(young_person_id: uuid.UUID, council_id: uuid.UUID) -> uuid.UUID | None:
    """Their allocated social worker; nobody allocated: a manager, never nobody."""
    workers = [worker for worker in await young_people.social_workers(young_person_id) if worker.active]
    return workers[0].id if workers else await _manager(council_id)


# -- opening and closing ------------------------------------------------------------------------


async def open_action(
    *,
    kind: ActionKind,
    key: str,
    young_person_id: uuid.UUID,
    council_id: uuid.UUID,
    episode_id: uuid.UUID | None,
    owner_id: uuid.UUID | None,
    deadline: dt.datetime,
    now: dt.datetime,
) -> uuid.UUID | None:
    """Make the action `key` names unless it was made before; tell its owner. Returns its
    id when made now."""
    async with write_transaction():
        if await DueAction.exists().where(DueAction.key == key):
            return None
        row = DueAction(
            key=key,
            kind=kind.value,
            young_person=young_person_id,
            council=council_id,
            episode_id=episode_id,
            owner=owner_id,
            created_at=now,
            deadline=deadline,
            state=ActionState.DUE.value,
        )
        await DueAction.insert(row)
        await telling.tell(
            owner_id=owner_id,
            action_id=row.id,
            kind=kind,
            young_person_id=young_person_id,
            deadline=deadline,
            overdue=False,
        )
    return row.id


async def _close_by_system(key: str, note: str, at: dt.datetime) -> bool:
    """A hook closes an action (done by nobody: the note says what happened)."""
    async with write_transaction():
        closed = (
            await DueAction.update(
                {
                    DueAction.state: ActionState.DONE.value,
                    DueAction.done_note: seal(note),
                    DueAction.done_at: at,
                }
            )
            .where((DueAction.key == key) & (DueAction.state != ActionState.DONE.value))
            .returning(DueAction.id)
        )
    return bool(closed)


def key_of(kind: ActionKind, *parts: object) -> str:
    return ":".join([kind.value, *map(str, parts)])


# -- the episodes we watch ------------------------------------------------------------------------


async def _watch(episode_id, young_person_id, council_id, started_at, **changes) -> dict:
    """The watched episode, made if the hooks had not told us of it yet."""
    async with write_transaction():
        if not await WatchedEpisode.exists().where(WatchedEpisode.id == episode_id):
            await WatchedEpisode.insert(
                WatchedEpisode(
                    id=episode_id, young_person=young_person_id, council=council_id, started_at=started_at
                )
            )
        # Every hook carries the start as it is now (a carer may correct it).
        changes["started_at"] = started_at
        # Piccolo's update() takes keys typed as columns or their names: these are names.
        await WatchedEpisode.update(cast("dict[Column | str, Any]", changes)).where(
            WatchedEpisode.id == episode_id
        )
        watched = await WatchedEpisode.select().where(WatchedEpisode.id == episode_id).first()
    assert watched is not None, "it was made just above if it was not there, in this transaction"
    return watched


async def _time_triggers(episode: dict, upto: dt.datetime, now: dt.datetime) -> None:
    """The actions an episode has earned by `upto` (now, or when it ended)."""
    council_id, young_person_id = episode["council"], episode["young_person"]
    limits = (await councils.settings(council_id)).thresholds
    started = as_utc(episode["started_at"])
    missing = upto - started
    within = limits.strategy_meeting_within_working_days
    triggers = (
        # (kind, missing for longer than, working days to do it in, owned by a manager)
        (ActionKind.STRATEGY_MEETING, limits.strategy_meeting_after_hours * HOURS, within, False),
        (ActionKind.INFORM_SENIOR_MANAGER, limits.senior_manager_after_hours * HOURS, 1, True),  # a day
        (
            ActionKind.FURTHER_STRATEGY_MEETING,
            dt.timedelta(days=limits.further_meeting_after_days),
            within,
            False,
        ),
    )
    for kind, after, working_days, manager in triggers:
        key = key_of(kind, episode["id"])
        if missing <= after or await DueAction.exists().where(DueAction.key == key):
            continue
        await open_action(
            kind=kind,
            key=key,
            young_person_id=young_person_id,
            council_id=council_id,
            episode_id=episode["id"],
            owner_id=await (_manager(council_id) if manager else _social_worker(young_person_id, council_id)),
            deadline=await councils.add_working_days(council_id, started + after, working_days),
            now=now,
        )


# -- hook subscribers -------------------------------------------------------------------------------


EpisodeEvent = (
    hooks.EpisodeStarted | hooks.EpisodeReported | hooks.EpisodeReturned | hooks.EpisodeClosedUnreported
)


async def _watch_event(event: EpisodeEvent, **changes) -> dict:
    """The watched episode an episode hook is about (the same four fields on every one
    of them), with `changes`."""
    return await _watch(
        event.episode_id, event.young_person_id, event.council_id, event.started_at, **changes
    )


async def episode_started(event: hooks.EpisodeStarted) -> None:
    await _watch_event(event)


async def episode_reported(event: hooks.EpisodeReported) -> None:
    episode = await _watch_event(event, reported_at=event.reported_at, state="reported")
    await _repeat(episode, event.reported_at, clock_now())


async def _repeat(episode: dict, reported_at: dt.datetime, now: dt.datetime) -> None:
    """N reported episodes whose start fell within D days up to this one's start: a
    meeting within the working days from when the last was reported."""
    council_id, young_person_id = episode["council"], episode["young_person"]
    limits = (await councils.settings(council_id)).thresholds
    started = as_utc(episode["started_at"])
    since = started - dt.timedelta(days=limits.repeat_window_days)
    count = await WatchedEpisode.count().where(
        (WatchedEpisode.young_person == young_person_id)
        & WatchedEpisode.reported_at.is_not_null()
        & (WatchedEpisode.started_at > since)
        & (WatchedEpisode.started_at <= started)
    )
    kind = ActionKind.REPEAT_STRATEGY_MEETING
    if count < limits.repeat_episodes:
        return
    still_open = await DueAction.exists().where(
        (DueAction.young_person == young_person_id)
        & (DueAction.kind == kind.value)
        & (DueAction.state != ActionState.DONE.value)
    )
    if still_open:  # one meeting at a time for going missing again
        return
    await open_action(
        kind=kind,
        key=key_of(kind, episode["id"]),
        young_person_id=young_person_id,
        council_id=council_id,
        episode_id=episode["id"],
        owner_id=await _social_worker(young_person_id, council_id),
        deadline=await councils.add_working_days(
            council_id, reported_at, limits.strategy_meeting_within_working_days
        ),
        now=now,
    )


async def _ended(episode: dict, ended_at: dt.datetime, now: dt.datetime) -> None:
    await _time_triggers(episode, ended_at, now)
    young_person_id, council_id = episode["young_person"], episode["council"]
    kind = ActionKind.REVIEW_PLAN
    await plans.mark_review_due(young_person_id, "Back from missing: review the plan", ended_at)
    await open_action(
        kind=kind,
        key=key_of(kind, episode["id"]),
        young_person_id=young_person_id,
        council_id=council_id,
        episode_id=episode["id"],
        owner_id=await _social_worker(young_person_id, council_id),
        deadline=ended_at + REVIEW_PLAN_WITHIN,
        now=now,
    )


async def _interview_deadlines(
    council_id: uuid.UUID, returned_at: dt.datetime
) -> dict[ActionKind, dt.datetime]:
    limits = (await councils.settings(council_id)).thresholds
    return {
        ActionKind.OFFER_INTERVIEW: returned_at + limits.rhi_offer_within_hours * HOURS,
        ActionKind.HOLD_INTERVIEW: returned_at + limits.rhi_held_within_hours * HOURS,
    }


async def episode_returned(event: hooks.EpisodeReturned) -> None:
    now = clock_now()
    episode = await _watch_event(event, ended_at=event.returned_at, state="returned")
    owner = await _social_worker(event.young_person_id, event.council_id)
    for kind, deadline in (await _interview_deadlines(event.council_id, event.returned_at)).items():
        await open_action(
            kind=kind,
            key=key_of(kind, event.episode_id),
            young_person_id=event.young_person_id,
            council_id=event.council_id,
            episode_id=event.episode_id,
            owner_id=owner,
            deadline=deadline,
            now=now,
        )
    await _ended(episode, event.returned_at, now)


async def episode_closed_unreported(event: hooks.EpisodeClosedUnreported) -> None:
    episode = await _watch_event(event, ended_at=event.found_at, state="closed_unreported")
    await _ended(episode, event.found_at, clock_now())


async def _interview_closes(event: hooks.InterviewEvent, closing: dict[ActionKind, str]) -> None:
    """Close the interview actions; one the return had not opened yet (a hook heard
    first) is made and closed at once, so it is never opened later."""
    episode = await WatchedEpisode.select().where(WatchedEpisode.id == event.episode_id).first()
    returned_at = as_utc(episode["ended_at"]) if episode and episode["ended_at"] else event.at
    deadlines = await _interview_deadlines(event.council_id, returned_at)
    for kind, note in closing.items():
        key = key_of(kind, event.episode_id)
        await open_action(
            kind=kind,
            key=key,
            young_person_id=event.young_person_id,
            council_id=event.council_id,
            episode_id=event.episode_id,
            owner_id=await _social_worker(event.young_person_id, event.council_id),
            deadline=deadlines[kind],
            now=event.at,
        )
        await _close_by_system(key, note, event.at)


async def interview_offered(event: hooks.InterviewEvent) -> None:
    await _interview_closes(event, {ActionKind.OFFER_INTERVIEW: words.OFFERED})


async def interview_declined(event: hooks.InterviewEvent) -> None:
    await _interview_closes(
        event, {ActionKind.OFFER_INTERVIEW: words.OFFERED, ActionKind.HOLD_INTERVIEW: words.DECLINED}
    )


async def interview_held(event: hooks.InterviewEvent) -> None:
    await _interview_closes(
        event, {ActionKind.OFFER_INTERVIEW: words.OFFERED, ActionKind.HOLD_INTERVIEW: words.HELD}
    )
    if event.risk_of_going_missing_again == "high":
        limits = (await councils.settings(event.council_id)).thresholds
        kind = ActionKind.HIGH_RISK_STRATEGY_MEETING
        await open_action(
            kind=kind,
            key=key_of(kind, event.episode_id),
            young_person_id=event.young_person_id,
            council_id=event.council_id,
            episode_id=event.episode_id,
            owner_id=await _social_worker(event.young_person_id, event.council_id),
            deadline=await councils.add_working_days(
                event.council_id, event.at, limits.strategy_meeting_within_working_days
            ),
            now=event.at,
        )


def connect() -> None:
    """Subscribe to the episode and interview hooks (backend/wiring.py calls this)."""
    hooks.on(hooks.Topic.EPISODE_STARTED, episode_started)
    hooks.on(hooks.Topic.EPISODE_REPORTED, episode_reported)
    hooks.on(hooks.Topic.EPISODE_RETURNED, episode_returned)
    hooks.on(hooks.Topic.EPISODE_CLOSED_UNREPORTED, episode_closed_unreported)
    hooks.on(hooks.Topic.INTERVIEW_OFFERED, interview_offered)
    hooks.on(hooks.Topic.INTERVIEW_DECLINED, interview_declined)
    hooks.on(hooks.Topic.INTERVIEW_HELD, interview_held)


# -- the sweep --------------------------------------------------------------------------------------


async def sweep() -> None:
    """The periodic job: time-based triggers of open episodes, plans reviewed since, and
    actions past their deadline (their owners told once). Idempotent."""
    now = clock_now()
    for episode in await WatchedEpisode.select().where(WatchedEpisode.ended_at.is_null()):
        await _time_triggers(episode, now, now)
    await _close_reviewed_plans(now)
    await _mark_overdue(now)


async def _close_reviewed_plans(now: dt.datetime) -> None:
    rows = await DueAction.select(DueAction.key, DueAction.young_person).where(
        (DueAction.kind == ActionKind.REVIEW_PLAN.value) & (DueAction.state != ActionState.DONE.value)
    )
    if not rows:
        return
    needs = await plans.attention([row["young_person"] for row in rows])
    for row in rows:
        found = needs.get(row["young_person"])
        if found is None or found.review_due_at is None:
            await _close_by_system(row["key"], words.PLAN_AGREED, now)


async def _mark_overdue(now: dt.datetime) -> None:
    late = await DueAction.select().where(
        (DueAction.state == ActionState.DUE.value) & (DueAction.deadline < now)
    )
    for row in late:
        async with write_transaction():
            marked = (
                await DueAction.update(
                    {DueAction.state: ActionState.OVERDUE.value, DueAction.overdue_at: now}
                )
                .where((DueAction.id == row["id"]) & (DueAction.state == ActionState.DUE.value))
                .returning(DueAction.id)
            )
            if marked:
                owner = row["owner"]
                if row["kind"] != ActionKind.INFORM_SENIOR_MANAGER.value:
                    # The social worker allocated now (the allocation may have moved).
                    owner = await _social_worker(row["young_person"], row["council"])
                    await DueAction.update({DueAction.owner: owner}).where(DueAction.id == row["id"])
                await telling.tell(
                    owner_id=owner,
                    action_id=row["id"],
                    kind=ActionKind(row["kind"]),
                    young_person_id=row["young_person"],
                    deadline=as_utc(row["deadline"]),
                    overdue=True,
                )
