"""Opening a return interview the way production does: the young person's social worker
records a missing episode through the episodes routes (started, reported to the police,
back), and the EPISODE_RETURNED hook it emits opens the interview (backend/wiring.py)."""

from __future__ import annotations

import datetime as dt
import uuid

from backend import clock
from backend.clock import now
from backend.episodes import api as episodes
from backend.interviews import api as interviews
from tests.factories import sign_in_directly

SOCIAL_WORKER = {"jade": "sam", "tyler": "sam", "mia": "alex"}

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
    "details": {
        "safety_plan": "Text Priya by 9pm; Dee on Tuesdays",
        "cse_indicators": "Y",
        "ppn_date": "2026-11-28",
    },
    "for_young_person": "Thank you for talking to me. We will meet again next week.",
}


async def return_home(world, key: str = "jade", missing_from: str = "home", hours_away: float = 20) -> dict:
    """`key` came back now after `hours_away`, recorded by their social worker through the
    episodes routes. Returns the interview's id, its episode's id and the return time."""
    worker = world.people[SOCIAL_WORKER[key]].client
    returned = now()
    seen = returned - dt.timedelta(hours=hours_away)
    # Nobody is missing twice at once (the entry checks refuse overlaps): after another
    # episode of theirs, this one starts once that one ended; with no room for it before
    # now, it is placed just before their earliest episode instead.
    earlier = await episodes.for_young_person(world.young[key])
    if earlier:
        last_back = max(e.returned_at or returned for e in earlier)
        if last_back > seen:
            if last_back + dt.timedelta(minutes=2) < returned:
                seen = last_back + dt.timedelta(minutes=1)
            else:
                returned = min(e.started_at for e in earlier) - dt.timedelta(minutes=1)
                seen = returned - dt.timedelta(hours=hours_away)
    reply = await worker.post(
        f"/api/young-people/{world.young[key]}/episodes",
        json={
            "last_seen_at": seen.isoformat(),
            "missing_from": missing_from,
            "last_seen_where": "After school",
        },
    )
    assert reply.status_code == 201, reply.text
    url = f"/api/episodes/{reply.json()['id']}"
    reported = (seen + dt.timedelta(minutes=30)).isoformat()
    reply = await worker.post(f"{url}/report", json={"reported_at": reported, "cad_number": "CAD 77 29/11"})
    assert reply.status_code == 200, reply.text
    reply = await worker.post(
        f"{url}/return", json={"returned_at": returned.isoformat(), "how_found": "came_back"}
    )
    assert reply.status_code == 200, reply.text
    episode_id = uuid.UUID(reply.json()["id"])
    facts = await interviews.for_episode(episode_id)
    assert facts is not None, "the return opened no interview"
    return {"id": str(facts.interview_id), "episode_id": episode_id, "returned_at": facts.returned_at}


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
