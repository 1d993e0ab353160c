"""Escalation triggers as due actions, on a controllable clock: the seeds' edges exactly
(23 h 59 min no, 24 h 1 min yes; a third episode on day 89 yes, day 91 no; a council's
3 in 30), working days across a weekend and a bank holiday, overdue with the owner told,
and nothing dropped. Episodes and interviews are told through their hooks."""

from __future__ import annotations

import datetime as dt

from backend import clock, hooks
from tests.api.actions_helpers import (
    come_back,
    dashboard,
    found_before_reporting,
    fresh,
    go_missing,
    interview,
    kinds,
    london,
    notices,
    sweep,
    travel_to,
)

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def minute(at: str) -> str:
    """An API time, in London, to the minute."""
    return dt.datetime.fromisoformat(at).astimezone(london(2027, 1, 1).tzinfo).strftime("%Y-%m-%d %H:%M")


async def test_missing_23_hours_59_makes_no_24_hour_action_and_24_hours_1_does(world):
    travel_to(london(2027, 3, 3, 10, 0))  # a Wednesday
    await go_missing(world)
    clock.travel(23 * HOUR + 59 * MINUTE)
    await sweep()
    assert await kinds(world.sam) == []
    clock.travel(2 * MINUTE)
    await sweep()
    await sweep()  # a second sweep makes nothing twice
    view = await dashboard(world.sam)
    assert [(a["kind"], a["state"], a["owner"], a["preferred_name"]) for a in view["actions"]] == [
        ("strategy_meeting", "due", "Sam Okafor", "Jade")
    ]
    assert view["actions"][0]["can"] == ["record_meeting"]
    # 3 working days of office time from Thursday 10:00: Tuesday 10:00.
    assert minute(view["actions"][0]["deadline"]) == "2027-03-09 10:00"
    jade = next(person for person in view["caseload"] if person["preferred_name"] == "Jade")
    assert jade["open_episode"] is not None and len(jade["episodes"]) == 1
    # Sam is told once, with the deadline, linked to his dashboard.
    told = [n for n in await notices(world.sam) if n["code"].startswith("actions.")]
    assert [(n["code"], n["link"]) for n in told] == [("actions.due.strategy_meeting", "#/dashboard")]
    assert told[0]["text"] == "Jade: a strategy meeting (missing over 24 hours) by 2027-03-09 10:00"


async def test_a_strategy_meeting_is_due_in_3_working_days_across_a_weekend_and_a_bank_holiday(world):
    # Missing from Thursday 27 May 2027, 14:00; 24 hours pass on Friday at 14:00. Saturday,
    # Sunday and Monday 31 May (the spring bank holiday) do not count: 3h on Friday, 8h on
    # Tuesday and Wednesday, and 5h on Thursday 3 June: 14:00.
    travel_to(london(2027, 5, 27, 14, 0))
    await go_missing(world)
    clock.travel(25 * HOUR)
    await sweep()
    action = (await dashboard(world.sam))["actions"][0]
    assert minute(action["deadline"]) == "2027-06-03 14:00"


async def test_48_hours_tells_a_senior_manager_and_7_days_calls_a_further_meeting(world):
    travel_to(london(2027, 3, 1, 9, 0))
    await go_missing(world)
    clock.travel(48 * HOUR - MINUTE)
    await sweep()
    assert await kinds(world.ruth) == []
    clock.travel(2 * MINUTE)
    await sweep()
    assert await kinds(world.ruth) == ["inform_senior_manager"]
    told = [n["code"] for n in await notices(world.ruth) if n["code"].startswith("actions.")]
    assert told == ["actions.due.inform_senior_manager"]
    ruths = (await dashboard(world.ruth))["actions"][0]
    assert (ruths["owner"], ruths["can"]) == ("Ruth Mensah", ["mark_done"])
    assert "inform_senior_manager" in await kinds(world.sam)  # Sam sees it too
    clock.travel(5 * DAY - 2 * MINUTE)  # 6 days 23:59
    await sweep()
    assert "further_strategy_meeting" not in await kinds(world.sam)
    clock.travel(2 * MINUTE)
    await sweep()
    assert "further_strategy_meeting" in await kinds(world.sam)


async def _episodes_on(world, days: list[int]) -> None:
    """Episodes of Jade's starting on these days (from day 0), each back after 2 hours."""
    start = london(2027, 1, 4, 20, 0)
    for day in days:
        travel_to(start + day * DAY)
        episode_id = await go_missing(world)
        clock.travel(2 * HOUR)
        await come_back(world, episode_id)


async def test_a_third_episode_on_day_89_calls_a_meeting(world):
    await _episodes_on(world, [0, 30, 89])
    assert "repeat_strategy_meeting" in await kinds(world.sam)


async def test_a_third_episode_on_day_91_does_not(world):
    await _episodes_on(world, [0, 30, 91])
    assert "repeat_strategy_meeting" not in await kinds(world.sam)


async def _three_in_30(world) -> None:
    await fresh(world.admin)
    view = (await world.admin.client.get("/api/council/settings")).json()
    body = {
        "escalation": view["escalation"],
        "office_hours": {key: view["office_hours"][key] for key in ("days", "opens", "closes")},
        "nation": view["nation"],
        "thresholds": {**view["thresholds"], "repeat_window_days": 30},
        "rota": [],
    }
    reply = await world.admin.client.put("/api/council/settings", json=body)
    assert reply.status_code == 200, reply.text


async def test_a_council_set_to_3_in_30_counts_30_days(world):
    await _three_in_30(world)
    await _episodes_on(world, [0, 12, 31])
    assert "repeat_strategy_meeting" not in await kinds(world.sam)
    await _episodes_on(world, [40])  # 12, 31 and 40 are within 30 days
    assert "repeat_strategy_meeting" in await kinds(world.sam)


async def test_an_unreported_absence_does_not_count_towards_going_missing_again(world):
    await _episodes_on(world, [0, 30])
    travel_to(london(2027, 1, 4, 20, 0) + 60 * DAY)
    episode_id = await go_missing(world, reported=False)
    await found_before_reporting(world, episode_id)
    assert "repeat_strategy_meeting" not in await kinds(world.sam)
    assert "review_plan" in await kinds(world.sam)


async def test_a_return_opens_the_interview_deadlines_and_the_interview_hooks_close_them(world):
    travel_to(london(2027, 3, 3, 22, 0))
    episode_id = await go_missing(world)
    clock.travel(12 * HOUR)
    await come_back(world, episode_id)
    actions = {a["kind"]: a for a in (await dashboard(world.sam))["actions"]}
    assert set(actions) == {"offer_interview", "hold_interview", "review_plan"}
    assert minute(actions["offer_interview"]["deadline"]) == "2027-03-05 10:00"
    assert minute(actions["hold_interview"]["deadline"]) == "2027-03-07 10:00"
    clock.travel(3 * HOUR)
    await interview(world, hooks.Topic.INTERVIEW_OFFERED, episode_id)
    assert "offer_interview" not in await kinds(world.sam)
    clock.travel(DAY)
    await interview(world, hooks.Topic.INTERVIEW_HELD, episode_id, risk="high")
    view = await dashboard(world.sam)
    assert [a["kind"] for a in view["actions"]] == ["high_risk_strategy_meeting", "review_plan"]
    done = {a["kind"]: a for a in view["done"]}
    assert done["hold_interview"]["done_note"] == "The return home interview was held."
    assert done["offer_interview"]["done_note"] == "The return home interview was offered."


async def test_an_interview_heard_of_before_the_return_is_not_opened_again(world):
    """Whichever subscriber hears first, an interview already offered stays done."""
    travel_to(london(2027, 3, 3, 22, 0))
    episode_id = await go_missing(world)
    await interview(world, hooks.Topic.INTERVIEW_DECLINED, episode_id)
    await come_back(world, episode_id)
    assert await kinds(world.sam) == ["review_plan"]
    declined = {a["kind"]: a["done_note"] for a in (await dashboard(world.sam))["done"]}
    assert declined["hold_interview"] == "The young person declined the return home interview."


async def test_late_actions_become_overdue_and_are_never_dropped(world):
    travel_to(london(2027, 3, 3, 22, 0))
    episode_id = await go_missing(world)
    clock.travel(HOUR)
    await come_back(world, episode_id)
    clock.travel(24 * HOUR + MINUTE)
    # Shown overdue as soon as it is late, even before a sweep.
    states = {a["kind"]: a["state"] for a in (await dashboard(world.sam))["actions"]}
    assert states == {"offer_interview": "overdue", "hold_interview": "due", "review_plan": "due"}
    await sweep()
    clock.travel(30 * DAY)
    await sweep()
    # Sam was told each fell due, and once each that it is overdue.
    overdue = [n["code"] for n in await notices(world.sam) if n["code"].startswith("actions.overdue")]
    assert sorted(overdue) == [
        "actions.overdue.hold_interview",
        "actions.overdue.offer_interview",
        "actions.overdue.review_plan",
    ]
    view = await dashboard(world.sam)
    # Overdue first, longest overdue first; still there a month later.
    assert [(a["kind"], a["state"]) for a in view["actions"]] == [
        ("offer_interview", "overdue"),
        ("hold_interview", "overdue"),
        ("review_plan", "overdue"),
    ]


async def test_a_plan_review_is_closed_when_the_plan_is_agreed_again(world):
    from tests.api.test_access_matrix import _agree

    travel_to(london(2027, 3, 3, 22, 0))
    episode_id = await go_missing(world)
    await come_back(world, episode_id)
    await sweep()
    assert "review_plan" in await kinds(world.sam)
    view = await dashboard(world.sam)
    jade = next(person for person in view["caseload"] if person["preferred_name"] == "Jade")
    assert jade["plan"]["review_due_at"] is not None
    await fresh(world.sam, world.jade, world.priya)
    await _agree(world, world.young["jade"])
    await sweep()
    assert "review_plan" not in await kinds(world.sam)
    done = {a["kind"]: a["done_note"] for a in (await dashboard(world.sam))["done"]}
    assert done["review_plan"] == "The plan was reviewed and agreed again."


async def test_the_real_interview_routes_close_the_interview_actions(world):
    """End to end: the carer records the return, the social worker offers and records the
    interview (high risk of going missing again): the offer and hold actions close and a
    strategy meeting falls due."""
    travel_to(london(2027, 3, 3, 22, 0))
    episode_id = await go_missing(world)
    clock.travel(12 * HOUR)
    await come_back(world, episode_id)
    await fresh(world.sam)
    found = await world.sam.client.get(f"/api/young-people/{world.young['jade']}/interviews")
    assert found.status_code == 200, found.text
    interview_id = found.json()[0]["id"]
    offered = await world.sam.client.post(f"/api/interviews/{interview_id}/offer")
    assert offered.status_code == 200, offered.text
    assert "offer_interview" not in await kinds(world.sam)
    clock.travel(DAY)
    await fresh(world.sam)
    held = {
        "held_at": clock.now().isoformat(),
        "held_by": "Dan Price",
        "where": "Jade's school",
        "form": {"risk_again": "high"},
    }
    reply = await world.sam.client.put(f"/api/interviews/{interview_id}/held", json=held)
    assert reply.status_code == 200, reply.text
    assert await kinds(world.sam) == ["high_risk_strategy_meeting", "review_plan"]
