"""Retention (issue 15): a young person's records are deleted in every domain the day
their council's schedule ends (case closed: no social worker allocated, no carer
placement; the birthday reached: the 75th if looked after, the 25th otherwise), and not
the day before. Audited as counts; the audit events about them stay with ids only. The
clock is moved (backend.clock.travel), not waited for."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest
from piccolo.conf.apps import Finder

from backend import clock, hooks, wiring
from backend.accounts.tables import Session, User
from backend.audit.tables import AuditEvent
from backend.retention.services import daily, run
from backend.sealed import encrypted_columns, unseal
from backend.young_people.schedule import birthday
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson
from tests.api.alerts_helpers import active_contact, drain, send_alert, subscribe_contact, worker
from tests.api.interview_helpers import held_body, return_home
from tests.api.test_alerts_known_worker import rota
from tests.api.test_key_rotation import close_actions, start_and_search_an_episode
from tests.api.test_offline_and_police_form import jpeg_with_location
from tests.api.test_plans import edit, plan_url, sign_all
from tests.factories import audit_events, make_council

# Jade's words, as she and her adults write them: none may be left anywhere once she is.
HERS = ("Loud rooms", "The park", "Jade Mensah", "12 Elm Road", "Lou Okoro", "Dan Price", "Ms Patel")
NOBODYS = {"audit_event", "outbox_worker"}  # the log stays; a worker's heartbeat is no one's
# Her return's police-feedback link names nobody (its month and council): it stays, for the
# council's figures of links given and used; what tied it to her (feedback's Handover) goes.
ANONYMOUS = {"invitation"}


# Filled for Mia only (a strategy meeting needs a high-risk return of its own).
NOT_FILLED_FOR_JADE = {"strategy_meeting"}


async def tables_without_jade(young_person_id: uuid.UUID) -> list[str]:
    """Every table with a young person's column: which hold none of Jade's rows (a new
    table about young people must be filled here, so that its erasure is tested)."""
    empty = []
    for table in Finder().get_table_classes():
        columns = [column for column in table._meta.columns if column._meta.name == "young_person"]
        if columns and not await table.count().where(columns[0] == young_person_id):
            empty.append(table._meta.tablename)
    return sorted(set(empty) - NOT_FILLED_FOR_JADE)


async def table_counts() -> dict[str, int]:
    return {table._meta.tablename: await table.count() for table in Finder().get_table_classes()}


async def close_case(young_person_id: uuid.UUID) -> None:
    """The social worker's allocation and the carer's placement end (the case closes)."""
    ended = {"active": False, "ended_at": clock.now()}
    await CaseAllocation.update(ended).where(CaseAllocation.young_person == young_person_id)
    await Placement.update(ended).where(Placement.young_person == young_person_id)


def travel_to_day(day: dt.date) -> None:
    clock.travel(dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC) - clock.now())


async def born(young_person_id: uuid.UUID) -> dt.date:
    row = await YoungPerson.select(YoungPerson.date_of_birth).where(YoungPerson.id == young_person_id).first()
    return row["date_of_birth"]


async def jade_everywhere(world, push_service) -> None:
    """Jade's plan (signed, a photo), trusted people (one with a browser), an alert that
    reached them, an episode searched for, a return interview held, its actions."""
    url = plan_url(world)
    assert (await edit(world.jade, url, "worries", {"what_worries_me": "Loud rooms"})).is_success
    assert (await edit(world.jade, url, "places", {"might_go": [{"name": "The park"}]})).is_success
    await sign_all(world, url)
    assert (await world.jade.client.put(f"{url}/photo", json={"photo": jpeg_with_location()})).is_success
    await active_contact(world, "Lou Okoro")
    await subscribe_contact(await active_contact(world, "Dan Price"), push_service)
    await send_alert(world, location={"latitude": 51.5, "longitude": -0.12, "accuracy_m": 20})
    await drain(worker())
    details = {"looked_after": True, "legal_name": "Jade Mensah", "placement_address": "12 Elm Road"}
    young = world.young["jade"]
    assert (await world.sam.client.put(f"/api/young-people/{young}/details", json=details)).is_success
    interview = f"/api/interviews/{(await return_home(world, 'jade'))['id']}"
    await world.sam.client.post(f"{interview}/offer")
    trusted = {"kind": "someone_they_trust", "trusted_adult": "Ms Patel"}
    assert (await world.jade.client.post(f"{interview}/choice", json=trusted)).is_success
    consent = {"state": "overridden", "why": "Risk of exploitation"}
    assert (await world.sam.client.put(f"{interview}/consent", json=consent)).is_success
    reply = await world.sam.client.put(f"{interview}/held", json=held_body(clock.now()))
    assert reply.is_success, reply.text
    await start_and_search_an_episode(world)
    invite = {"role": "carer", "young_person_id": str(young)}  # a new carer for her, invited
    assert (await world.sam.client.post("/api/invites", json=invite)).status_code == 201
    reply = await world.sam.client.put(
        f"/api/young-people/{young}/out-of-hours-worker", json={"worker_id": str(world.alex.user_id)}
    )
    assert reply.status_code == 200, reply.text
    wrong = {"what_is_wrong": "The park is wrong", "should_say": "Loud rooms"}
    reply = await world.jade.client.post(f"/api/young-people/{young}/rights-requests", json=wrong)
    assert reply.status_code == 201, reply.text


async def jade_at_the_start(world) -> dict[str, int]:
    """Jade's rows before she did anything: her record, its allocation and placement,
    her account and its sessions."""
    young, account = world.young["jade"], world.jade.user_id
    return {
        "young_person": 1,
        "case_allocation": await CaseAllocation.count().where(CaseAllocation.young_person == young),
        "placement": await Placement.count().where(Placement.young_person == young),
        "homeward_user": await User.count().where(User.id == account),
        "user_session": await Session.count().where(Session.user == account),
    }


async def personal_text_left() -> list[str]:
    found = []
    for column in encrypted_columns():
        table = column._meta.table
        for row in await table.select(column).where(column.is_not_null()):
            text = unseal(row[column._meta.name])
            found += [f"{table.__name__}.{column._meta.name}: {word}" for word in HERS if word in text]
    return found


async def test_a_young_persons_records_go_from_every_domain_the_day_the_schedule_ends(world, push_service):
    wiring.connect()
    # Others first: Mia's episode, interview and actions, and another council's young
    # person (looked after, no open case). Then the count of every table.
    await close_actions(world)
    await rota(world, (world.alex, "out_of_hours"))
    reply = await world.admin.client.post("/api/council/interviewers", json={"name": "Dee Campbell"})
    assert reply.status_code == 201, reply.text
    elsewhere = await make_council("Elsewhere Council", young_people=1)
    await YoungPerson.update({YoungPerson.looked_after: True}).where(YoungPerson.council == elsewhere)
    start = await table_counts()
    hers = await jade_at_the_start(world)

    await jade_everywhere(world, push_service)
    await close_case(world.young["jade"])
    filled = await table_counts()
    assert await tables_without_jade(world.young["jade"]) == []
    assert await personal_text_left()  # her words are there to be deleted
    about_her = await AuditEvent.count().where(AuditEvent.young_person_id == world.young["jade"])

    # Looked after: kept past her 25th birthday, up to the day before her 75th.
    date_of_birth = await born(world.young["jade"])
    travel_to_day(birthday(date_of_birth, 25))
    assert (await run()).young_people == 0
    travel_to_day(birthday(date_of_birth, 75) - dt.timedelta(days=1))
    assert (await run(dry_run=True)).young_people == 0
    assert (await run()).young_people == 0
    assert await table_counts() == filled

    travel_to_day(birthday(date_of_birth, 75))
    preview = await run(dry_run=True)
    assert (preview.young_people, preview.councils[world.council_id].young_people) == (1, 1)
    assert preview.lines()[3] == (
        "would delete the records of 1 young people past their council's schedule (case closed, birthday reached)"
    )
    assert await table_counts() == filled  # a dry run changes nothing
    assert not await audit_events(code="retention.erased")

    done = await run()
    assert (done.young_people, done.councils[elsewhere].young_people) == (1, 0)
    assert done.lines()[3].startswith("deleted the records of 1 young people")
    after = await table_counts()
    # Every table holds what it held before Jade did anything, less her first rows: all
    # she made, and all made about her, is gone; Mia's, Tyler's and the other council's stay.
    expected = {name: count - hers.get(name, 0) for name, count in start.items() if name not in NOBODYS}
    expected |= {name: filled[name] for name in ANONYMOUS}
    assert {name: count for name, count in after.items() if name not in NOBODYS} == expected
    assert await personal_text_left() == []

    # The audit log keeps its events about her (the access record) with ids only, and
    # says how many records went, never whose.
    kept = await AuditEvent.select().where(AuditEvent.young_person_id == world.young["jade"])
    assert len(kept) == about_her and all(row["params"] is None for row in kept)
    assert all(
        row["actor"] is None
        for row in await AuditEvent.select().where(AuditEvent.actor_id == world.jade.user_id)
    )
    (event,) = await audit_events(code="retention.erased")
    assert event["params"] == {"young_people": 1, "council": str(world.council_id)}
    assert event["young_person_id"] is None and event["actor_role"] == "system"

    # Nothing more is due: a second run deletes nothing and writes nothing.
    assert (await run()).young_people == 0
    assert len(await audit_events(code="retention.erased")) == 1


async def test_at_the_25th_birthday_when_not_looked_after_a_few_at_a_time_and_a_crash_loses_nothing(
    world, monkeypatch
):
    wiring.connect()
    tyler, mia, jade = (world.young[key] for key in ("tyler", "mia", "jade"))
    for closed in (tyler, mia):
        await close_case(closed)
    # Mia is older (16) than Tyler (15); Jade's case is open (a social worker allocated).
    travel_to_day(birthday(await born(mia), 25) - dt.timedelta(days=1))
    assert (await run()).young_people == 0
    travel_to_day(birthday(await born(tyler), 25))
    assert (await run(dry_run=True)).young_people == 2

    # A failure half way (here: the last domain to erase its rows) undoes the whole batch.
    before = await table_counts()

    async def fails(payload: hooks.YoungPeopleErasing) -> None:
        raise RuntimeError("the power went off")

    erasing = [*hooks.subscribers(hooks.Topic.YOUNG_PEOPLE_ERASING), fails]
    monkeypatch.setitem(hooks._subscribers, hooks.Topic.YOUNG_PEOPLE_ERASING, erasing)
    with pytest.raises(RuntimeError):
        await run(young_batch=1)
    assert await table_counts() == before
    assert not await audit_events(code="retention.erased")
    monkeypatch.undo()

    # The next daily run finishes, one young person per transaction when asked.
    done = await run(young_batch=1)
    assert done.young_people == 2
    assert [e["params"]["young_people"] for e in await audit_events(code="retention.erased")] == [1, 1]
    assert await YoungPerson.count().where(YoungPerson.id.is_in([tyler, mia])) == 0
    assert await YoungPerson.count().where(YoungPerson.id == jade) == 1
    await daily()
    assert await YoungPerson.count().where(YoungPerson.id == jade) == 1


async def test_two_runs_at_once_erase_each_young_person_once_and_count_them_once(world):
    """Two workers may run the daily job at the same moment: each record goes once."""
    wiring.connect()
    tyler, mia = world.young["tyler"], world.young["mia"]
    for closed in (tyler, mia):
        await close_case(closed)
    travel_to_day(birthday(await born(tyler), 25))
    first, second = await asyncio.gather(run(young_batch=1), run(young_batch=1))
    assert first.young_people + second.young_people == 2
    assert sum(e["params"]["young_people"] for e in await audit_events(code="retention.erased")) == 2
    assert await YoungPerson.count().where(YoungPerson.id.is_in([tyler, mia])) == 0
    assert await YoungPerson.count() == 1  # Jade, whose case is open
