"""Young people's records: adding one, clear errors that save nothing, and the audit
log every read goes to (which the young person can read in plain words)."""

from __future__ import annotations

import datetime as dt

import pytest

from backend import clock
from backend.audit.tables import AuditEvent
from backend.db import get_engine
from backend.young_people.tables import YoungPerson
from tests.factories import audit_count, audit_events

YOUNG_PEOPLE = "/api/young-people"


def years_ago(years: int, days: int = 0) -> str:
    return (dt.date.today() - dt.timedelta(days=365 * years + years // 4 + days)).isoformat()


async def caseload(person) -> list[str]:
    return [row["preferred_name"] for row in (await person.client.get(YOUNG_PEOPLE)).json()]


async def test_social_worker_adds_a_young_person_to_their_own_caseload(world):
    reply = await world.sam.client.post(
        YOUNG_PEOPLE, json={"preferred_name": "  Kai   Lee ", "date_of_birth": years_ago(13, 10)}
    )
    assert reply.status_code == 201
    kai = reply.json()
    assert kai["preferred_name"] == "Kai Lee"
    assert kai["age"] == 13
    assert kai["has_account"] is False
    assert kai["social_workers"] == ["Sam Okafor"]
    assert kai["carers"] == []
    assert await caseload(world.sam) == ["Jade", "Kai Lee", "Tyler"]
    assert await caseload(world.alex) == ["Mia"]
    assert (await world.alex.client.get(f"{YOUNG_PEOPLE}/{kai['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"preferred_name": "Kai", "date_of_birth": "not a date"}, "date_of_birth"),
        ({"preferred_name": "Kai", "date_of_birth": "2012-02-30"}, "date_of_birth"),
        ({"preferred_name": "Kai", "date_of_birth": years_ago(-1)}, "date_of_birth"),
        ({"preferred_name": "Kai", "date_of_birth": years_ago(5)}, "date_of_birth"),
        ({"preferred_name": "Kai", "date_of_birth": years_ago(30)}, "date_of_birth"),
        ({"preferred_name": "Kai"}, "date_of_birth"),
        ({"preferred_name": "", "date_of_birth": years_ago(13)}, "preferred_name"),
        ({"preferred_name": "   ", "date_of_birth": years_ago(13)}, "preferred_name"),
        ({"preferred_name": "K" * 61, "date_of_birth": years_ago(13)}, "preferred_name"),
        ({"preferred_name": "K" * 201, "date_of_birth": years_ago(13)}, "preferred_name"),
        ({"preferred_name": 7, "date_of_birth": years_ago(13)}, "preferred_name"),
        ({"date_of_birth": years_ago(13)}, "preferred_name"),
    ],
    ids=[
        "date not a date",
        "no 30 February",
        "born next year",
        "aged 5",
        "aged 30",
        "no date",
        "empty name",
        "blank name",
        "name of 61",
        "name of 201",
        "name a number",
        "no name",
    ],
)
async def test_bad_name_or_date_of_birth_is_refused_naming_the_field_and_nothing_is_saved(world, body, field):
    before = await YoungPerson.count()
    reply = await world.sam.client.post(YOUNG_PEOPLE, json=body)
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
    problem = reply.json()
    assert problem["status"] == 422
    assert [error["field"] for error in problem["errors"]] == [field]
    assert all(error["message"] for error in problem["errors"])
    assert await YoungPerson.count() == before
    assert await caseload(world.sam) == ["Jade", "Tyler"]


async def test_name_and_date_both_wrong_are_both_named(world):
    reply = await world.sam.client.post(
        YOUNG_PEOPLE, json={"preferred_name": " ", "date_of_birth": years_ago(40)}
    )
    assert {error["field"] for error in reply.json()["errors"]} == {"preferred_name", "date_of_birth"}


@pytest.mark.parametrize(
    "body",
    [
        {"preferred_name": "Kai", "date_of_birth": years_ago(13), "council": "elsewhere"},
        {"preferred_name": "Kai", "date_of_birth": years_ago(13), "social_worker": "someone"},
        ["Kai", years_ago(13)],
        "Kai",
    ],
    ids=["unknown council", "unknown social_worker", "a list", "a string"],
)
async def test_body_with_unknown_fields_or_the_wrong_shape_is_refused_and_nothing_is_saved(world, body):
    reply = await world.sam.client.post(YOUNG_PEOPLE, json=body)
    assert 400 <= reply.status_code < 500
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.json()["status"] == reply.status_code
    assert await caseload(world.sam) == ["Jade", "Tyler"]


async def test_broken_json_is_refused_with_a_problem(world):
    reply = await world.sam.client.post(
        YOUNG_PEOPLE, content=b'{"preferred_name": "Kai",', headers={"Content-Type": "application/json"}
    )
    assert reply.status_code == 400
    assert reply.headers["content-type"] == "application/problem+json"


async def test_every_read_of_a_record_is_written_to_the_audit_log(world):
    jade = world.young["jade"]
    for expected in (1, 2):
        assert (await world.sam.client.get(f"{YOUNG_PEOPLE}/{jade}")).status_code == 200
        reads = await audit_events(action="read", young_person_id=jade)
        assert len(reads) == expected
    assert reads[0]["actor_id"] == world.sam.user_id
    assert reads[0]["actor_name"] == "Sam Okafor"
    assert reads[0]["what"] == "young_people.record_opened"


async def test_the_record_says_what_each_reader_may_do_with_it(world):
    url = f"{YOUNG_PEOPLE}/{world.young['jade']}"
    can = {key: (await world.people[key].client.get(url)).json()["can"] for key in ("jade", "priya", "sam")}
    assert can == {
        "jade": ["manage_devices", "see_audit"],
        "priya": ["download_police_form", "new_sign_in_link"],
        "sam": [
            "invite",
            "manage_care_team",
            "manage_devices",
            "manage_carer_devices",
            "see_audit",
            "download_police_form",
            "new_sign_in_link",
            "edit_details",
        ],
    }
    # What `can` offers is what the server then allows, and what it leaves out is refused.
    assert (await world.priya.client.get(f"{url}/who-has-looked")).status_code == 404
    assert (await world.jade.client.get(f"{url}/who-has-looked")).status_code == 200


async def test_stranger_social_worker_is_refused_record_and_it_is_audited(world):
    reply = await world.alex.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}")
    assert reply.status_code == 404
    assert (
        await audit_count(action="refused", actor_id=world.alex.user_id, young_person_id=world.young["jade"])
        == 1
    )
    assert await audit_count(action="read") == 0


async def test_jade_sees_who_has_looked_at_her_record_but_not_her_own_visits(world):
    jade = world.young["jade"]
    await world.jade.client.get(f"{YOUNG_PEOPLE}/{jade}")
    clock.travel(dt.timedelta(minutes=1))
    await world.sam.client.get(f"{YOUNG_PEOPLE}/{jade}")
    clock.travel(dt.timedelta(minutes=1))
    await world.priya.client.get(f"{YOUNG_PEOPLE}/{jade}/who-can-see")
    clock.travel(dt.timedelta(minutes=1))
    await world.alex.client.get(f"{YOUNG_PEOPLE}/{jade}")  # refused: he saw nothing
    await world.olu.client.get(f"{YOUNG_PEOPLE}/{world.young['mia']}")  # someone else's record

    reply = await world.jade.client.get(f"{YOUNG_PEOPLE}/{jade}/who-has-looked")
    assert reply.status_code == 200
    looks = [(look["name"], look["role"], look["what"]) for look in reply.json()]
    assert looks == [
        (
            "Someone who isn't allowed",
            "",
            "Someone who isn't allowed tried to look at your information. They were stopped.",
        ),
        ("Priya Shah", "carer", "looked at who can see your information"),
        ("Sam Okafor", "social worker", "looked at your information"),
    ]
    times = [dt.datetime.fromisoformat(look["at"]) for look in reply.json()]
    assert times == sorted(times, reverse=True)


async def test_social_worker_looking_at_who_has_looked_is_itself_shown_to_the_young_person(world):
    jade = world.young["jade"]
    await world.sam.client.get(f"{YOUNG_PEOPLE}/{jade}/who-has-looked")
    looks = (await world.jade.client.get(f"{YOUNG_PEOPLE}/{jade}/who-has-looked")).json()
    assert [(look["name"], look["what"]) for look in looks] == [
        ("Sam Okafor", "looked at who has seen your information")
    ]


async def test_who_can_see_lists_jades_social_worker_carer_people_the_police_and_managers(world):
    reply = await world.jade.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}/who-can-see")
    assert reply.status_code == 200
    people = [(person["name"], person["role"]) for person in reply.json()]
    assert people == [
        ("Sam Okafor", "social_worker"),
        ("Priya Shah", "carer"),
        ("Your trusted people", "trusted_people"),
        ("The police", "police"),
        ("Managers at your council", "manager"),
    ]
    police, managers = reply.json()[-2]["why"], reply.json()[-1]["why"]
    assert police.startswith("Only if you go missing") and "chose to share with the police" in police
    # True to what happens: a senior manager is told the name after 48 hours missing.
    assert "not your name" in managers and "48 hours" in managers
    assert all(person["why"] for person in reply.json())


async def test_who_can_see_reads_for_an_adult_with_the_young_persons_name(world):
    reply = await world.priya.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}/who-can-see")
    assert [(person["name"], person["role"], person["why"]) for person in reply.json()] == [
        ("Sam Okafor", "social_worker", "They are Jade's social worker."),
        ("Priya Shah", "carer", "They look after Jade at home."),
        (
            "Jade's trusted people",
            "trusted_people",
            "They see Jade's first name and the alerts Jade sends them. If Jade goes missing, they see "
            "the places in the plan shared with them, so they can help look.",
        ),
        (
            "The police",
            "police",
            "Only if Jade goes missing: their carer or social worker gives the police a form with the "
            "parts of the plan Jade chose to share with them.",
        ),
        (
            "Managers at Jade's council",
            "manager",
            "They see numbers, like how many young people go missing, not Jade's name. If Jade is "
            "missing for more than 48 hours, a senior manager is told their name so they can help.",
        ),
    ]


async def test_the_same_stored_events_read_naturally_for_jade_and_for_her_social_worker(world):
    jade = world.young["jade"]
    await world.sam.client.get(f"{YOUNG_PEOPLE}/{jade}")
    clock.travel(dt.timedelta(minutes=1))
    await world.priya.client.get(f"{YOUNG_PEOPLE}/{jade}/who-can-see")
    clock.travel(dt.timedelta(minutes=1))
    await world.alex.client.get(f"{YOUNG_PEOPLE}/{jade}/devices")  # refused

    def lines(reply):
        return [(look["name"], look["role"], look["what"], look["refused"]) for look in reply.json()]

    for_jade = lines(await world.jade.client.get(f"{YOUNG_PEOPLE}/{jade}/who-has-looked"))
    for_sam = lines(await world.sam.client.get(f"{YOUNG_PEOPLE}/{jade}/who-has-looked"))
    assert for_jade == [
        (
            "Someone who isn't allowed",
            "",
            "Someone who isn't allowed tried to look at the phones you are signed in on. They were stopped.",
            True,
        ),
        ("Priya Shah", "carer", "looked at who can see your information", False),
        ("Sam Okafor", "social worker", "looked at your information", False),
    ]
    assert for_sam == [
        (
            "Alex Reid",
            "social worker",
            "tried to look at the phones Jade is signed in on and was stopped",
            True,
        ),
        ("Priya Shah", "carer", "looked at who can see Jade's information", False),
        ("Sam Okafor", "social worker", "looked at Jade's information", False),
    ]


async def test_audit_log_refuses_update_and_delete_in_the_database_itself(world):
    await world.sam.client.get(f"{YOUNG_PEOPLE}/{world.young['jade']}")
    engine = get_engine()
    for statement in (
        "UPDATE audit_event SET code = 'nothing.happened'",
        "DELETE FROM audit_event",
    ):
        with pytest.raises(Exception, match="append-only"):
            await engine._run_in_new_connection(statement)
    with pytest.raises(Exception, match="append-only"):
        await AuditEvent.delete(force=True)
    assert [e["what"] for e in await audit_events()] == ["young_people.record_opened"]
