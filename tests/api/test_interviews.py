"""Return Home Interviews: opened on every return, offered within 24 hours and held
within 72 hours of it (seeds 001, 003 7.9), the young person's choice of who they talk
to (seed 000), parental consent for a child missing from home under 16 (seed 002), and
their sharing choices, enforced when the record is read."""

from __future__ import annotations

import datetime as dt

from backend.clock import now
from backend.interviews import api as interviews
from tests.api.interview_helpers import FORM, held_body, return_home, travel, travel_to
from tests.factories import audit_count

HOUR = dt.timedelta(hours=1)


def fields(reply) -> set[str]:
    return {error["field"] for error in reply.json()["errors"]}


def url(interview: dict, suffix: str = "") -> str:
    return f"/api/interviews/{interview['id']}{suffix}"


async def add_interviewer(world, name="Dee Campbell", organisation="Northbrook Return Service") -> dict:
    reply = await world.admin.client.post(
        "/api/council/interviewers", json={"name": name, "organisation": organisation}
    )
    assert reply.status_code == 201, reply.text
    return reply.json()


async def test_a_return_opens_an_interview_due_within_24_and_72_hours(world):
    interview = await return_home(world, "mia")
    listed = (await world.alex.client.get(f"/api/young-people/{world.young['mia']}/interviews")).json()
    assert [item["id"] for item in listed] == [interview["id"]]
    timing = listed[0]["timing"]
    returned = dt.datetime.fromisoformat(timing["returned_at"])
    assert dt.datetime.fromisoformat(timing["offer_due_at"]) - returned == 24 * HOUR
    assert dt.datetime.fromisoformat(timing["held_due_at"]) - returned == 72 * HOUR
    assert listed[0]["state"] == "open" and "offer" in listed[0]["can"]
    # The same return told twice opens one interview.
    assert (
        len((await world.alex.client.get(f"/api/young-people/{world.young['mia']}/interviews")).json()) == 1
    )


async def test_held_at_73_hours_is_late_and_at_71_hours_on_time(world):
    late = await return_home(world, "mia")
    await travel_to(world, late["returned_at"] + 73 * HOUR)
    reply = await world.alex.client.put(url(late, "/held"), json=held_body(now()))
    assert reply.status_code == 200, reply.text
    assert reply.json()["timing"]["held_late"] is True
    assert reply.json()["timing"]["minutes_to_interview"] == 73 * 60
    facts = await interviews.for_episode(late["episode_id"])
    assert facts.held_within_72_hours is False

    # Later (not back to the start: nobody is missing twice at once).
    on_time = await return_home(world, "mia")
    await travel_to(world, on_time["returned_at"] + 71 * HOUR)
    reply = await world.alex.client.put(url(on_time, "/held"), json=held_body(now()))
    assert reply.json()["timing"]["held_late"] is False
    assert (await interviews.for_episode(on_time["episode_id"])).held_within_72_hours is True


async def test_offered_at_25_hours_is_late_for_the_offer_and_at_23_on_time(world):
    late = await return_home(world, "mia")
    await travel(world, 25 * HOUR)
    reply = await world.alex.client.post(url(late, "/offer"))
    assert reply.status_code == 200, reply.text
    assert reply.json()["timing"]["offer_late"] is True
    assert (await interviews.for_episode(late["episode_id"])).offered_within_24_hours is False

    # Later (not back to the start: nobody is missing twice at once).
    on_time = await return_home(world, "mia")
    await travel(world, 23 * HOUR)
    reply = await world.alex.client.post(url(on_time, "/offer"))
    assert reply.json()["timing"]["offer_late"] is False
    assert reply.json()["timing"]["minutes_to_offer"] == 23 * 60
    # Not offered and past the deadline: late already, before anyone offers.
    waiting = await return_home(world, "mia")
    await travel(world, 24 * HOUR + dt.timedelta(minutes=1))
    view = (await world.alex.client.get(url(waiting))).json()
    assert view["state"] == "open" and view["timing"]["offer_late"] is True


async def test_a_child_under_16_missing_from_home_needs_parental_consent_first(world):
    interview = await return_home(world, "jade", "home")  # Jade is 14
    view = (await world.sam.client.get(url(interview))).json()
    assert view["consent"] is None  # applies, nothing recorded yet
    await travel(world, 30 * HOUR)
    reply = await world.sam.client.put(url(interview, "/held"), json=held_body(now()))
    assert reply.status_code == 409
    reply = await world.sam.client.put(url(interview, "/consent"), json={"state": "refused"})
    assert reply.status_code == 422 and fields(reply) == {"why"}
    reply = await world.sam.client.put(
        url(interview, "/consent"), json={"state": "refused", "why": "Mum says it is a family matter"}
    )
    assert reply.json()["consent"] == "refused"
    assert (await world.sam.client.put(url(interview, "/held"), json=held_body(now()))).status_code == 409
    facts = await interviews.for_episode(interview["episode_id"])
    assert facts.parental_consent == "refused" and facts.held_at is None  # lost to consent
    await world.sam.client.put(url(interview, "/consent"), json={"state": "given"})
    reply = await world.sam.client.put(url(interview, "/held"), json=held_body(now()))
    assert reply.status_code == 200, reply.text
    assert (await interviews.for_episode(interview["episode_id"])).parental_consent == "given"


async def test_consent_is_not_asked_from_care_or_at_16(world):
    from_care = await return_home(world, "jade", "care")
    sixteen = await return_home(world, "mia", "home")
    assert (await world.sam.client.get(url(from_care))).json()["consent"] == "not_needed"
    assert (await world.alex.client.get(url(sixteen))).json()["consent"] == "not_needed"
    reply = await world.sam.client.put(url(from_care, "/consent"), json={"state": "given"})
    assert reply.status_code == 409
    assert (await world.alex.client.put(url(sixteen, "/held"), json=held_body(now()))).status_code == 200
    assert (await interviews.for_episode(sixteen["episode_id"])).parental_consent == "not_needed"


async def test_young_person_chooses_an_interviewer_from_the_councils_list(world):
    dee = await add_interviewer(world)
    gone = await add_interviewer(world, "Former Worker")
    await world.admin.client.put(
        f"/api/council/interviewers/{gone['id']}", json={"name": "Former Worker", "active": False}
    )
    interview = await return_home(world, "jade", "care")
    # Not offered yet: nothing to answer.
    reply = await world.jade.client.post(url(interview, "/choice"), json={"kind": "no_preference"})
    assert reply.status_code == 409
    await world.sam.client.post(url(interview, "/offer"))
    view = (await world.jade.client.get(url(interview))).json()
    assert [person["name"] for person in view["interviewers"]] == ["Dee Campbell"]
    assert {"choose", "decline"} <= set(view["can"]) and view["form"] is None
    reply = await world.jade.client.post(
        url(interview, "/choice"), json={"kind": "independent_worker", "interviewer_id": gone["id"]}
    )
    assert reply.status_code == 422
    reply = await world.jade.client.post(
        url(interview, "/choice"), json={"kind": "independent_worker", "interviewer_id": dee["id"]}
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["state"] == "accepted"
    assert reply.json()["choice"]["interviewer"]["name"] == "Dee Campbell"
    assert (await interviews.for_episode(interview["episode_id"])).accepted is True


async def test_young_person_can_name_someone_they_trust_or_say_no_and_why(world):
    interview = await return_home(world, "jade", "care")
    await world.sam.client.post(url(interview, "/offer"))
    reply = await world.jade.client.post(url(interview, "/choice"), json={"kind": "someone_they_trust"})
    assert reply.status_code == 422
    reply = await world.jade.client.post(
        url(interview, "/choice"),
        json={"kind": "someone_they_trust", "trusted_adult": "Ms Patel, my teacher"},
    )
    assert reply.json()["choice"]["trusted_adult"] == "Ms Patel, my teacher"
    reply = await world.jade.client.post(url(interview, "/decline"), json={"reason": "not_a_reason"})
    assert reply.status_code == 422
    reply = await world.jade.client.post(
        url(interview, "/decline"), json={"reason": "nothing_changed_last_time", "why": "Nobody did anything"}
    )
    assert reply.json()["state"] == "declined"
    facts = await interviews.for_episode(interview["episode_id"])
    assert (facts.accepted, facts.declined_reason) == (False, "nothing_changed_last_time")
    # Mia cannot answer for Jade: answered as if there were no such interview.
    assert (
        await world.mia.client.post(url(interview, "/decline"), json={"reason": "other"})
    ).status_code == 404


async def test_carer_adds_what_they_know_only_when_the_young_person_said_no(world):
    interview = await return_home(world, "jade", "care")
    await world.sam.client.post(url(interview, "/offer"))
    note = {"text": "She was at her cousin's in Leeds; came back by train."}
    assert (await world.priya.client.put(url(interview, "/carer-note"), json=note)).status_code == 409
    await world.jade.client.post(url(interview, "/decline"), json={"reason": "young_person_refused"})
    reply = await world.priya.client.put(url(interview, "/carer-note"), json=note)
    assert reply.status_code == 200, reply.text
    assert (await world.sam.client.get(url(interview))).json()["carer_note"] == note["text"]
    assert (await world.jade.client.get(url(interview))).json()["carer_note"] is None


async def test_sharing_choices_are_enforced_when_the_record_is_read(world):
    interview = await return_home(world, "jade", "care")
    await travel(world, 30 * HOUR)
    assert (await world.sam.client.put(url(interview, "/held"), json=held_body(now()))).status_code == 200
    # Jade shared nothing with her carer: Priya is refused, as for a record that does not exist.
    refused_before = await audit_count(action="refused", actor_id=world.priya.user_id)
    reply = await world.priya.client.get(url(interview, "/report"))
    assert reply.status_code == 404
    assert await audit_count(action="refused", actor_id=world.priya.user_id) == refused_before + 1
    assert "read_report" not in (await world.priya.client.get(url(interview))).json()["can"]
    # Her social worker reads all of it, with the risks it found.
    full = (await world.sam.client.get(url(interview, "/report"))).json()
    assert full["form"]["push_factors"] == FORM["push_factors"]
    view = (await world.sam.client.get(url(interview))).json()
    assert view["risks_found"] == [
        "high_risk_category.missing_overnight_24_hours",
        "high_risk_category.high_risk_associates",
        "repeat_risk.high",
    ]
    # Jade shares where she went with her carer, and nothing else.
    reply = await world.jade.client.put(url(interview, "/sharing"), json={"carer": ["where_you_went"]})
    assert reply.status_code == 200, reply.text
    shared = (await world.priya.client.get(url(interview, "/report"))).json()
    assert shared["shared_parts"] == ["where_you_went"]
    assert shared["form"]["where_went"] == ["friends", "town_shops_park"]
    assert shared["form"]["answers"] == {"where_slept": "At my friend's flat"}
    assert shared["form"]["push_factors"] == [] and shared["form"]["high_risk"] == []
    assert shared["form"]["risk_again"] is None and shared["form"]["analysis"] == ""
    assert shared["form"]["details"] == {} and full["form"]["details"] == FORM["details"]
    # Olu is not Jade's carer: refused whatever she shares.
    assert (await world.olu.client.get(url(interview, "/report"))).status_code == 404


async def test_young_person_reads_a_plain_summary_without_the_professional_assessment(world):
    interview = await return_home(world, "jade", "care")
    await travel(world, 30 * HOUR)
    await world.sam.client.put(url(interview, "/held"), json=held_body(now()))
    reply = await world.jade.client.get(url(interview, "/summary"))
    assert reply.status_code == 200, reply.text
    summary = reply.json()
    assert summary["held_by"] == "Dee Campbell"
    assert summary["for_you"] == FORM["for_young_person"]
    kinds = {item["kind"]: item["codes"] for item in summary["items"]}
    assert kinds["where_went"] == ["friends", "town_shops_park"]
    assert kinds["follow_up_support"] == ["mentoring"]
    assert "push_factors" not in str(summary) and "high_risk" not in str(summary)
    assert summary["more_for_professionals"] is True
    # The report itself is not hers to read; the summary is not her carer's.
    assert (await world.jade.client.get(url(interview, "/report"))).status_code == 404
    assert (await world.priya.client.get(url(interview, "/summary"))).status_code == 404


async def test_form_codes_must_come_from_the_seed_lists_and_bad_input_changes_nothing(world):
    interview = await return_home(world, "mia", "care")
    made_up = {"push_factors": ["made_up"], "high_risk": ["nope"], "details": {"shoe_size": "5"}}
    reply = await world.alex.client.put(url(interview, "/held"), json=held_body(now(), form=FORM | made_up))
    assert reply.status_code == 422
    assert fields(reply) == {"push_factors", "high_risk", "details"}
    future = held_body(now() + 3 * HOUR)
    assert (await world.alex.client.put(url(interview, "/held"), json=future)).status_code == 422
    assert (await world.alex.client.get(url(interview))).json()["state"] == "open"


async def test_facts_for_the_figures_cover_returns_in_the_period(world):
    first = await return_home(world, "mia", "care")
    await travel(world, 2 * HOUR)
    await world.alex.client.post(url(first, "/offer"))
    await world.alex.client.put(url(first, "/held"), json=held_body(now()))
    start = first["returned_at"] - HOUR
    found = await interviews.facts(council_id=world.council_id, start=start, end=now() + HOUR)
    assert len(found) == 1
    fact = found[0]
    assert fact.held_within_72_hours is True and fact.follow_up_given is True
    assert fact.risk_of_going_missing_again == "high" and fact.accepted is True
    assert fact.where_went == ("friends", "town_shops_park")
    assert fact.high_risk_categories == ("missing_overnight_24_hours", "high_risk_associates")
    assert await interviews.facts(council_id=world.council_id, start=now() + HOUR, end=now() + 2 * HOUR) == []


async def test_the_offer_reaches_the_young_person_and_the_report_reaches_the_social_worker_with_its_risks(
    world,
):
    interview = await return_home(world, "jade", "care")
    await world.sam.client.post(url(interview, "/offer"))
    notices = (await world.jade.client.get("/api/notices")).json()["notices"]
    assert notices[0]["link"] == f"#/chat/{interview['id']}"
    assert notices[0]["text"].startswith("You can have a chat about what happened.")
    await world.jade.client.post(url(interview, "/choice"), json={"kind": "no_preference"})
    await world.sam.client.put(url(interview, "/held"), json=held_body(now()))
    text = (await world.sam.client.get("/api/notices")).json()["notices"][0]["text"]
    assert text.startswith("Jade's return interview is written up.")
    assert "Risk of going missing again: High" in text
    assert "Missing Overnight/24 hours" in text


HEARD: list[tuple[str, object]] = []


async def _hear_offered(event):
    HEARD.append(("offered", event))


async def _hear_declined(event):
    HEARD.append(("declined", event))


async def _hear_held(event):
    HEARD.append(("held", event))


async def test_offered_declined_and_held_are_announced_for_the_domains_that_react(world):
    from backend import hooks

    hooks.on(hooks.Topic.INTERVIEW_OFFERED, _hear_offered)
    hooks.on(hooks.Topic.INTERVIEW_DECLINED, _hear_declined)
    hooks.on(hooks.Topic.INTERVIEW_HELD, _hear_held)
    HEARD.clear()
    interview = await return_home(world, "jade", "care")
    await world.sam.client.post(url(interview, "/offer"))
    await world.jade.client.post(url(interview, "/decline"), json={"reason": "wants_time_to_decide"})
    await world.sam.client.put(url(interview, "/held"), json=held_body(now()))
    assert [topic for topic, _ in HEARD] == ["offered", "declined", "held"]
    held = HEARD[-1][1]
    assert str(held.interview_id) == interview["id"] and held.episode_id == interview["episode_id"]
    assert held.young_person_id == world.young["jade"] and held.risk_of_going_missing_again == "high"
    # Held after a no: she changed her mind, and the figures count it as accepted and held.
    facts = await interviews.for_episode(interview["episode_id"])
    assert facts.accepted is True and facts.declined_reason == "wants_time_to_decide"
