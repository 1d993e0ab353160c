"""The out-of-hours worker who knows the young person (seed 000): their social worker
names one of the council's out-of-hours people; outside office hours an alert at the
social worker's step asks them first, then the rota's worker on duty, each for the
council's minutes. Kept beside the plan: choosing one reopens no agreed plan. Real app,
real push service stand-in, a clock the tests move."""

import datetime as dt

from backend import clock
from backend.councils import services as council_settings
from backend.councils.schemas import Cover, Escalation, RotaEntryIn
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    jade_sees,
    office_hours,
    out_of_hours,
    send_alert,
    subscribe_contact,
    subscribe_user,
    worker,
)
from tests.api.test_offline_and_police_form import agree_full_plan, pdf_text
from tests.api.test_plans import plan_url
from tests.factories import audit_count, sign_in_directly


async def rota(world, *entries: tuple, minutes: int = 5) -> None:
    """The council's rota as its admin would save it: (person, cover) in order."""
    body = await council_settings.as_input(world.council_id)
    body.escalation = Escalation(trio_minutes=minutes, carer_minutes=minutes, duty_minutes=minutes)
    body.rota = [
        RotaEntryIn(social_worker_id=person.user_id, cover=Cover(cover)) for person, cover in entries
    ]
    await council_settings.replace(world.council_id, body, None, clock.now())


def url(world, key: str = "jade") -> str:
    return f"/api/young-people/{world.young[key]}/out-of-hours-worker"


async def choose(world, person) -> dict:
    reply = await world.sam.client.put(
        url(world), json={"worker_id": str(person.user_id) if person else None}
    )
    assert reply.status_code == 200, reply.text
    return reply.json()


def alerted(push_service, subs) -> list[str]:
    return sorted(
        who
        for who, sub in subs.items()
        if any(n["type"] == "alert" for n in push_service.notifications(sub, as_json=True))
    )


async def test_the_social_worker_names_one_of_the_councils_out_of_hours_people(world):
    await rota(world, (world.sam, "always"), (world.alex, "out_of_hours"), (world.sam, "out_of_hours"))
    view = (await world.sam.client.get(url(world))).json()
    assert view["worker"] is None and view["can"] == ["choose"]
    assert [(c["name"]) for c in view["choices"]] == ["Sam Okafor", "Alex Reid"]  # once each, rota order
    plan_before = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/plan")).json()

    view = await choose(world, world.alex)
    assert view["worker"] == {"id": str(world.alex.user_id), "name": "Alex Reid"}
    assert view["chosen_at"] is not None
    # The carer and the young person read it, and choose nothing.
    for person in (world.priya, world.jade):
        theirs = (await person.client.get(url(world))).json()
        assert theirs["worker"]["name"] == "Alex Reid" and theirs["choices"] == [] and theirs["can"] == []
    # Beside the plan: no new version, nothing to sign again.
    plan_after = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/plan")).json()
    assert plan_after["draft"] == plan_before["draft"] and plan_after["agreed"] == plan_before["agreed"]
    # Audited, in words for each reader.
    history = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    said = [e["what"] for e in (history["events"] if isinstance(history, dict) else history)]
    assert any("chose Alex Reid as the out-of-hours worker who knows Jade" in what for what in said), said

    # Nobody: the rota only.
    assert (await choose(world, None))["worker"] is None


async def test_only_an_out_of_hours_person_of_the_council_and_only_by_the_social_worker(world):
    await rota(world, (world.sam, "office_hours"), (world.alex, "out_of_hours"))
    view = (await world.sam.client.get(url(world))).json()
    assert [c["name"] for c in view["choices"]] == ["Alex Reid"]  # office hours only: not a choice
    before = await audit_count()
    for someone in (world.sam, world.priya, world.ruth):
        reply = await world.sam.client.put(url(world), json={"worker_id": str(someone.user_id)})
        assert reply.status_code == 422, reply.text
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert [(e["field"], e["message"]) for e in reply.json()["errors"]] == [
            ("worker_id", "Choose one of the council's out-of-hours workers.")
        ]
    assert await audit_count() == before
    assert (await world.sam.client.put(url(world), json={"worker": None})).status_code == 422
    assert (await world.sam.client.put(url(world), json={"worker_id": "nope"})).status_code == 422
    # The carer, the young person, another social worker: as if there were no such record.
    for person in (world.priya, world.jade, world.alex):
        reply = await person.client.put(url(world), json={"worker_id": str(world.alex.user_id)})
        assert reply.status_code == 404, (person.key, reply.text)
    assert (await world.anonymous().put(url(world), json={"worker_id": None})).status_code == 401
    assert (await world.sam.client.get(url(world))).json()["worker"] is None


async def test_at_night_the_worker_who_knows_them_is_asked_first_then_the_rota(world, push_service):
    await out_of_hours(world)
    await rota(world, (world.sam, "always"), (world.alex, "out_of_hours"))
    await choose(world, world.alex)
    lou = await active_contact(world, "Lou")
    subs = {
        "lou": await subscribe_contact(lou, push_service),
        "priya": await subscribe_user(world.priya, push_service),
        "alex": await subscribe_user(world.alex, push_service),
        "sam": await subscribe_user(world.sam, push_service),
        "jade": await subscribe_user(world.jade, push_service),
    }
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    steps = [alerted(push_service, subs)]
    for _ in range(3):
        clock.travel(dt.timedelta(minutes=5, seconds=5))
        await drain(alert_worker)
        steps.append(alerted(push_service, subs))
    assert steps == [
        ["lou"],
        ["lou", "priya"],
        ["alex", "lou", "priya"],  # the worker who knows Jade, before the rota
        ["alex", "lou", "priya", "sam"],  # then the rota's worker on duty
    ]
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "active"
    assert [e["what"] for e in status["events"]][1:5] == [
        "Sent to your people: Lou",
        "Sent to your carer: Priya Shah",
        "Sent to the out-of-hours worker who knows you: Alex Reid",
        "Sent to the social worker on duty: Sam Okafor",
    ]
    # Alex may answer (one of the council's), and adults read it about Jade.
    for person in (world.alex, world.sam):  # twenty minutes on: signed out
        await sign_in_directly(person, world.client_for())
    reply = await world.alex.client.get(f"/api/alerts/{alert['id']}")
    assert reply.status_code == 200, reply.text
    assert reply.json()["recipient"]["can"] == ["acknowledge", "decline"]
    sams = (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["events"]
    assert "Sent to the out-of-hours worker who knows Jade: Alex Reid" in [e["what"] for e in sams]
    clock.travel(dt.timedelta(minutes=5, seconds=5))
    await drain(alert_worker)
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "failed" and "999" in status["advice"]


async def test_when_the_worker_who_knows_them_cannot_help_the_rota_is_asked_at_once(world, push_service):
    await out_of_hours(world)
    await rota(world, (world.sam, "always"), (world.alex, "out_of_hours"), minutes=1)
    await choose(world, world.alex)
    subs = {
        "alex": await subscribe_user(world.alex, push_service),
        "sam": await subscribe_user(world.sam, push_service),
    }
    alert = await send_alert(world)  # no people, Priya cannot be reached: straight to Alex
    alert_worker = worker()
    await drain(alert_worker)
    assert alerted(push_service, subs) == ["alex"]
    reply = await world.alex.client.post(f"/api/alerts/{alert['id']}/decline")
    assert reply.status_code == 200, reply.text
    await drain(alert_worker)
    assert alerted(push_service, subs) == ["alex", "sam"]
    events = [e["what"] for e in (await jade_sees(world, alert["id"]))["events"]]
    assert events[-2:] == ["Alex Reid can't right now", "Sent to the social worker on duty: Sam Okafor"]


async def test_a_worker_taken_off_the_rota_is_neither_asked_nor_shown(world, push_service):
    await out_of_hours(world)
    await rota(world, (world.sam, "always"), (world.alex, "out_of_hours"))
    await choose(world, world.alex)
    await rota(world, (world.sam, "always"))
    assert (await world.sam.client.get(url(world))).json()["worker"] is None
    subs = {
        "alex": await subscribe_user(world.alex, push_service),
        "sam": await subscribe_user(world.sam, push_service),
    }
    alert = await send_alert(world)  # no people, Priya cannot be reached: the rota
    await drain(worker())
    assert alerted(push_service, subs) == ["sam"]
    events = [e["what"] for e in (await jade_sees(world, alert["id"]))["events"]]
    assert events[-1] == "Sent to the social worker on duty: Sam Okafor"


async def test_in_office_hours_their_own_social_worker_is_asked_not_the_worker_who_knows_them(world):
    await office_hours(world)
    await rota(world, (world.alex, "always"))
    await choose(world, world.alex)
    readiness = (
        await world.jade.client.get(f"/api/young-people/{world.young['jade']}/alerts/readiness")
    ).json()
    assert [(p["name"], p["role"]) for p in readiness["people"] if p["level"] == 2] == [
        ("Sam Okafor", "social_worker")
    ]
    await out_of_hours(world)
    readiness = (
        await world.jade.client.get(f"/api/young-people/{world.young['jade']}/alerts/readiness")
    ).json()
    assert [(p["name"], p["role"]) for p in readiness["people"] if p["level"] == 2] == [
        ("Alex Reid", "known_worker")
    ]


async def test_the_police_form_lists_the_worker_who_knows_them_and_choosing_one_keeps_it_agreed(world):
    await agree_full_plan(world)
    before = (await world.sam.client.get(plan_url(world))).json()
    await rota(world, (world.alex, "out_of_hours"))
    assert (
        await world.alex.client.put("/api/auth/me/phone", json={"phone": "0161 496 0001"})
    ).status_code == 200
    await choose(world, world.alex)
    after = (await world.sam.client.get(plan_url(world))).json()
    assert after["agreed"]["number"] == before["agreed"]["number"] and after["draft"] == before["draft"]
    reply = await world.priya.client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 200
    text = " ".join(pdf_text(reply.content).split())
    assert "Out-of-hours worker who knows them Alex Reid 0161 496 0001, alex@test.example" in text
