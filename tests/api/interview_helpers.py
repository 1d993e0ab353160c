"""Opening a return interview the way production does: the episodes domain emits
EPISODE_RETURNED inside its write transaction and interviews' subscriber (connected by
backend.wiring, which the app calls) opens the interview."""

from __future__ import annotations

import datetime as dt
import uuid

from backend import clock, hooks
from backend.clock import now
from backend.db import write_transaction
from backend.hooks import EpisodeReturned, Topic
from backend.interviews import api as interviews
from tests.factories import sign_in_directly

FORM = {
    "answers": {"where_slept": "At my friend's flat", "felt_safe": "Mostly", "why_not_tell": "I was angry"},
    "push_factors": ["relationship_breakdown", "problems_with_peers"],
    "pull_factors": ["to_be_near_friends"],
    "high_risk": ["missing_overnight_24_hours", "high_risk_associates"],
    "risk_again": "high",
    "where_went": ["friends", "town_shops_park"],
    "where_text": "Westfield, then a friend's flat",
    "who_with": ["friends"],
    "how_travelled": ["public_transport"],
    "what_would_help": ["time_to_talk", "later_curfew"],
    "follow_up": ["mentoring"],
    "referrals": ["cse_screening"],
    "analysis": "Older peers at the flat; CSE screening booked.",
    "for_young_person": "Thank you for talking to me. We will meet again next week.",
}


async def return_home(world, key: str = "jade", missing_from: str = "home", hours_away: float = 20) -> dict:
    """`key` came back now after `hours_away`: the hook runs as the episodes domain runs it.
    Returns the interview's facts as a dict."""
    returned = now()
    episode_id = uuid.uuid4()
    async with write_transaction():
        await hooks.emit(
            Topic.EPISODE_RETURNED,
            EpisodeReturned(
                episode_id=episode_id,
                young_person_id=world.young[key],
                council_id=world.council_id,
                missing_from=missing_from,
                started_at=returned - dt.timedelta(hours=hours_away),
                returned_at=returned,
            ),
        )
    facts = await interviews.for_episode(episode_id)
    assert facts is not None, "the return opened no interview"
    return {"id": str(facts.interview_id), "episode_id": episode_id, "returned_at": returned}


def held_body(at: dt.datetime, **changes) -> dict:
    return {
        "held_at": at.isoformat(),
        "held_by": "Dee Campbell",
        "where": "Northbrook library",
        "form": FORM,
    } | changes


async def travel(world, delta: dt.timedelta) -> None:
    """Move the clock; everyone signs in again (a professional's browser session times out)."""
    clock.travel(delta)
    for person in world.people.values():
        await sign_in_directly(person, person.client)


async def travel_to(world, moment: dt.datetime) -> None:
    await travel(world, moment - now())


async def fill_interview_columns(world) -> None:
    """A value in every encrypted column of interviews (for the key rotation test)."""
    sam, alex = world.sam.client, world.alex.client
    reply = await world.admin.client.post("/api/council/interviewers", json={"name": "Dee Campbell"})
    assert reply.status_code == 201, reply.text
    jade = await return_home(world, "jade", "home")
    iv = f"/api/interviews/{jade['id']}"
    await sam.post(f"{iv}/offer")
    trusted = {"kind": "someone_they_trust", "trusted_adult": "Ms Patel"}
    assert (await world.jade.client.post(f"{iv}/choice", json=trusted)).is_success
    assert (await world.jade.client.put(f"{iv}/sharing", json={"carer": ["what_would_help"]})).is_success
    overridden = {"state": "overridden", "why": "Risk of exploitation"}
    assert (await sam.put(f"{iv}/consent", json=overridden)).is_success
    body = held_body(now(), late_reason="other", late_why="Waited for her to be ready")
    assert (await sam.put(f"{iv}/held", json=body)).is_success
    mia = await return_home(world, "mia", "care")
    iv = f"/api/interviews/{mia['id']}"
    await alex.post(f"{iv}/offer")
    no = {"reason": "other", "why": "Tired of questions"}
    assert (await world.mia.client.post(f"{iv}/decline", json=no)).is_success
    assert (await world.olu.client.put(f"{iv}/carer-note", json={"text": "At her cousin's"})).is_success
