"""Rights requests tracked to an answer (issue 15; UK GDPR Art. 12(3), 16, 17): Jade asks
for a correction, a trusted contact asks to be forgotten; each reaches Jade's social
worker with its deadline (one calendar month from receipt), who answers done, refused
with a reason, or extended once by up to two months with a reason; the asker sees the
state and the answer; an overdue request shows as overdue. Everything is audited, and
nobody else sees or answers a request."""

from __future__ import annotations

import datetime as dt
import uuid

from backend import clock
from backend.rights.api import add_months, tell_overdue
from tests.api.actions_helpers import fresh
from tests.api.test_contacts import accepted_phone
from tests.factories import PASSWORD, audit_count, audit_events, make_council, make_user, sign_in_directly

WRONG = {"what_is_wrong": "My school is wrong", "should_say": "Hill Academy"}


def url(world, who="jade") -> str:
    return f"/api/young-people/{world.young[who]}/rights-requests"


async def ask(world, body=WRONG) -> dict:
    reply = await world.jade.client.post(url(world), json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


async def answer(world, request, body, who="sam"):
    return await world.people[who].client.post(f"{url(world)}/{request['id']}/answer", json=body)


async def notices(person) -> list[str]:
    reply = await person.client.get("/api/notices")
    assert reply.status_code == 200, reply.text
    return [notice["text"] for notice in reply.json()["notices"]]


async def dashboard(person) -> list[dict]:
    reply = await person.client.get("/api/rights-requests")
    assert reply.status_code == 200, reply.text
    return reply.json()


def at(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def test_the_deadline_is_the_same_date_next_month_or_its_last_day():
    utc = dt.UTC
    assert add_months(dt.datetime(2026, 3, 14, 9, 30, tzinfo=utc), 1) == dt.datetime(
        2026, 4, 14, 9, 30, tzinfo=utc
    )
    assert add_months(dt.datetime(2026, 1, 31, tzinfo=utc), 1) == dt.datetime(2026, 2, 28, tzinfo=utc)
    assert add_months(dt.datetime(2028, 1, 31, tzinfo=utc), 1) == dt.datetime(2028, 2, 29, tzinfo=utc)
    assert add_months(dt.datetime(2026, 12, 5, tzinfo=utc), 1) == dt.datetime(2027, 1, 5, tzinfo=utc)
    assert add_months(dt.datetime(2026, 11, 30, tzinfo=utc), 2) == dt.datetime(2027, 1, 30, tzinfo=utc)


async def test_jade_asks_for_a_correction_and_only_her_social_worker_is_told_with_the_deadline(world):
    request = await ask(world)
    assert (
        request["state"] == "open" and request["kind"] == "correction" and request["asker"] == "young_person"
    )
    assert request["what_is_wrong"] == "My school is wrong" and request["should_say"] == "Hill Academy"
    assert at(request["due_at"]) == add_months(at(request["received_at"]), 1)
    assert request["overdue"] is False and request["can"] == []

    assert await notices(world.sam) == ["Jade asked for something Homeward holds about them to be put right"]
    for person in (world.alex, world.priya, world.olu, world.ruth, world.admin):
        assert await notices(person) == []
    listed = await dashboard(world.sam)
    assert [(item["young_person_name"], item["request"]["id"]) for item in listed] == [
        ("Jade", request["id"])
    ]
    assert listed[0]["request"]["can"] == ["answer", "extend"]
    assert await dashboard(world.alex) == []
    # Jade sees her own request and its state.
    mine = (await world.jade.client.get(url(world))).json()
    assert [(r["id"], r["state"]) for r in mine] == [(request["id"], "open")]
    assert [e["code"] for e in await audit_events(actor_id=world.jade.user_id, action="change")][-1] == (
        "rights.asked_correction"
    )


async def test_a_request_past_its_deadline_shows_as_overdue_to_both(world):
    request = await ask(world)
    clock.travel(dt.timedelta(days=27))
    await fresh(world.sam, world.jade)
    assert (await dashboard(world.sam))[0]["request"]["overdue"] is False
    clock.travel(dt.timedelta(days=5))  # 32 days: past any calendar month
    await fresh(world.sam, world.jade)
    assert (await dashboard(world.sam))[0]["request"]["overdue"] is True
    assert (await world.jade.client.get(url(world))).json()[0]["overdue"] is True
    # The sweep tells Sam once, however often it runs.
    assert await tell_overdue() == 1
    assert await tell_overdue() == 0
    late = "Jade: a request about their information is overdue"
    assert (await notices(world.sam)).count(late) == 1
    # Given more time, it is told again only if the new deadline is missed too.
    extend = {"outcome": "extended", "months": 1, "reason": "Waiting for school"}
    assert (await answer(world, request, extend)).json()["overdue"] is False
    assert await tell_overdue() == 0
    clock.travel(dt.timedelta(days=32))
    await fresh(world.sam, world.jade)
    assert await tell_overdue() == 1
    assert (await notices(world.sam)).count(late) == 2
    # Answered, it is no longer overdue.
    done = await answer(world, request, {"outcome": "done", "reason": "Changed to Hill Academy"})
    assert done.status_code == 200 and done.json()["overdue"] is False


async def test_sam_extends_once_with_a_reason_then_answers_done_and_jade_reads_the_answer(world):
    request = await ask(world)
    before = await audit_count()
    no_reason = await answer(world, request, {"outcome": "extended", "months": 2})
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "reason"
    assert await audit_count() == before

    extended = await answer(
        world, request, {"outcome": "extended", "months": 2, "reason": "We are asking school"}
    )
    assert extended.status_code == 200, extended.text
    body = extended.json()
    assert body["state"] == "extended" and body["reason"] == "We are asking school"
    assert at(body["due_at"]) == add_months(at(request["due_at"]), 2)
    assert body["can"] == ["answer"]
    again = await answer(world, request, {"outcome": "extended", "months": 1, "reason": "More"})
    assert again.status_code == 409

    done = await answer(world, request, {"outcome": "done", "reason": "Changed to Hill Academy"})
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "done" and done.json()["answered_at"]
    assert (await answer(world, request, {"outcome": "refused", "reason": "No"})).status_code == 409

    mine = (await world.jade.client.get(url(world))).json()[0]
    assert (mine["state"], mine["reason"]) == ("done", "Changed to Hill Academy")
    assert (await notices(world.jade)).count(
        "your social worker answered your request to put something right"
    ) == 2
    codes = [e["code"] for e in await audit_events(actor_id=world.sam.user_id, action="change")]
    assert codes[-2:] == ["rights.extended", "rights.done"]


async def test_a_refusal_needs_a_reason_the_young_person_reads(world):
    request = await ask(world)
    assert (await answer(world, request, {"outcome": "refused"})).status_code == 422
    refused = await answer(
        world, request, {"outcome": "refused", "reason": "The record is right: ask me why"}
    )
    assert refused.status_code == 200 and refused.json()["state"] == "refused"
    mine = (await world.jade.client.get(url(world))).json()[0]
    assert (mine["state"], mine["reason"]) == ("refused", "The record is right: ask me why")


async def test_bad_input_is_refused_clearly_and_nothing_changes(world):
    before = await audit_count()
    for body in (
        {},
        {"what_is_wrong": ""},
        {"what_is_wrong": "   "},
        {"what_is_wrong": "x" * 1001},
        {**WRONG, "x": 1},
    ):
        reply = await world.jade.client.post(url(world), json=body)
        assert reply.status_code in (400, 422), (body, reply.text)
        assert reply.headers["content-type"] == "application/problem+json"
    assert (await world.jade.client.get(url(world))).json() == []
    assert await notices(world.sam) == []
    request = await ask(world)
    for body in ({"outcome": "maybe"}, {"outcome": "extended", "months": 3, "reason": "x"}, {"reason": "x"}):
        reply = await answer(world, request, body)
        assert reply.status_code in (400, 422), (body, reply.text)
    assert (await world.jade.client.get(url(world))).json()[0]["state"] == "open"
    assert before < await audit_count()  # only the one request


async def test_nobody_else_sees_or_answers_a_request_and_each_refusal_is_audited(world):
    request = await ask(world)
    other = await make_council("Elsewhere Council")
    stranger = await make_user("social_worker", "Kim Far", "kim@else.example", PASSWORD, other)
    await sign_in_directly(stranger, world.client_for())
    for person in (world.alex, world.priya, world.mia, stranger):
        reply = await person.client.post(f"{url(world)}/{request['id']}/answer", json={"outcome": "done"})
        assert reply.status_code == 404, (person.key, reply.text)
        assert (await person.client.get(url(world))).status_code == 404
        refused = await audit_events(action="refused", actor_id=person.user_id)
        assert [e["code"] for e in refused] == ["rights.answer", "rights.see"]
    # Another young person's social worker cannot reach it through their own young person.
    reply = await world.alex.client.post(
        f"{url(world, 'mia')}/{request['id']}/answer", json={"outcome": "done"}
    )
    assert reply.status_code == 404
    assert await dashboard(stranger) == []
    for person in (world.priya, world.jade, world.ruth, world.admin):
        assert (await person.client.get("/api/rights-requests")).status_code == 403
    assert (await world.jade.client.get(url(world))).json()[0]["state"] == "open"


async def test_a_trusted_contact_asks_to_be_forgotten_and_is_when_sam_says_done(world):
    phone, me = await accepted_phone(world)
    asked = await phone.post("/api/contact/forget-me")
    assert asked.status_code == 201, asked.text
    request = asked.json()
    assert (request["kind"], request["asker"], request["state"]) == ("forget_me", "trusted_contact", "open")
    assert request["asker_name"] == ""  # their name is for the social worker
    # Asking twice while it waits is the same request, and one notice.
    assert (await phone.post("/api/contact/forget-me")).json()["id"] == request["id"]
    assert await notices(world.sam) == ["one of Jade's trusted people asked to be forgotten"]
    assert [r["state"] for r in (await phone.get("/api/contact/rights-requests")).json()] == ["open"]
    # Sam sees who asked; Jade's list holds only her own requests.
    listed = (await dashboard(world.sam))[0]["request"]
    assert (listed["kind"], listed["asker_name"]) == ("forget_me", "Lou Mensah")
    assert (await world.jade.client.get(url(world))).json() == []
    assert "rights.asked_forget" in [e["code"] for e in await audit_events(actor_id=uuid.UUID(me["id"]))]

    done = await answer(world, {"id": request["id"]}, {"outcome": "done"})
    assert done.status_code == 200, done.text
    assert (done.json()["state"], done.json()["asker_name"]) == ("done", "")
    # Forgotten: their link no longer works, and their name and details are gone.
    assert (await phone.get("/api/contact/me")).status_code == 401
    people = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/contacts")).json()
    assert "Lou Mensah" not in str(people) and "lou@example.org" not in str(people)
