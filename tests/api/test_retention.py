"""Retention (issue 15): `homeward retention` deletes what is due, council by council by
each council's settings, in batches, each audited as a count; `--dry-run` only counts.
The clock is moved, not waited for (backend.clock.travel): a minute before the time,
nothing goes; at the time, it does; another council's things follow its own settings."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import msgspec

from backend import background, clock, wiring
from backend.alerts import api as alerts
from backend.alerts.tables import Alert
from backend.audit.services import events_for
from backend.contacts.schemas import ContactDetails, ContactState
from backend.contacts.tables import TrustedContact
from backend.councils import api as councils
from backend.councils import services as council_settings
from backend.feedback import periods
from backend.feedback.tables import Answer, AnswerCount
from backend.retention.services import daily, run
from backend.sealed import seal_json
from backend.young_people.tables import YoungPerson
from tests.api.alerts_helpers import active_contact, jade_sees, send_alert
from tests.api.test_feedback import _answers, figures_of, finish_quarter, liaison
from tests.factories import audit_events, make_council, make_user, sign_in_directly

WHERE = {"latitude": 51.519412, "longitude": -0.126987, "accuracy_m": 25}
MINUTE = dt.timedelta(minutes=1)


async def ended_alert_with_location(world) -> str:
    alert = await send_alert(world, location=WHERE)
    reply = await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
    assert reply.status_code == 200, reply.text
    return alert["id"]


async def set_retention(council_id, **changes) -> None:
    """As the settings screen and `homeward council-settings` change them."""
    settings = await council_settings.as_input(council_id)
    assert settings.retention is not None
    retention = msgspec.structs.replace(settings.retention, **changes)
    await council_settings.replace(
        council_id, msgspec.structs.replace(settings, retention=retention), None, clock.now()
    )


async def other_council() -> dict:
    """Another council, its things written as their domains keep them: an alert that
    ended now with a location, a trusted person who stepped down now, and answers."""
    council_id = await make_council("Elsewhere Council", young_people=1)
    young = await YoungPerson.select(YoungPerson.id).where(YoungPerson.council == council_id).first()
    worker = await make_user("social_worker", "Eve Other", "eve@elsewhere.example", "x" * 16, council_id)
    at = clock.now()
    alert = Alert(
        young_person=young["id"],
        idempotency_key=f"{young['id']}:{uuid.uuid4().hex}",
        location=seal_json(WHERE),
        state="cancelled",
        created_at=at,
        ended_at=at,
    )
    await Alert.insert(alert)
    contact = TrustedContact(
        young_person=young["id"],
        details=seal_json(msgspec.to_builtins(ContactDetails(name="Kim Other", phone="+442079460999"))),
        state=ContactState.STEPPED_DOWN,
        created_by=worker.user_id,
        created_at=at,
        stepped_down_at=at,
    )
    await TrustedContact.insert(contact)
    await Answer.insert(
        *[
            Answer(council=council_id, force="Elsewhere Police", month=periods.month_of(at), respect=3)
            for _ in range(3)
        ]
    )
    return {"council": council_id, "alert": alert.id, "contact": contact.id}


async def other_council_untouched(other: dict) -> None:
    alert = await Alert.select(Alert.location).where(Alert.id == other["alert"]).first()
    contact = (
        await TrustedContact.select(TrustedContact.forgotten_at)
        .where(TrustedContact.id == other["contact"])
        .first()
    )
    assert alert["location"] is not None and contact["forgotten_at"] is None
    assert await Answer.count().where(Answer.council == other["council"]) == 3


async def test_an_alerts_location_goes_when_its_councils_hours_are_up_and_not_a_minute_before(world):
    other = await other_council()
    await set_retention(other["council"], alert_location_hours=720)
    defaults = (await councils.settings(world.council_id)).retention
    assert defaults.alert_location_hours == 72  # the safe default: 72 hours after it ends
    first = await ended_alert_with_location(world)
    second = await ended_alert_with_location(world)
    assert (await jade_sees(world, first))["location_shared"] is True

    clock.travel(dt.timedelta(hours=72) - MINUTE)
    assert (await run(dry_run=True)).alert_locations == 0
    assert (await run()).alert_locations == 0
    assert (await jade_sees(world, first))["location_shared"] is True
    recent = await ended_alert_with_location(world)  # ends a minute short of 72 hours later

    clock.travel(MINUTE)
    preview = await run(dry_run=True)
    assert preview.alert_locations == 2
    assert preview.lines()[0] == "would delete the location and phone number of 2 ended alerts"
    assert (await jade_sees(world, first))["location_shared"] is True  # a dry run changes nothing
    assert not await audit_events(code="retention.done")

    done = await run(batch=1)  # one alert per transaction: both go
    assert (done.alert_locations, done.councils[world.council_id].alert_locations) == (2, 2)
    for alert_id in (first, second):
        assert (await jade_sees(world, alert_id))["location_shared"] is False
    assert (await jade_sees(world, recent))["location_shared"] is True
    await other_council_untouched(other)  # its setting is 720 hours

    # Audited as counts, one event per batch: numbers and nothing about whose alerts.
    events = await audit_events(code="retention.done")
    assert len(events) == 2
    assert all(e["young_person_id"] is None and e["actor_role"] == "system" for e in events)
    council = str(world.council_id)
    counts = {"alert_locations": 1, "contacts": 0, "feedback_answers": 0, "council": council}
    assert [e["params"] for e in events] == [counts, counts]
    assert all(e.code != "retention.done" for e in await events_for(world.young["jade"]))

    # Nothing more is due: a second run deletes nothing and writes nothing.
    assert (await run()).alert_locations == 0
    assert len(await audit_events(code="retention.done")) == 2

    # The other council's turn comes at its own 720 hours.
    clock.travel(dt.timedelta(hours=720 - 72))
    assert (await run()).councils[other["council"]].alert_locations == 1


async def test_a_trusted_person_who_stepped_down_is_forgotten_after_the_councils_days(world):
    other = await other_council()
    await set_retention(world.council_id, stepped_down_contact_days=10)
    lou_phone = await active_contact(world, "Lou Mensah")
    dan_phone = await active_contact(world, "Dan Price")
    assert (await lou_phone.post("/api/contact/step-down")).status_code == 204

    clock.travel(dt.timedelta(days=10) - MINUTE)
    assert (await run(dry_run=True)).contacts == 0
    assert (await run()).contacts == 0
    assert (
        await dan_phone.post("/api/contact/step-down")
    ).status_code == 204  # a minute short of 10 days later

    clock.travel(MINUTE)
    assert (await run(dry_run=True)).contacts == 1
    names = [
        p["name"]
        for p in (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/contacts")).json()
    ]
    assert "Lou Mensah" in names  # a dry run changes nothing
    report = await run()
    assert report.contacts == 1 and report.lines()[1] == "forgot 1 trusted people who stepped down"
    people = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/contacts")).json()
    assert sorted(p["name"] for p in people) == ["A person who stepped down", "Dan Price"]
    ours = [
        e
        for e in await audit_events(code="retention.done")
        if e["params"]["council"] == str(world.council_id)
    ]
    (event,) = ours
    assert event["params"] == {
        "alert_locations": 0,
        "contacts": 1,
        "feedback_answers": 0,
        "council": str(world.council_id),
    }
    assert "Lou" not in str(event)
    contact = (
        await TrustedContact.select(TrustedContact.forgotten_at)
        .where(TrustedContact.id == other["contact"])
        .first()
    )
    assert contact["forgotten_at"] is None  # its default is 30 days

    clock.travel(dt.timedelta(days=20))
    assert (await run()).councils[other["council"]].contacts == 1


async def test_feedback_answers_become_counts_and_the_figures_stay_the_same(world):
    other = await other_council()
    await set_retention(other["council"], feedback_answers_days=365)
    await liaison(world)
    await _answers(world, 20, respect=5, listened=4, searched="no")
    await _answers(world, 15, respect=4, listened=2, searched="yes")
    await _answers(world, 12, respect=1, listened=2, searched="rather_not_say")
    month = periods.month_of(clock.now())
    quarter = await finish_quarter(world, "sam", "pat")
    before = await figures_of(world.sam, quarter)
    police_before = await figures_of(world.pat, quarter)
    supervision_before = (
        await world.sam.client.get("/api/feedback/supervision", params={"quarter": quarter})
    ).json()
    assert before["answers"] == "45"

    due = periods.expires_at(month) + dt.timedelta(days=90)  # the default: 90 days after the links ran out
    clock.travel(due - clock.now() - MINUTE)
    assert (await run(dry_run=True)).feedback_answers == 0
    assert (await run()).feedback_answers == 0
    clock.travel(MINUTE)
    assert (await run(dry_run=True)).councils[world.council_id].feedback_answers == 47
    assert await Answer.count().where(Answer.council == world.council_id) == 47  # a dry run changes nothing

    done = await run(batch=10)
    assert done.councils[world.council_id].feedback_answers == 47
    assert await Answer.count().where(Answer.council == world.council_id) == 0
    assert await AnswerCount.count().where(AnswerCount.council == world.council_id) > 0
    for key in ("sam", "pat"):  # months later: their sessions have ended
        await sign_in_directly(world.people[key], world.client_for())
    after = await figures_of(world.sam, quarter)
    for figures in (before, after):
        figures.pop("trend_svg")  # drawn the same, named by the year shown
    assert after == before
    assert (await figures_of(world.pat, quarter))["answers"] == police_before["answers"]
    supervision_after = (
        await world.sam.client.get("/api/feedback/supervision", params={"quarter": quarter})
    ).json()
    assert supervision_after["prompts"] == supervision_before["prompts"]
    counted = [
        e["params"]["feedback_answers"]
        for e in await audit_events(code="retention.done")
        if e["params"]["council"] == str(world.council_id)
    ]
    assert sorted(counted) == [7, 10, 10, 10, 10]  # 47 answers, 10 a batch, each audited
    # The other council's answers are of the same month: they wait for its 365 days.
    assert done.councils[other["council"]].feedback_answers == 0
    assert await Answer.count().where(Answer.council == other["council"]) == 3


async def test_the_job_runs_daily_in_the_background_and_a_rerun_after_a_crash_finishes(world):
    wiring.connect()
    assert "retention.daily" in background.names()
    first = await ended_alert_with_location(world)
    second = await ended_alert_with_location(world)
    clock.travel(dt.timedelta(hours=72))
    # A run that stops after its first batch (as a crash would) keeps that batch and its
    # audit; the next run does the rest.
    cutoff = clock.now() - dt.timedelta(hours=72)
    assert await alerts.forget_locations_batch(cutoff, batch=1, council_id=world.council_id) == 1
    shared = [(await jade_sees(world, a))["location_shared"] for a in (first, second)]
    assert sorted(shared) == [False, True]
    await daily()  # what the background runs once a day
    assert [(await jade_sees(world, a))["location_shared"] for a in (first, second)] == [False, False]


async def test_the_command_prints_a_line_for_each_kind(world):
    from tests.api.test_council_settings import homeward

    await ended_alert_with_location(world)
    clock.travel(dt.timedelta(hours=73))
    # The command runs in a process of its own, on today's clock: its dry run finds
    # nothing due yet (the alert ended an hour ago for it), says so, and changes nothing.
    dry = homeward("retention", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "would delete the location and phone number of 0 ended alerts",
        "would forget 0 trusted people who stepped down",
        "would keep 0 police-feedback answers only as counts",
        "0 young people's records are past their council's schedule (case closed, birthday reached): "
        "Homeward does not delete these yet; the council's records manager does",
    ]
    done = homeward("retention")
    assert done.returncode == 0 and done.stdout.splitlines()[0].startswith("deleted the location")
    assert (await jade_sees(world, (await Alert.select(Alert.id).first())["id"]))["location_shared"] is True


async def test_two_runs_at_once_do_each_thing_once_and_count_it_once(world):
    """Two workers may run the daily job at the same moment: nothing is counted twice."""
    alerts_ended = [await ended_alert_with_location(world) for _ in range(3)]
    lou_phone = await active_contact(world, "Lou Mensah")
    assert (await lou_phone.post("/api/contact/step-down")).status_code == 204
    await _answers(world, 12, respect=5)
    month = periods.month_of(clock.now())
    clock.travel(periods.expires_at(month) + dt.timedelta(days=90) - clock.now())

    first, second = await asyncio.gather(run(batch=2), run(batch=2))
    assert first.alert_locations + second.alert_locations == len(alerts_ended)
    assert first.contacts + second.contacts == 1
    assert first.feedback_answers + second.feedback_answers == 12
    audited = [e["params"] for e in await audit_events(code="retention.done")]
    assert sum(p["alert_locations"] for p in audited) == 3
    assert sum(p["contacts"] for p in audited) == 1
    assert sum(p["feedback_answers"] for p in audited) == 12
    respect = await AnswerCount.select().where(AnswerCount.question == "respect")
    assert sum(row["answers"] for row in respect) == 12


async def test_records_past_the_councils_schedule_are_counted_for_the_records_manager_not_deleted(world):
    council_id = await make_council("Elsewhere Council", young_people=2)
    first, second = await YoungPerson.select().where(YoungPerson.council == council_id)
    await YoungPerson.update({YoungPerson.looked_after: True}).where(YoungPerson.id == first["id"])
    born = first["date_of_birth"]  # both 12 years old; neither has a social worker or carer now
    assert born == second["date_of_birth"]
    day_before = dt.date(born.year + 25, born.month, born.day) - dt.timedelta(days=1)
    clock.travel(dt.timedelta(days=(day_before - clock.now().date()).days))

    report = await run(dry_run=True)
    assert report.councils[council_id].young_people_due == 0
    clock.travel(dt.timedelta(days=1))  # the 25th birthday of the one not looked after
    report = await run()
    # Ours have a social worker allocated (open cases), so none of them is counted.
    assert (
        report.councils[council_id].young_people_due,
        report.councils[world.council_id].young_people_due,
    ) == (
        1,
        0,
    )
    assert report.lines()[3].startswith("1 young people's records are past their council's schedule")
    assert await YoungPerson.count().where(YoungPerson.council == council_id) == 2  # reported, not deleted
    await set_retention(council_id, other_until_age=30)
    assert (await run(dry_run=True)).councils[council_id].young_people_due == 0
