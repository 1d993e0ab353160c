"""Police-response feedback (issue 11): a return gives the young person a single-use
link; a card gives anyone one; the answer is kept with nothing that leads back to them;
professionals see only suppressed figures, released words and supervision prompts."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from backend import clock
from backend.feedback import api as feedback
from backend.feedback import periods
from backend.feedback.figures import ready_on
from backend.feedback.tables import Agreement, Answer, Handover, Invitation, Quote
from tests.factories import add_person, make_council, make_user, sign_in_directly

BASE = "/api/feedback"
GOOD = {
    "respect": 4,
    "listened": 2,
    "explained": 5,
    "safe": 3,
    "helped": 1,
    "searched": "no",
    "restrained": "rather_not_say",
}


async def cards(person, count=1) -> list[dict]:
    reply = await person.client.post(f"{BASE}/cards", json={"count": count})
    assert reply.status_code == 201, reply.text
    return reply.json()


async def answer(client, token, **body):
    return await client.post(f"{BASE}/answers", json={"token": token, **(body or GOOD)})


async def liaison(world):
    await feedback.set_force(world.council_id, "Testshire Police")
    return await add_person(world, "pat", "police_liaison", "Pat Lee", "pat@test.example")


async def stored() -> dict[str, list[dict]]:
    return {
        "answers": await Answer.select(),
        "quotes": await Quote.select(),
        "invitations": await Invitation.select(),
        "handovers": await Handover.select(),
    }


async def recorded_return(world) -> str:
    """Priya records Jade missing, reported to the police, then back (the episodes routes)."""
    now = clock.now()
    priya = world.priya.client
    started = await priya.post(
        f"/api/young-people/{world.young['jade']}/episodes",
        json={"last_seen_at": (now - dt.timedelta(hours=5)).isoformat(), "circumstances": "Not home"},
    )
    url = f"/api/episodes/{started.json()['id']}"
    report = {"reported_at": (now - dt.timedelta(hours=4)).isoformat(), "cad_number": "CAD 7"}
    assert (await priya.post(f"{url}/report", json=report)).status_code == 200
    back = await priya.post(f"{url}/return", json={"returned_at": (now - dt.timedelta(hours=1)).isoformat()})
    assert back.status_code == 200, back.text
    return started.json()["id"]


async def test_a_return_gives_the_young_person_one_link_that_works_once(world):
    await recorded_return(world)
    jade = world.jade.client
    notices = (await jade.get("/api/notices")).json()["notices"]
    invited = [n for n in notices if n["code"] == "feedback.invited"]
    assert invited[0]["link"] == "#/feedback" and "Nobody will know" in invited[0]["text"]
    mine = (await jade.get(f"{BASE}/mine")).json()
    assert mine[0]["token"] not in repr(notices)
    assert len(mine) == 1 and mine[0]["url"].endswith(f"/#/feedback/{mine[0]['token']}")
    phone = world.anonymous()  # the form needs no account
    assert (await phone.post(f"{BASE}/check", json={"token": mine[0]["token"]})).status_code == 200
    assert (await answer(phone, mine[0]["token"])).status_code == 204
    again = await answer(phone, mine[0]["token"])
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert "already been used" in again.json()["detail"]
    assert (await phone.post(f"{BASE}/check", json={"token": mine[0]["token"]})).status_code == 409
    assert len(await Answer.select()) == 1
    assert (await jade.get(f"{BASE}/mine")).json() == []


async def test_nothing_stored_links_an_answer_to_the_young_person_the_link_or_a_time(world, caplog):
    caplog.set_level(logging.DEBUG)
    episode_id = await recorded_return(world)
    token = (await world.jade.client.get(f"{BASE}/mine")).json()[0]["token"]
    phone = world.anonymous("198.51.100.23")
    phone.headers["User-Agent"] = "TellTale/1.0"
    reply = await answer(
        phone, token, **GOOD, words="They were kind. Call me on 07700 900123 or jade@example.org"
    )
    assert reply.status_code == 204
    rows = await stored()
    assert rows["handovers"] == []  # the only tie to Jade went with the answer
    (row,) = rows["answers"]
    assert set(row) == {"id", "council", "force", "month", *[k for k in GOOD]}
    (quote,) = rows["quotes"]
    assert set(quote) == {"id", "council", "force", "month", "text", "state"}
    assert len(row["month"]) == 7  # "2026-11": a month, never a day or a minute
    everything = repr(rows) + repr(await Invitation.select())
    for secret in (
        token,
        str(world.young["jade"]),
        str(world.jade.user_id),
        episode_id,
        "198.51.100.23",
        "TellTale",
        "07700",
    ):
        assert secret not in everything
    assert "jade@example.org" not in everything
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert token not in logged and "198.51.100.23" not in logged and "They were kind" not in logged


async def test_a_card_link_needs_no_account_and_bad_answers_change_nothing(world):
    (card,) = await cards(world.sam)
    assert card["qr_svg"].startswith("data:image/svg+xml;base64,")
    phone = world.anonymous()
    for bad in (
        {"respect": 6},
        {"respect": 0},
        {"searched": "maybe"},
        {"words": "x" * 1001},
        {"respect": 3, "who": "me"},
        {},  # nothing answered
    ):
        reply = await phone.post(f"{BASE}/answers", json={"token": card["token"], **bad})
        assert reply.status_code == 422, (bad, reply.text)
        assert reply.headers["content-type"] == "application/problem+json"
    assert await stored() == {**await stored(), "answers": [], "quotes": []}
    assert not (await Invitation.select())[0]["used"]
    assert (await answer(phone, card["token"], respect=5)).status_code == 204


async def test_unknown_links_are_refused_and_guessing_is_throttled(world):
    phone = world.anonymous("192.0.2.50")
    reply = await phone.post(f"{BASE}/check", json={"token": "NOTAREALTOKEN234"})
    assert reply.status_code == 404
    codes = [
        (await phone.post(f"{BASE}/check", json={"token": f"GUESS{n:04d}"})).status_code for n in range(40)
    ]
    assert 429 in codes


async def test_a_link_runs_out_at_the_end_of_the_next_month(world):
    (card,) = await cards(world.sam)
    clock.travel(dt.timedelta(days=62))
    reply = await world.anonymous().post(f"{BASE}/check", json={"token": card["token"]})
    assert reply.status_code == 404 and "run out" in reply.json()["detail"]


async def test_only_young_people_collect_links_and_only_professionals_make_cards(world):
    for who in ("sam", "priya", "ruth", "admin"):
        assert (await world.people[who].client.get(f"{BASE}/mine")).status_code == 403
    for who in ("jade", "priya", "admin"):
        reply = await world.people[who].client.post(f"{BASE}/cards", json={"count": 1})
        assert reply.status_code == 403
    assert (await world.ruth.client.post(f"{BASE}/cards", json={"count": 31})).status_code == 422


async def _answers(world, count, person=None, **body):
    made = await cards(person or world.sam, count)
    phone = world.anonymous()
    for card in made:
        assert (await answer(phone, card["token"], **(body or GOOD))).status_code == 204


async def finish_quarter(world, *people: str) -> str:
    """Move the clock past the day this quarter's figures appear (its links have all run
    out) and sign `people` in again; returns the quarter."""
    quarter = periods.quarter_of(clock.now())
    clock.travel(ready_on(quarter) - clock.now() + dt.timedelta(hours=1))
    for key in people:
        await sign_in_directly(world.people[key], world.client_for())
    return quarter


async def figures_of(person, quarter: str) -> dict:
    reply = await person.client.get(f"{BASE}/figures", params={"period": quarter})
    assert reply.status_code == 200, reply.text
    return reply.json()


async def test_a_quarter_shows_nothing_until_its_links_have_all_run_out(world):
    await _answers(world, 12)
    quarter = periods.quarter_of(clock.now())
    early = await figures_of(world.ruth, quarter)
    assert early["answers"] == "" and early["shown"] is False and early["questions"] == []
    assert early["ready_on"] == ready_on(quarter).date().isoformat()
    assert quarter not in early["periods"]
    await finish_quarter(world, "ruth")
    later = await figures_of(world.ruth, quarter)
    assert later["answers"] == "10" and later["ready_on"] is None and quarter in later["periods"]


async def test_figures_hide_small_numbers_and_show_nothing_more_below_ten_answers(world):
    await _answers(world, 9, words="Nice officer")
    quarter = await finish_quarter(world, "ruth")
    figures = await figures_of(world.ruth, quarter)
    assert figures["answers"] == "fewer than 10" and figures["shown"] is False
    assert figures["questions"] == [] and figures["quotes"] == []


async def test_figures_match_a_hand_computed_fixture_and_the_csv_says_the_same(world):
    await _answers(world, 20, respect=5, listened=4, searched="no")
    await _answers(world, 15, respect=4, listened=2, searched="yes")
    await _answers(world, 12, respect=1, listened=2, searched="rather_not_say")
    quarter = await finish_quarter(world, "sam")
    figures = await figures_of(world.sam, quarter)
    # 47 answers: shown as 45. Respect: 20 said 5 and 15 said 4 (shown); 12 said 1, but
    # hidden with the zeros, which alone would add up to less than 10.
    assert figures["answers"] == "45" and figures["shown"] is True
    few = "fewer than 10"
    respect = {c["key"]: c["value"] for c in figures["questions"][0]["cells"]}
    assert respect == {"1": few, "2": few, "3": few, "4": "15", "5": "20", "not_answered": few}
    # Listened: 27 said 2 (shown as 25); 20 said 4, hidden to cover the zeros.
    listened = {c["key"]: c["value"] for c in figures["questions"][1]["cells"]}
    assert listened == {"1": few, "2": "25", "3": few, "4": few, "5": few, "not_answered": few}
    searched = {c["key"]: c["value"] for c in figures["happened"][0]["cells"]}
    assert searched == {"yes": "15", "no": "20", "rather_not_say": few, "not_answered": few}
    csv = await world.sam.client.get(f"{BASE}/figures.csv", params={"period": quarter})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0] == "council,force,period,question,answer,count"
    place = f"Testshire Council,Police force not set,{quarter}"
    assert f"{place},answers,,45" in lines
    assert f"{place},respect,5,20" in lines and f"{place},respect,1,fewer than 10" in lines
    assert f"{place},searched,yes,15" in lines
    assert len(lines) == 2 + 5 * 6 + 2 * 4
    assert figures["trend_svg"].startswith("data:image/svg+xml;base64,")


async def test_only_whole_quarters_may_be_asked_for(world):
    # Not a month or a year: either beside a quarter would give a hidden number away.
    for bad in ("2026-13", "2026-Q5", "2026-11-03", "last-30-days", "2026-11", "2026"):
        reply = await world.ruth.client.get(f"{BASE}/figures", params={"period": bad})
        assert reply.status_code == 422, bad
    assert (await world.ruth.client.get(f"{BASE}/figures", params={"period": "2026-Q1"})).status_code == 200


async def test_words_are_masked_then_moderated_before_anyone_reads_them(world):
    await _answers(world, 10, words="PC Smith at Elm Street was rude. Ring 020 7946 0123 or x@y.org")
    waiting = (await world.ruth.client.get(f"{BASE}/quotes")).json()
    assert len(waiting) == 10
    assert "7946" not in waiting[0]["text"] and "x@y.org" not in waiting[0]["text"]
    assert "[hidden]" in waiting[0]["text"]
    assert (await world.sam.client.get(f"{BASE}/quotes")).status_code == 403
    first, second = waiting[0]["id"], waiting[1]["id"]
    released = await world.ruth.client.post(
        f"{BASE}/quotes/{first}/release", json={"text": "An officer was rude."}
    )
    assert released.status_code == 204
    assert (await world.ruth.client.post(f"{BASE}/quotes/{second}/withhold")).status_code == 204
    assert (await world.ruth.client.post(f"{BASE}/quotes/{first}/withhold")).status_code == 404
    assert (
        await world.ruth.client.post(f"{BASE}/quotes/{first}/release", json={"text": ""})
    ).status_code == 422
    quarter = await finish_quarter(world, "sam")
    figures = await figures_of(world.sam, quarter)
    assert figures["quotes"] == ["An officer was rude."]  # the 8 not moderated stay unseen
    texts = [row["text"] for row in await Quote.select()]
    assert not any("Smith" in text for text in texts)  # sealed, and the first words are gone


async def test_a_police_liaison_sees_only_their_forces_figures_and_nothing_else(world):
    await _answers(world, 10)
    await liaison(world)
    await _answers(world, 10)  # after the force was named
    quarter = await finish_quarter(world, "pat", "ruth")
    pat = world.pat
    mine = await figures_of(pat, quarter)
    assert mine["force"] == "Testshire Police" and mine["answers"] == "10"
    assert (await figures_of(world.ruth, quarter))["answers"] == "20"
    for route in (
        f"{BASE}/quotes",
        f"{BASE}/supervision",
        f"{BASE}/mine",
        "/api/figures",
        "/api/young-people",
    ):
        assert (await pat.client.get(route)).status_code == 403, route
    assert (await pat.client.get(f"/api/young-people/{world.young['jade']}")).status_code == 404


async def test_a_stranger_council_sees_none_of_our_feedback(world):
    await _answers(world, 12)
    elsewhere = await make_council("Elsewhere Council")
    manager = await make_user(
        "manager", "Far Manager", "far@test.example", "correct horse battery", elsewhere
    )
    await sign_in_directly(manager, world.client_for())
    theirs = (await manager.client.get(f"{BASE}/figures")).json()
    assert theirs["answers"] == "fewer than 10" and theirs["council"] == "Elsewhere Council"
    assert (await manager.client.get(f"{BASE}/quotes")).json() == []
    assert await Quote.select(Quote.id) == []  # GOOD has no words; a made-up id is refused alike
    assert (await manager.client.post(f"{BASE}/quotes/{uuid.uuid4()}/withhold")).status_code == 404


async def test_supervision_prompts_come_from_the_feedback_and_agreements_are_looked_back_at(world):
    quarter = periods.quarter_of(clock.now())
    url = f"{BASE}/supervision?quarter={quarter}"
    few = (await world.sam.client.get(url)).json()
    # Before the quarter is finished, no theme: one that changed as answers came in
    # would say something about the newest answer.
    assert [p["key"] for p in few["prompts"]] == ["treated_differently"]
    await _answers(world, 10, respect=4, listened=1, explained=5, safe=4, helped=4, searched="yes")
    assert [p["key"] for p in (await world.sam.client.get(url)).json()["prompts"]] == ["treated_differently"]
    agreed = await world.sam.client.post(
        f"{BASE}/supervision",
        json={
            "quarter": quarter,
            "prompt": "not_listened",
            "text": "Share the themes at the police meeting.",
        },
    )
    assert agreed.status_code == 201 and agreed.json()["by"] == "Sam Okafor"
    for who in ("jade", "priya", "admin"):
        assert (await world.people[who].client.get(f"{BASE}/supervision")).status_code == 403
    await finish_quarter(world, "ruth")
    reply = (await world.ruth.client.get(url)).json()
    assert [p["key"] for p in reply["prompts"]] == ["not_listened", "searched", "treated_differently"]
    assert "not listened to" in reply["prompts"][0]["text"]
    assert reply["agreed"][0]["text"].startswith("Share")
    nine = periods.quarter_of(clock.now() + dt.timedelta(days=92))  # the next-but-one: none
    later = (await world.ruth.client.get(f"{BASE}/supervision?quarter={nine}")).json()
    assert later["last_quarter"] == [] and later["agreed"] == []
    after = periods.quarter_of(clock.now())  # the quarter after ours looks back at it
    assert (await world.ruth.client.get(f"{BASE}/supervision?quarter={after}")).json()["last_quarter"][0][
        "prompt"
    ] == "not_listened"
    assert "Share" not in (await Agreement.select(Agreement.text))[0]["text"]  # sealed
    bad = await world.ruth.client.post(
        f"{BASE}/supervision", json={"quarter": "2026-13", "prompt": "x", "text": "y"}
    )
    assert bad.status_code == 422 and len(await Agreement.select()) == 1


async def test_an_administrator_creates_a_police_liaison_who_signs_in_with_a_second_factor(world):
    import pyotp

    from backend.users import create_user

    made = await create_user(
        "police_liaison", "Pat Lee", "pat@test.example", None, "a long liaison password", "Testshire Council"
    )
    assert made["totp_uri"].startswith("otpauth://")
    phone = world.anonymous()
    body = {"identifier": "pat@test.example", "secret": "a long liaison password"}
    assert (await phone.post("/api/auth/login", json=body)).status_code == 401  # no code: refused
    reply = await phone.post("/api/auth/login", json={**body, "code": pyotp.TOTP(made["totp_secret"]).now()})
    assert reply.status_code == 200 and reply.json()["user"]["role"] == "police_liaison"
    figures = await phone.get(f"{BASE}/figures")
    assert figures.status_code == 200 and figures.json()["council"] == "Testshire Council"


async def test_on_postgresql_no_row_version_points_from_an_answer_to_its_link(world):
    """PostgreSQL stamps each row with the transaction that wrote it (xmin): every row of
    the answer's group is written again with it, so the stamp singles nothing out."""
    from backend.db import is_sqlite

    made = await cards(world.sam, 3)
    phone = world.anonymous()
    for card in made[:2]:
        assert (await answer(phone, card["token"], respect=3, words="Fine.")).status_code == 204
    if is_sqlite():
        return  # SQLite keeps no such stamp
    stamps = {
        table: {row["xmin"] for row in await Answer.raw(f"SELECT xmin::text AS xmin FROM {table}")}
        for table in ("answer", "quote")
    }
    assert len(stamps["answer"]) == 1 and stamps["answer"] == stamps["quote"]
    used = await Invitation.raw("SELECT xmin::text AS xmin FROM invitation WHERE used")
    unused = await Invitation.raw("SELECT xmin::text AS xmin FROM invitation WHERE NOT used")
    assert {row["xmin"] for row in used} == stamps["answer"] == {row["xmin"] for row in unused}


async def test_an_absence_nobody_reported_to_the_police_asks_nothing_about_the_police(world):
    priya = world.priya.client
    started = await priya.post(
        f"/api/young-people/{world.young['jade']}/episodes",
        json={"last_seen_at": (clock.now() - dt.timedelta(hours=2)).isoformat()},
    )
    found = {"returned_at": clock.now().isoformat()}
    closed = await priya.post(f"/api/episodes/{started.json()['id']}/close-unreported", json=found)
    assert closed.status_code == 200, closed.text
    assert (await world.jade.client.get(f"{BASE}/mine")).json() == []
    assert await Invitation.select() == []
