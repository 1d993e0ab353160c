"""A manager's figures of missing episodes and return interviews for a fixed period:
only managers, only their own council, small numbers hidden, the same in the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest

from backend.accounts import api as accounts
from backend.clock import now
from backend.errors import Invalid
from tests.factories import PASSWORD, make_council, make_user, sign_in_directly

URL = "/api/figures/missing"


def details_url(world, key: str) -> str:
    return f"/api/young-people/{world.young[key]}/details"


async def test_manager_sees_this_months_figures_with_small_numbers_hidden(world):
    reply = await world.ruth.client.get(URL)
    assert reply.status_code == 200
    body = reply.json()
    assert body["council"] == "Testshire Council"
    today = now().date()
    assert body["period"]["kind"] == "month"
    assert body["period"]["start"] == today.replace(day=1).isoformat()
    assert body["next"] is None  # this month is the latest
    keys = [cell["key"] for cell in body["headline"]]
    assert keys == ["episodes", "young_people", "repeat", "sixteen_seventeen", "offered", "accepted", "held"]
    assert all(cell["value"] is None for cell in body["headline"])  # nothing yet: fewer than 10
    groups = {group["key"]: group for group in body["groups"]}
    assert set(groups) == {
        "episodes",
        "missing_from",
        "young_people",
        "out_of_area",
        "interviews",
        "declined",
        "consent",
        "follow_up",
    }
    interviews = groups["interviews"]
    assert [part["label"] for part in interviews["parts"]][-2:] == [
        "Held within 72 hours",
        "Held after 72 hours",
    ]
    dimensions = [breakdown["dimension"] for breakdown in interviews["breakdowns"]]
    assert dimensions == ["age_band", "sex", "ethnicity"]
    assert [len(trend["points"]) for trend in body["trends"]] == [12, 12, 12]
    for name in ("Jade", "Mia", "Tyler"):
        assert name not in reply.text


async def test_the_period_chooser_takes_a_month_quarter_or_year(world):
    year = now().year
    quarter = await world.ruth.client.get(URL, params={"period": "quarter", "start": f"{year - 1}-04-01"})
    assert quarter.status_code == 200
    assert quarter.json()["period"] == {
        "kind": "quarter",
        "start": f"{year - 1}-04-01",
        "end": f"{year - 1}-07-01",
    }
    assert quarter.json()["previous"] == f"{year - 1}-01-01"
    assert quarter.json()["next"] == f"{year - 1}-07-01"
    assert len(quarter.json()["trends"][0]["points"]) == 8
    whole = await world.ruth.client.get(URL, params={"period": "year", "start": f"{year - 1}-01-01"})
    assert whole.json()["period"]["end"] == f"{year}-01-01"
    assert len(whole.json()["trends"][0]["points"]) == 5


async def test_a_bad_period_is_refused_clearly(world):
    year = now().year
    for params in (
        {"period": "week"},
        {"period": "quarter", "start": f"{year - 1}-02-01"},  # not the first day of a quarter
        {"period": "month", "start": f"{year - 1}-03-15"},
        {"period": "year", "start": f"{year + 1}-01-01"},  # the future
    ):
        reply = await world.ruth.client.get(URL, params=params)
        assert reply.status_code == 422, params
        assert reply.headers["content-type"] == "application/problem+json"


async def test_only_managers_see_the_figures(world):
    for key in ("jade", "priya", "sam", "admin"):
        for url in (URL, f"{URL}/csv"):
            reply = await world.people[key].client.get(url)
            assert reply.status_code == 403, (key, url)
    assert (await world.anonymous().get(URL)).status_code == 401


async def test_another_councils_manager_sees_only_their_own_council(world):
    elsewhere = await make_council("Elsewhere Council", young_people=12)
    manager = await make_user("manager", "Far Manager", "far@elsewhere.example", PASSWORD, elsewhere)
    await sign_in_directly(manager, world.client_for())
    client = manager.client
    reply = await client.get(URL)
    assert reply.status_code == 200
    assert reply.json()["council"] == "Elsewhere Council"
    assert "Testshire" not in reply.text
    assert "Testshire" not in (await client.get(f"{URL}/csv")).text


async def test_the_csv_carries_the_same_suppressed_figures(world):
    reply = await world.ruth.client.get(f"{URL}/csv", params={"period": "quarter"})
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert "attachment" in reply.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(reply.text)))
    assert rows[0] == ["Figure", "Breakdown", "Group", "Part", "Number"]
    assert rows[1][0] == "Testshire Council"
    numbers = {row[4] for row in rows[2:]}
    assert numbers == {"fewer than 10"}
    assert ["Missing episodes", "By sex", "Female", "Reported to the police", "fewer than 10"] in rows
    json_figures = (await world.ruth.client.get(URL, params={"period": "quarter"})).json()
    cells = sum(len(group["parts"]) + 1 for group in json_figures["groups"])
    assert len(rows) > cells


async def test_the_csv_and_figures_speak_arabic(world):
    headers = {"X-Homeward-Language": "ar"}
    reply = await world.ruth.client.get(f"{URL}/csv", headers=headers)
    assert "أقل من 10" in reply.text
    assert "حالات الغياب" in (await world.ruth.client.get(URL, headers=headers)).text


# -- counted from real episodes, recorded through the episodes' own routes ----------------


def ago(**kwargs) -> str:
    return (now() - dt.timedelta(**kwargs)).isoformat()


async def missing_then(person, young_person_id, ending: str, hours_before: int = 0) -> None:
    """One episode: started by the carer, then reported and back, or closed unreported;
    `hours_before` now (nobody is missing twice at once)."""
    started = await person.client.post(
        f"/api/young-people/{young_person_id}/episodes",
        json={"last_seen_at": ago(hours=hours_before, minutes=40), "last_seen_where": "Leaving school"},
    )
    assert started.status_code == 201, started.text
    url = f"/api/episodes/{started.json()['id']}"
    if ending == "reported":
        reply = await person.client.post(
            f"{url}/report", json={"reported_at": ago(hours=hours_before, minutes=30), "cad_number": "CAD 1"}
        )
        assert reply.status_code == 200, reply.text
        reply = await person.client.post(
            f"{url}/return", json={"returned_at": ago(hours=hours_before, minutes=10)}
        )
    else:
        reply = await person.client.post(
            f"{url}/close-unreported",
            json={"returned_at": ago(hours=hours_before, minutes=10), "how_found": "came_back"},
        )
    assert reply.status_code == 200, reply.text


async def mid_month(world) -> None:
    """The 15th at 18:00 London time next month: the episodes a test spreads over the
    past hours all fall in one month (on the 1st before lunch they would not)."""
    from tests.api.interview_helpers import travel_to

    london = now().astimezone(ZoneInfo("Europe/London"))
    year, month = (london.year + 1, 1) if london.month == 12 else (london.year, london.month + 1)
    await travel_to(world, dt.datetime(year, month, 15, 18, 0, tzinfo=ZoneInfo("Europe/London")))


async def test_episodes_recorded_in_the_app_are_counted_and_suppressed(world):
    await mid_month(world)
    assert (
        await world.sam.client.put(details_url(world, "jade"), json={"sex": "F", "ethnicity": "WBRI"})
    ).is_success
    assert (
        await world.alex.client.put(details_url(world, "mia"), json={"sex": "F", "ethnicity": "BAFR"})
    ).is_success
    # One an hour, the newest 40 minutes ago: all on the 15th (see mid_month).
    for hours in range(12):
        await missing_then(world.priya, world.young["jade"], "reported", hours)
    for hours in range(3):
        await missing_then(world.olu, world.young["mia"], "unreported", hours)
    started = (now() - dt.timedelta(minutes=40)).astimezone(ZoneInfo("Europe/London")).date()
    params = {"period": "month", "start": started.replace(day=1).isoformat()}
    body = (await world.ruth.client.get(URL, params=params)).json()
    groups = {group["key"]: group for group in body["groups"]}
    episodes = groups["episodes"]
    # By hand: 12 reported, 3 unreported, 0 not yet: 15 in all, shown as 15. The 3 and the
    # 0 are hidden and add up to under 10, so the 12 goes too (15 - 10 would say "about 5").
    assert [part["value"] for part in episodes["parts"]] == [None, None, None]
    assert episodes["total"] == 15
    assert groups["missing_from"]["total"] == 15  # the same figure, the same everywhere
    assert [part["value"] for part in groups["missing_from"]["parts"]] == [None, None]  # 0 home
    # By sex: both are female, so Female's total would be the whole 15 beside three hidden
    # zeros: it is hidden, not the grand total.
    by = {b["dimension"]: b for b in episodes["breakdowns"]}
    female = next(row for row in by["sex"]["rows"] if row["key"] == "F")
    assert female == {"key": "F", "label": "Female", "cells": [None, None, None], "total": None}
    assert {row["total"] for row in by["ethnicity"]["rows"]} == {None}  # 12 white beside 3 black
    headline = {cell["key"]: cell["value"] for cell in body["headline"]}
    assert headline["episodes"] == 15
    assert headline["young_people"] is None  # two young people
    assert body["trends"][0]["points"][-1]["value"] == 15
    csv_text = (await world.ruth.client.get(f"{URL}/csv", params=params)).text
    assert "Missing episodes,Total,Total,Total,15" in csv_text
    assert "Jade" not in csv_text and "Mia" not in csv_text


# -- per team: a young person is one of the team of their social worker allocated now -----


async def two_teams(world):
    """Sam (Jade's and Tyler's social worker) in one team, Alex (Mia's) in another."""
    north = await accounts.team_named(world.council_id, "North Team")
    south = await accounts.team_named(world.council_id, "South Team")
    await accounts.set_team(world.sam.user_id, north)
    await accounts.set_team(world.alex.user_id, south)
    return north, south


async def test_team_figures_count_only_that_teams_young_people(world):
    await mid_month(world)
    north, south = await two_teams(world)
    for hours in range(13):  # one an hour: nobody is missing twice at once
        await missing_then(world.priya, world.young["jade"], "reported", hours)
    for hours in range(11):
        await missing_then(world.olu, world.young["mia"], "unreported", hours)
    started = (now() - dt.timedelta(minutes=40)).astimezone(ZoneInfo("Europe/London")).date()
    params = {"period": "month", "start": started.replace(day=1).isoformat()}

    def episodes(body):
        return next(group for group in body["groups"] if group["key"] == "episodes")

    whole = (await world.ruth.client.get(URL, params=params)).json()
    # By hand: 13 + 11 = 24 episodes in the council, shown rounded to 25.
    assert episodes(whole)["total"] == 25
    assert whole["team"] is None
    names = {team["name"]: team["id"] for team in whole["teams"]}
    assert names == {"Care team": names["Care team"], "North Team": str(north), "South Team": str(south)}

    north_body = (await world.ruth.client.get(URL, params={**params, "team": str(north)})).json()
    assert north_body["team"] == {"id": str(north), "name": "North Team"}
    # Jade's 13, all reported: 15 when rounded; 13 reported, 0 unreported, 0 not yet.
    assert episodes(north_body)["total"] == 15
    assert [part["value"] for part in episodes(north_body)["parts"]] == [None, None, None]
    assert north_body["trends"][0]["points"][-1]["value"] == 15

    south_body = (await world.ruth.client.get(URL, params={**params, "team": str(south)})).json()
    # Mia's 11 unreported: 10 when rounded.
    assert episodes(south_body)["total"] == 10
    headline = {cell["key"]: cell["value"] for cell in south_body["headline"]}
    assert headline["episodes"] == 10 and headline["young_people"] is None  # one young person

    empty = (await world.ruth.client.get(URL, params={**params, "team": names["Care team"]})).json()
    assert episodes(empty)["total"] is None  # nobody's social worker is in it: fewer than 10

    csv_text = (await world.ruth.client.get(f"{URL}/csv", params={**params, "team": str(south)})).text
    assert "North Team" not in csv_text and "South Team" in csv_text
    assert "Missing episodes,Total,Total,Total,10" in csv_text


async def test_another_councils_team_is_not_found(world):
    elsewhere = await make_council("Elsewhere Council")
    their_team = await accounts.team_named(elsewhere, "Their Team")
    for url in (URL, f"{URL}/csv"):
        reply = await world.ruth.client.get(url, params={"team": str(their_team)})
        assert reply.status_code == 404, url
        assert "Their Team" not in reply.text
        unknown = await world.ruth.client.get(url, params={"team": "00000000-0000-4000-8000-000000000000"})
        assert unknown.status_code == 404
        assert unknown.json()["detail"] == reply.json()["detail"]


async def test_a_team_of_another_council_cannot_be_given_to_an_account(world):
    elsewhere = await make_council("Elsewhere Council")
    their_team = await accounts.team_named(elsewhere, "Their Team")
    with pytest.raises(Invalid):
        await accounts.set_team(world.sam.user_id, their_team)
    assert (await accounts.team_of([world.sam.user_id])) == {world.sam.user_id: None}
