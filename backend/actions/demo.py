"""Due actions for the demo council: some due, some overdue, some done.

The episodes demo (when it is loaded) tells its episodes through the hooks, so their
actions are made by the triggers like any others; this then runs the sweep for the
time-based ones. With no episodes demo, a short story is told through the same hooks,
as the episodes and interviews domains would tell it:

- Jade (Sam's): missing three times in 80 days (a strategy meeting for going missing
  again); the second time for 30 hours (a strategy meeting, recorded); missing again now,
  for 30 hours (a strategy meeting due).
- Tyler (Sam's): back 10 days ago and nobody offered the interview (overdue).
- Mia (Alex's): back 200 days ago; the interview held, low risk.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend import hooks
from backend.accounts.api import Actor, SessionKind
from backend.actions import services, triggers
from backend.actions.schemas import ActionKind, MeetingIn
from backend.actions.tables import DueAction, WatchedEpisode
from backend.young_people import api as young_people

DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)


async def load(council_id: uuid.UUID, at: dt.datetime) -> None:
    triggers.connect()
    if not await WatchedEpisode.exists().where(WatchedEpisode.council == council_id):
        await _story(council_id, at)
    await triggers.sweep()


async def _episode(young, council_id, started, back_after=None, interview=None, risk=None) -> uuid.UUID:
    episode_id = uuid.uuid4()
    by = (await young_people.carers(young.id) or await young_people.social_workers(young.id))[0].id
    await hooks.emit(
        hooks.Topic.EPISODE_STARTED, hooks.EpisodeStarted(episode_id, young.id, council_id, started, by)
    )
    reported = started + HOUR
    await hooks.emit(
        hooks.Topic.EPISODE_REPORTED,
        hooks.EpisodeReported(episode_id, young.id, council_id, started, reported, "medium"),
    )
    if back_after is None:
        return episode_id
    back = started + back_after
    await hooks.emit(
        hooks.Topic.EPISODE_RETURNED,
        hooks.EpisodeReturned(episode_id, young.id, council_id, "care", started, back),
    )
    for topic, after in interview or ():
        event = hooks.InterviewEvent(uuid.uuid4(), episode_id, young.id, council_id, back + after, risk)
        await hooks.emit(topic, event)
    return episode_id


async def _story(council_id: uuid.UUID, at: dt.datetime) -> None:
    found = await young_people.records(await young_people.in_council(council_id))
    people = {record.preferred_name: record for record in found.values()}
    if not {"Jade", "Tyler", "Mia"} <= set(people):
        return
    offered = (hooks.Topic.INTERVIEW_OFFERED, 5 * HOUR)
    held = (hooks.Topic.INTERVIEW_HELD, 50 * HOUR)
    jade, tyler, mia = people["Jade"], people["Tyler"], people["Mia"]
    await _episode(mia, council_id, at - 200 * DAY, 6 * HOUR, (offered, held), "low")
    await _episode(jade, council_id, at - 80 * DAY, 9 * HOUR, (offered, held), "medium")
    second = await _episode(jade, council_id, at - 40 * DAY, 30 * HOUR, (offered,))
    await _episode(tyler, council_id, at - 10 * DAY, 5 * HOUR)
    await _episode(jade, council_id, at - 30 * HOUR)
    # Sam recorded the strategy meeting of Jade's 30 hours away.
    sam = (await young_people.social_workers(jade.id))[0]
    meeting = (
        await DueAction.select(DueAction.id)
        .where(DueAction.key == triggers.key_of(ActionKind.STRATEGY_MEETING, second))
        .first()
    )
    if meeting:
        actor = Actor(sam.id, sam.role, sam.display_name, council_id, "demo", SessionKind.BROWSER, "")
        body = MeetingIn(
            held_on=(at - 37 * DAY).date(),
            attended="Sam Okafor (social worker), PC Jones (police), Ms Patel (school)",
            decisions="Weekly check-ins with Jade; Priya to ring Jade's friend Lou first next time.",
        )
        await services.record_meeting(actor, jade.id, meeting["id"], body, at - 37 * DAY)
