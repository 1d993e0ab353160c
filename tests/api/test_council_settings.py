"""A council's settings through the real app: an admin keeps them, a social worker reads
the thresholds, everyone else is refused alike (and audited); what other domains ask of
them (on duty, wait times, working days) follows the settings and the clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from backend import clock
from backend.config import get_settings
from backend.councils import api as councils
from backend.councils.tables import CouncilSettings, DutyRota
from backend.db import get_engine, is_sqlite
from tests.factories import PASSWORD, audit_events, make_council, make_user

URL = "/api/council/settings"
LONDON = ZoneInfo("Europe/London")
ALEX_PHONE = "020 7946 0960"


def london(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)


def travel_to(at: dt.datetime) -> None:
    clock.travel(at - clock.now())


def to_the_minute(at: dt.datetime) -> dt.datetime:
    """London time, leaving out the moments the clock ran on since `travel_to`."""
    return at.astimezone(LONDON).replace(second=0, microsecond=0)


def body_from(view: dict, **changes) -> dict:
    """What the settings screen sends back: every setting, the rota in full."""
    body = {
        "escalation": view["escalation"],
        "office_hours": {key: view["office_hours"][key] for key in ("days", "opens", "closes")},
        "nation": view["nation"],
        "thresholds": view["thresholds"],
        "rota": [
            {key: entry[key] for key in ("social_worker_id", "cover", "days", "starts", "ends")}
            | {"phone": entry["phone"] or ""}
            for entry in view["rota"]
        ],
    }
    return {**body, **changes}


def rota_entry(person, cover="out_of_hours", phone="", **extra) -> dict:
    return {"social_worker_id": str(person.user_id), "cover": cover, "phone": phone, **extra}


async def admin_view(world) -> dict:
    reply = await world.admin.client.get(URL)
    assert reply.status_code == 200, reply.text
    return reply.json()


async def save(world, **changes) -> dict:
    reply = await world.admin.client.put(URL, json=body_from(await admin_view(world), **changes))
    assert reply.status_code == 200, reply.text
    return reply.json()


async def duty_rota(world) -> None:
    """Alex out of hours (with a phone), Sam in office hours."""
    await save(world, rota=[rota_entry(world.alex, phone=ALEX_PHONE), rota_entry(world.sam, "office_hours")])


async def test_an_admin_first_sees_the_guidance_numbers_made_once(world):
    assert await CouncilSettings.count() == 0
    view = await admin_view(world)
    assert view["thresholds"] == {
        "strategy_meeting_after_hours": 24,
        "senior_manager_after_hours": 48,
        "further_meeting_after_days": 7,
        "repeat_episodes": 3,
        "repeat_window_days": 90,
        "strategy_meeting_within_working_days": 3,
        "rhi_offer_within_hours": 24,
        "rhi_held_within_hours": 72,
    }
    assert view["guidance"] == view["thresholds"]
    assert view["escalation"] == {"trio_minutes": 5, "carer_minutes": 5, "duty_minutes": 5}
    assert view["office_hours"] == {
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "opens": "09:00",
        "closes": "17:00",
        "time_zone": "Europe/London",
    }
    assert (view["nation"], view["rota"], view["on_duty_now"], view["can"]) == ("england", [], [], ["change"])
    assert [person["name"] for person in view["choices"]] == ["Alex Reid", "Sam Okafor"]
    await admin_view(world)
    assert await CouncilSettings.count() == 1


async def test_settings_asked_for_twice_at_once_are_made_once(world):
    await asyncio.gather(*(councils.settings(world.council_id) for _ in range(5)))
    assert await CouncilSettings.count() == 1


async def test_an_admin_changes_the_settings_and_the_rota_and_they_are_kept(world):
    view = await save(
        world,
        escalation={"trio_minutes": 10, "carer_minutes": 7, "duty_minutes": 15},
        office_hours={"days": ["mon", "tue", "wed", "thu"], "opens": "08:30", "closes": "16:30"},
        nation="scotland",
        thresholds={**(await admin_view(world))["thresholds"], "repeat_window_days": 30},
        rota=[
            rota_entry(world.alex, phone=ALEX_PHONE),
            rota_entry(world.sam, "shift", days=["sun", "sat"], starts="20:00", ends="08:00"),
        ],
    )
    assert view["escalation"] == {"trio_minutes": 10, "carer_minutes": 7, "duty_minutes": 15}
    assert view["office_hours"]["days"] == ["mon", "tue", "wed", "thu"]
    assert (view["office_hours"]["opens"], view["nation"]) == ("08:30", "scotland")
    assert (view["thresholds"]["repeat_episodes"], view["thresholds"]["repeat_window_days"]) == (3, 30)
    assert [(e["name"], e["cover"], e["phone"]) for e in view["rota"]] == [
        ("Alex Reid", "out_of_hours", "+442079460960"),
        ("Sam Okafor", "shift", ""),
    ]
    assert (view["rota"][1]["days"], view["rota"][1]["starts"], view["rota"][1]["ends"]) == (
        ["sat", "sun"],
        "20:00",
        "08:00",
    )
    assert view["changed_at"] is not None
    assert await admin_view(world) == view
    # The phone number is sealed in the database.
    stored = await DutyRota.select(DutyRota.phone)
    assert stored[0]["phone"] and "7946" not in stored[0]["phone"]
    changes = await audit_events(code="councils.settings_changed")
    assert [(e["actor_id"], e["action"]) for e in changes] == [(world.admin.user_id, "change")]


async def test_bad_settings_are_refused_field_by_field_and_nothing_is_saved(world):
    before = await admin_view(world)
    body = body_from(
        before,
        escalation={"trio_minutes": 0, "carer_minutes": 5, "duty_minutes": 61},
        office_hours={"days": [], "opens": "9am", "closes": "17:00"},
        thresholds={**before["thresholds"], "repeat_episodes": 1, "rhi_offer_within_hours": 96},
        rota=[
            rota_entry(world.priya),
            rota_entry(world.alex, phone="12345"),
            rota_entry(world.sam, "shift", days=[], starts="17:00", ends="17:00"),
        ],
    )
    reply = await world.admin.client.put(URL, json=body)
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
    errors = {error["field"]: error["message"] for error in reply.json()["errors"]}
    assert errors == {
        "escalation.trio_minutes": "Choose a number of minutes from 1 to 60.",
        "escalation.duty_minutes": "Choose a number of minutes from 1 to 60.",
        "office_hours.days": "Choose at least one office day.",
        "office_hours.opens": "Write a time like 09:00.",
        "thresholds.repeat_episodes": "Choose a number of times from 2 to 10.",
        "thresholds.rhi_offer_within_hours": "The interview must be offered before the time it must be held by.",
        "rota.0.social_worker_id": "Choose a social worker of this council.",
        "rota.1.phone": "That doesn't look like a phone number. Try one like 07700 900123.",
        "rota.2.days": "Choose the days this shift starts on.",
        "rota.2.ends": "A shift must end at a different time from when it starts.",
    }
    assert await admin_view(world) == before
    assert await DutyRota.count() == 0
    assert await audit_events(code="councils.settings_changed") == []


@pytest.mark.parametrize(
    "change",
    [
        {"nation": "atlantis"},
        {"rota": [{"social_worker_id": "not-an-id", "cover": "out_of_hours"}]},
        {"thresholds": {"repeat_episodes": 3}},
        {"surprise": 1},
        {"rota": [{"social_worker_id": "3f1b3a51-3a1d-4a51-9c43-5b0f6b0c2a11", "cover": "whenever"}]},
    ],
)
async def test_settings_of_the_wrong_shape_are_refused_and_nothing_is_saved(world, change):
    before = await admin_view(world)
    reply = await world.admin.client.put(URL, json=body_from(before, **change))
    assert reply.status_code in (400, 422)
    assert reply.headers["content-type"] == "application/problem+json"
    assert await admin_view(world) == before


async def test_the_rota_takes_only_active_social_workers_of_the_council(world):
    elsewhere = await make_council("Elsewhere Council")
    stranger = await make_user("social_worker", "Far Away", "far@elsewhere.example", PASSWORD, elsewhere)
    assert (
        await world.admin.client.post(f"/api/admin/users/{world.alex.user_id}/deactivate")
    ).status_code == 204
    for person in (stranger, world.alex, world.ruth, world.admin):
        reply = await world.admin.client.put(
            URL, json=body_from(await admin_view(world), rota=[rota_entry(person)])
        )
        assert reply.status_code == 422, person.key
        assert reply.json()["errors"] == [
            {"field": "rota.0.social_worker_id", "message": "Choose a social worker of this council."}
        ]
    assert [person["name"] for person in (await admin_view(world))["choices"]] == ["Sam Okafor"]


async def test_a_social_worker_reads_the_thresholds_and_the_rota_but_no_phone_numbers(world):
    await duty_rota(world)
    reply = await world.sam.client.get(URL)
    assert reply.status_code == 200
    view = reply.json()
    assert view["thresholds"]["strategy_meeting_within_working_days"] == 3
    assert [(e["name"], e["phone"]) for e in view["rota"]] == [("Alex Reid", None), ("Sam Okafor", None)]
    assert (view["choices"], view["can"]) == ([], [])
    assert "7946" not in reply.text and "+44" not in reply.text


async def test_everyone_else_is_refused_alike_and_every_refusal_is_audited(world):
    answers = set()
    refused = [
        ("jade", "GET"),
        ("priya", "GET"),
        ("ruth", "GET"),
        ("jade", "PUT"),
        ("priya", "PUT"),
        ("ruth", "PUT"),
        ("sam", "PUT"),
    ]
    body = body_from(await admin_view(world), rota=[rota_entry(world.sam)])
    for key, method in refused:
        reply = await world.people[key].client.request(method, URL, json=body if method == "PUT" else None)
        assert reply.status_code == 403, (key, method)
        assert reply.headers["content-type"] == "application/problem+json"
        answers.add(reply.text)
    assert len(answers) == 1
    assert "Testshire" not in answers.pop()
    events = await audit_events(action="refused")
    assert [(e["actor_id"], e["code"]) for e in events] == [
        (
            world.people[key].user_id,
            "councils.open_settings" if method == "GET" else "councils.change_settings",
        )
        for key, method in refused
    ]
    assert await DutyRota.count() == 0
    # An admin reads a refusal as what was tried.
    page = (await world.admin.client.get("/api/admin/refused")).json()
    assert "tried to change the council's settings" in [a["what"] for a in page["attempts"]]


async def test_who_is_on_duty_follows_the_rota_and_the_clock(world):
    await duty_rota(world)
    council = world.council_id
    friday_noon, friday_evening = london(2025, 8, 22, 12, 0), london(2025, 8, 22, 19, 30)
    assert [p.name for p in await councils.on_duty(council, friday_noon)] == ["Sam Okafor"]
    evening = await councils.on_duty(council, friday_evening)
    assert [(p.id, p.name, p.phone) for p in evening] == [(world.alex.user_id, "Alex Reid", "+442079460960")]
    assert [p.name for p in await councils.on_duty(council, london(2025, 8, 25, 12, 0))] == ["Alex Reid"]

    travel_to(friday_evening)
    assert [p["name"] for p in (await admin_view(world))["on_duty_now"]] == ["Alex Reid"]

    # Alex leaves: nobody is set for the evening, so whoever is left on the rota is asked.
    assert (
        await world.admin.client.post(f"/api/admin/users/{world.alex.user_id}/deactivate")
    ).status_code == 204
    assert [p.name for p in await councils.on_duty(council, friday_evening)] == ["Sam Okafor"]
    assert (
        await world.admin.client.post(f"/api/admin/users/{world.sam.user_id}/deactivate")
    ).status_code == 204
    assert await councils.on_duty(council, friday_evening) == []


async def test_alerts_wait_at_each_step_as_long_as_the_council_says(world):
    assert [await councils.escalation_minutes(world.council_id, level) for level in (0, 1, 2)] == [5, 5, 5]
    await save(world, escalation={"trio_minutes": 3, "carer_minutes": 8, "duty_minutes": 12})
    assert [await councils.escalation_minutes(world.council_id, level) for level in (0, 1, 2)] == [3, 8, 12]
    assert await councils.escalation_minutes(None, 1) == 5
    with pytest.raises(ValueError):
        await councils.escalation_minutes(world.council_id, 3)


async def test_working_days_count_from_the_clock_with_the_councils_bank_holidays(world):
    travel_to(london(2025, 8, 21, 14, 0))  # Thursday; Monday 25 August is a bank holiday in England
    due = await councils.add_working_days(world.council_id, clock.now(), 3)
    assert to_the_minute(due) == london(2025, 8, 27, 14, 0)
    assert await councils.is_working_time(world.council_id, clock.now())

    travel_to(london(2025, 8, 22, 19, 30))  # Friday evening
    assert not await councils.is_working_time(world.council_id, clock.now())
    due = await councils.add_working_days(world.council_id, clock.now(), 3)
    assert to_the_minute(due) == london(2025, 8, 28, 17, 0)

    await save(world, nation="scotland")  # 25 August is a working day in Scotland
    travel_to(london(2025, 8, 21, 14, 0))
    due = await councils.add_working_days(world.council_id, clock.now(), 3)
    assert to_the_minute(due) == london(2025, 8, 26, 14, 0)


async def test_settings_for_other_domains_are_typed_and_hold_no_phone_numbers(world):
    await duty_rota(world)
    settings = await councils.settings(world.council_id)
    assert settings.thresholds.repeat_window_days == 90
    assert settings.office_hours.opens == dt.time(9) and settings.nation is councils.Nation.ENGLAND
    assert [(e.social_worker_id, e.cover) for e in settings.rota] == [
        (world.alex.user_id, councils.Cover.OUT_OF_HOURS),
        (world.sam.user_id, councils.Cover.OFFICE_HOURS),
    ]
    assert "7946" not in repr(settings)
    with pytest.raises(AttributeError):
        settings.nation = councils.Nation.SCOTLAND


# -- the command line ---------------------------------------------------------------------


def homeward(*args: str) -> subprocess.CompletedProcess:
    engine = get_engine()
    url = f"sqlite:///{engine.path}" if is_sqlite(engine) else os.environ["HOMEWARD_DATABASE_URL"]
    env = {**os.environ, "HOMEWARD_DATABASE_URL": url, "HOMEWARD_DATA_DIR": str(get_settings().data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "backend.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


async def test_the_command_line_shows_and_changes_the_same_settings(world):
    shown = homeward("council-settings", "--council", "Testshire Council", "--show")
    assert shown.returncode == 0, shown.stderr
    assert "thresholds.repeat_window_days=90" in shown.stdout.splitlines()
    assert "rota=" in shown.stdout.splitlines()

    changed = homeward(
        "council-settings",
        "--council",
        "Testshire Council",
        "--set",
        "thresholds.repeat_window_days=30",
        "nation=northern_ireland",
        "escalation.trio_minutes=10",
        f"rota=alex@test.example/out_of_hours/{ALEX_PHONE};sam@test.example/sat,sun@09:00-17:00",
    )
    assert changed.returncode == 0, changed.stderr
    lines = changed.stdout.splitlines()
    assert "rota=alex@test.example/out_of_hours/+442079460960;sam@test.example/sat,sun@09:00-17:00" in lines
    view = await admin_view(world)
    assert (view["thresholds"]["repeat_window_days"], view["nation"]) == (30, "northern_ireland")
    assert view["escalation"]["trio_minutes"] == 10
    assert [(e["name"], e["cover"]) for e in view["rota"]] == [
        ("Alex Reid", "out_of_hours"),
        ("Sam Okafor", "shift"),
    ]


async def test_the_command_line_refuses_bad_settings_and_changes_nothing(world):
    before = await admin_view(world)
    bad = homeward(
        "council-settings",
        "--council",
        "Testshire Council",
        "--set",
        "thresholds.repeat_episodes=1",
        "escalation.carer_minutes=soon",
        "rota=priya@test.example/always",
    )
    assert bad.returncode == 1
    assert "escalation.carer_minutes: Write a whole number." in bad.stderr
    assert "rota.0.social_worker_id: No active social worker of this council has that email." in bad.stderr
    ranges = homeward(
        "council-settings", "--council", "Testshire Council", "--set", "thresholds.repeat_episodes=1"
    )
    assert (
        ranges.returncode == 1
        and "thresholds.repeat_episodes: Choose a number of times from 2 to 10." in ranges.stderr
    )
    assert await admin_view(world) == before
    nowhere = homeward("council-settings", "--council", "Nowhere", "--show")
    assert nowhere.returncode == 2 and "No council is called 'Nowhere'" in nowhere.stderr


async def test_the_demo_council_has_alex_on_duty_out_of_hours():
    from backend import demo
    from backend.accounts.tables import Council

    await demo.load()
    council = (await Council.select(Council.id).where(Council.name == demo.COUNCIL).first())["id"]
    saturday = await councils.on_duty(council, london(2025, 8, 23, 3, 0))
    assert [(p.name, p.phone) for p in saturday] == [("Alex Reid", "+442079460960")]
    assert (await councils.settings(council)).thresholds.strategy_meeting_after_hours == 24
