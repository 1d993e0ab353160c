"""Closing a due action through the real app: marked done with a note, or a strategy
meeting recorded; bad input changes nothing; strangers, a colleague and another
council's social worker are refused as for an action that does not exist."""

from __future__ import annotations

import datetime as dt

from backend import clock, hooks
from tests.api.actions_helpers import come_back, dashboard, go_missing, interview, kinds
from tests.factories import PASSWORD, audit_events, make_council, make_user, sign_in_directly


async def _returned(world, key="jade", risk=None):
    """Jade went missing and came back; the interview was held (at `risk`)."""
    episode_id = await go_missing(world, key)
    await come_back(world, episode_id, key)
    if risk:
        await interview(world, hooks.Topic.INTERVIEW_HELD, episode_id, key, risk=risk)
    return {
        a["kind"]: a for a in (await dashboard(world.people[{"jade": "sam", "mia": "alex"}[key]]))["actions"]
    }


def url(world, action, suffix, key="jade") -> str:
    return f"/api/young-people/{world.young[key]}/actions/{action['id']}/{suffix}"


async def test_the_social_worker_marks_an_action_done_with_a_note(world):
    actions = await _returned(world)
    reply = await world.sam.client.post(
        url(world, actions["review_plan"], "done"), json={"note": "Looked at it"}
    )
    assert reply.status_code == 200, reply.text
    done = reply.json()
    assert (done["state"], done["done_note"], done["done_by"], done["can"]) == (
        "done",
        "Looked at it",
        "Sam Okafor",
        [],
    )
    view = await dashboard(world.sam)
    assert "review_plan" not in [a["kind"] for a in view["actions"]]
    assert [a["done_note"] for a in view["done"] if a["kind"] == "review_plan"] == ["Looked at it"]
    assert [e["actor_id"] for e in await audit_events(code="actions.done")] == [world.sam.user_id]
    again = await world.sam.client.post(url(world, actions["review_plan"], "done"), json={"note": "Twice"})
    assert again.status_code == 409


async def test_a_blank_note_or_a_meeting_kind_is_refused_and_nothing_changes(world):
    actions = await _returned(world, risk="high")
    blank = await world.sam.client.post(url(world, actions["review_plan"], "done"), json={"note": "  "})
    assert (blank.status_code, [e["field"] for e in blank.json()["errors"]]) == (422, ["note"])
    meeting = actions["high_risk_strategy_meeting"]
    assert meeting["can"] == ["record_meeting"]
    not_so = await world.sam.client.post(url(world, meeting, "done"), json={"note": "Done"})
    assert not_so.status_code == 409
    assert await kinds(world.sam) == ["high_risk_strategy_meeting", "review_plan"]


async def test_a_strategy_meeting_recorded_closes_its_action(world):
    actions = await _returned(world, risk="high")
    meeting = actions["high_risk_strategy_meeting"]
    today = clock.now().date()
    bad = await world.sam.client.post(
        url(world, meeting, "meeting"),
        json={"held_on": (today + dt.timedelta(days=2)).isoformat(), "attended": "", "decisions": ""},
    )
    assert (bad.status_code, sorted(e["field"] for e in bad.json()["errors"])) == (
        422,
        ["attended", "decisions", "held_on"],
    )
    body = {
        "held_on": today.isoformat(),
        "attended": "Sam, PC Jones, school",
        "decisions": "Weekly check-ins",
    }
    reply = await world.sam.client.post(url(world, meeting, "meeting"), json=body)
    assert reply.status_code == 200, reply.text
    recorded = reply.json()
    assert recorded["state"] == "done"
    assert (recorded["meeting"]["attended"], recorded["meeting"]["decisions"]) == (
        "Sam, PC Jones, school",
        "Weekly check-ins",
    )
    assert recorded["meeting"]["recorded_by"] == "Sam Okafor"
    on_review = await world.sam.client.post(url(world, actions["review_plan"], "meeting"), json=body)
    assert on_review.status_code == 409
    assert await kinds(world.sam) == ["review_plan"]


async def test_strangers_are_refused_as_for_an_action_that_does_not_exist(world):
    actions = await _returned(world)
    action = actions["review_plan"]
    other = await make_council("Elsewhere Council")
    stranger = await make_user("social_worker", "Kim Far", "kim@else.example", PASSWORD, other)
    await sign_in_directly(stranger, world.client_for())
    for person in (world.alex, world.priya, world.jade, world.ruth, stranger):
        reply = await person.client.post(url(world, action, "done"), json={"note": "Not mine"})
        assert reply.status_code == 404, (person.key, reply.text)
        refused = await audit_events(action="refused", actor_id=person.user_id)
        assert [e["code"] for e in refused] == ["actions.mark_done"]
    # Not on their dashboards either.
    assert await kinds(world.alex) == []
    assert (await dashboard(stranger))["actions"] == []
    assert await kinds(world.sam) == ["offer_interview", "hold_interview", "review_plan"]
    # Carers, young people and admins have no dashboard.
    for person in (world.priya, world.jade, world.admin):
        assert (await person.client.get("/api/actions/dashboard")).status_code == 403


async def test_a_senior_manager_closes_their_own_action(world):
    episode_id = await go_missing(world)
    clock.travel(dt.timedelta(hours=49))
    from tests.api.actions_helpers import sweep

    await sweep()
    action = (await dashboard(world.ruth))["actions"][0]
    assert action["kind"] == "inform_senior_manager"
    reply = await world.ruth.client.post(url(world, action, "done"), json={"note": "Sam told me at 10:00"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["done_by"] == "Ruth Mensah"
    assert episode_id


async def test_when_the_allocation_moves_the_actions_move_with_the_young_person(world):
    actions = await _returned(world)
    url_ = f"/api/young-people/{world.young['jade']}/allocations"
    moved = await world.sam.client.post(url_, json={"social_worker_id": str(world.alex.user_id)})
    assert moved.status_code == 201, moved.text
    rows = (await world.sam.client.get(url_)).json()
    sams = next(row for row in rows if row["active"] and row["user_id"] == str(world.sam.user_id))
    assert (await world.sam.client.post(f"{url_}/{sams['id']}/end")).status_code == 200
    # Not dropped: Alex has them now; Sam sees nothing new of Jade.
    assert await kinds(world.alex) == ["offer_interview", "hold_interview", "review_plan"]
    assert await kinds(world.sam) == []
    refused = await world.sam.client.post(url(world, actions["review_plan"], "done"), json={"note": "x"})
    assert refused.status_code == 404
    # Overdue: the social worker allocated now is told.
    clock.travel(dt.timedelta(days=2))
    from tests.api.actions_helpers import notices, sweep

    await sweep()
    overdue = [n["code"] for n in await notices(world.alex) if n["code"].startswith("actions.overdue")]
    assert sorted(overdue) == ["actions.overdue.offer_interview"]
    closed = await world.alex.client.post(
        url(world, actions["offer_interview"], "done"), json={"note": "Offered"}
    )
    assert closed.status_code == 200, closed.text
