"""The audit log has no gaps: trusted contacts' refused requests, plan version lists, an
admin paging through every refusal, the young person seeing refused attempts, and a
log that even TRUNCATE cannot empty."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from piccolo.engine.sqlite import SQLiteEngine

from backend import clock
from backend.alerts.words import TRY_ANSWER, TRY_MISSING, TRY_OPEN
from backend.audit.services import LEGACY
from backend.audit.tables import AuditEvent
from backend.contacts.tables import TrustedContact
from backend.db import get_engine
from backend.sealed import seal, seal_json
from tests.api.alerts_helpers import active_contact
from tests.factories import audit_count, audit_events

CONTACT_COOKIE = "homeward_contact"
REFUSED = "/api/admin/refused"


def who_has_looked(world, key="jade"):
    return f"/api/young-people/{world.young[key]}/who-has-looked"


async def refusals(**where) -> list[dict]:
    return await audit_events(action="refused", **where)


async def lou_id(world):
    row = (
        await TrustedContact.select(TrustedContact.id)
        .where(TrustedContact.young_person == world.young["jade"])
        .first()
    )
    return row["id"]


async def alert_of(person) -> str:
    reply = await person.client.post("/api/alerts", json={"idempotency_key": uuid.uuid4().hex})
    assert reply.status_code == 201, reply.text
    return reply.json()["id"]


# -- a trusted contact's refused requests -----------------------------------------------


async def test_contact_opening_someone_elses_alert_is_refused_and_audited(world):
    lou = await active_contact(world, "Lou")
    mias = await alert_of(world.mia)

    for method, suffix, what in (
        ("GET", "", TRY_OPEN),
        ("POST", "/acknowledge", TRY_ANSWER),
        ("POST", "/decline", TRY_ANSWER),
    ):
        reply = await lou.request(method, f"/api/contact/alerts/{mias}{suffix}")
        assert reply.status_code == 404
        assert reply.headers["content-type"] == "application/problem+json"
        rows = await refusals(what=what, young_person_id=world.young["mia"])
        assert rows, what
        assert rows[-1]["actor_name"] == "Lou"
        assert rows[-1]["actor_role"] == "trusted_contact"
        assert rows[-1]["actor_id"] == await lou_id(world)
    mine = (await world.mia.client.get(f"/api/alerts/{mias}")).json()["status"]
    assert mine["state"] != "acknowledged" and not mine["acknowledged_by"]


async def test_contact_probing_an_alert_id_that_does_not_exist_is_audited(world):
    lou = await active_contact(world, "Lou")
    reply = await lou.get(f"/api/contact/alerts/{uuid.uuid4()}")
    assert reply.status_code == 404
    rows = await refusals(actor_role="trusted_contact")
    assert [(r["what"], r["young_person_id"]) for r in rows] == [(TRY_MISSING, None)]


async def test_contact_who_stepped_down_is_refused_with_the_old_cookie_and_it_is_audited(world):
    lou = await active_contact(world, "Lou")
    token = lou.cookies.get(CONTACT_COOKIE)
    assert (await lou.post("/api/contact/step-down")).status_code == 204

    old_phone = world.anonymous()
    old_phone.cookies.set(CONTACT_COOKIE, token, domain="homeward.test")
    for url in ("/api/contact/me", "/api/contact/alerts"):
        assert (await old_phone.get(url)).status_code == 401
    rows = await refusals(young_person_id=world.young["jade"])
    assert [(r["actor_name"], r["what"]) for r in rows] == [("Lou", "contacts.use_after_stepping_down")] * 2
    looks = (await world.sam.client.get(who_has_looked(world))).json()
    assert ("Lou", "tried to use Homeward after stepping down from Jade's people and was stopped") in [
        (look["name"], look["what"]) for look in looks
    ]


async def test_contact_who_was_removed_is_refused_and_it_is_audited(world):
    lou = await active_contact(world, "Lou")
    url = f"/api/young-people/{world.young['jade']}/contacts/{await lou_id(world)}"
    assert (await world.jade.client.delete(url)).status_code == 204
    assert (await lou.get("/api/contact/me")).status_code == 401
    assert await audit_count(action="refused", what="contacts.use_after_removed") == 1


async def test_contact_write_without_the_csrf_token_is_refused_and_audited(world):
    lou = await active_contact(world, "Lou")
    lou.headers["X-CSRF-Token"] = "not-the-token"
    assert (await lou.post("/api/contact/step-down")).status_code == 403
    del lou.headers["X-CSRF-Token"]
    assert (await lou.delete("/api/contact/push-subscription")).status_code == 403
    rows = await refusals(actor_role="trusted_contact")
    assert [r["what"] for r in rows] == ["contacts.change_without_check"] * 2
    assert {r["young_person_id"] for r in rows} == {world.young["jade"]}
    assert (await lou.get("/api/contact/me")).status_code == 200  # still one of Jade's people


async def test_an_unknown_contact_cookie_is_refused_without_an_audit_row(world):
    stranger = world.anonymous()
    stranger.cookies.set(CONTACT_COOKIE, "made-up", domain="homeward.test")
    assert (await stranger.get("/api/contact/me")).status_code == 401
    assert await audit_count(action="refused") == 0


async def test_admin_sees_trusted_contacts_refusals_too(world):
    lou = await active_contact(world, "Lou")
    await lou.get(f"/api/contact/alerts/{await alert_of(world.mia)}")
    attempts = (await world.admin.client.get(REFUSED)).json()["attempts"]
    assert [(a["actor_name"], a["actor_role"], a["what"]) for a in attempts] == [
        ("Lou", "trusted_contact", "tried to look at a young person's alert")
    ]


# -- reads of the plan's version list ---------------------------------------------------


async def test_reading_the_list_of_plan_versions_is_audited(world):
    url = f"/api/young-people/{world.young['jade']}/plan/versions"
    assert (await world.sam.client.get(url)).status_code == 200
    assert (
        await audit_count(
            action="read",
            actor_id=world.sam.user_id,
            young_person_id=world.young["jade"],
            what="plan.versions_read",
        )
        == 1
    )
    looks = (await world.jade.client.get(who_has_looked(world))).json()
    assert ("Sam Okafor", "looked at the versions of your safety plan") in [
        (look["name"], look["what"]) for look in looks
    ]


# -- the young person and their social worker see refused attempts -----------------------


async def test_jade_sees_in_plain_words_that_someone_was_stopped_but_not_who(world):
    jade = world.young["jade"]
    assert (await world.alex.client.get(f"/api/young-people/{jade}/plan")).status_code == 404
    clock.travel(dt.timedelta(minutes=1))
    assert (await world.mia.client.get(f"/api/young-people/{jade}/contacts")).status_code == 404

    looks = (await world.jade.client.get(who_has_looked(world))).json()
    assert [(look["name"], look["what"], look["refused"]) for look in looks] == [
        (
            "Someone who isn't allowed",
            "Someone who isn't allowed tried to look at your people. They were stopped.",
            True,
        ),
        (
            "Someone who isn't allowed",
            "Someone who isn't allowed tried to look at your plan. They were stopped.",
            True,
        ),
    ]
    assert "Alex" not in str(looks) and "Mia" not in str(looks)


async def test_jades_social_worker_sees_who_was_stopped(world):
    jade = world.young["jade"]
    await world.alex.client.get(f"/api/young-people/{jade}/plan")
    looks = (await world.sam.client.get(who_has_looked(world))).json()
    assert [(look["name"], look["role"], look["what"], look["refused"]) for look in looks] == [
        ("Alex Reid", "social worker", "tried to open Jade's plan and was stopped", True)
    ]


async def test_jades_own_refusals_are_not_shown_to_her_as_someone_else(world):
    jade = world.young["jade"]
    reply = await world.jade.client.get(f"/api/young-people/{jade}/plan/philomena.pdf")
    assert reply.status_code == 404  # the police form is for the adults
    assert await audit_count(action="refused", actor_id=world.jade.user_id) == 1
    assert (await world.jade.client.get(who_has_looked(world))).json() == []


async def test_reads_and_changes_are_not_marked_refused(world):
    await world.sam.client.get(f"/api/young-people/{world.young['jade']}")
    [look] = (await world.jade.client.get(who_has_looked(world))).json()
    assert (look["name"], look["refused"]) == ("Sam Okafor", False)


# -- an admin pages through every refusal ------------------------------------------------


def sentence_event(*, at, actor_id, actor_name, actor_role, action, what, young_person_id=None):
    """A row as the log stores an event written as a sentence (sealed name and words)."""
    return AuditEvent(
        at=at,
        actor_id=actor_id,
        actor=seal(actor_name),
        actor_role=actor_role,
        action=action,
        young_person_id=young_person_id,
        code=LEGACY,
        params=seal_json({"text": what}),
    )


async def add_refusals(world, count: int, start: dt.datetime) -> None:
    """Refusals written straight to the log (an HTTP request each would be slow)."""
    await AuditEvent.insert(
        *[
            sentence_event(
                at=start + dt.timedelta(seconds=n),
                actor_id=world.alex.user_id,
                actor_name="Alex Reid",
                actor_role="social_worker",
                action="refused",
                young_person_id=world.young["jade"],
                what=f"tried to open a record ({n})",
            )
            for n in range(count)
        ]
    )


async def all_pages(client, limit=None) -> tuple[list[dict], int]:
    seen, pages, before = [], 0, None
    while True:
        params = {k: v for k, v in (("before", before), ("limit", limit)) if v is not None}
        reply = await client.get(REFUSED, params=params)
        assert reply.status_code == 200, reply.text
        page = reply.json()
        seen += page["attempts"]
        pages += 1
        before = page["older"]
        if before is None:
            return seen, pages


async def test_admin_pages_through_more_than_two_hundred_refusals_newest_first(world):
    start = clock.now() - dt.timedelta(days=1)
    await add_refusals(world, 205, start)
    first = (await world.admin.client.get(REFUSED)).json()
    assert len(first["attempts"]) == 100 and first["older"]
    seen, pages = await all_pages(world.admin.client)
    assert pages == 3
    whats = [row["what"] for row in seen]
    assert whats == [f"tried to open a record ({n})" for n in range(204, -1, -1)]


async def test_paging_neither_repeats_nor_skips_when_rows_share_a_time_or_arrive_meanwhile(world):
    same_time = clock.now() - dt.timedelta(hours=1)
    await AuditEvent.insert(
        *[
            sentence_event(
                at=same_time,
                actor_id=world.ruth.user_id,
                actor_name="Ruth Mensah",
                actor_role="manager",
                action="refused",
                what=f"tried to see who has looked ({n})",
            )
            for n in range(5)
        ]
    )
    first = (await world.admin.client.get(REFUSED, params={"limit": 2})).json()
    await world.alex.client.get(f"/api/young-people/{world.young['jade']}")  # a newer one
    rest, _ = await all_pages_from(world.admin.client, first["older"], limit=2)
    whats = [row["what"] for row in first["attempts"] + rest]
    assert sorted(whats) == [f"tried to see who has looked ({n})" for n in range(5)]
    fresh, _ = await all_pages(world.admin.client, limit=2)
    assert len(fresh) == 6 and fresh[0]["actor_name"] == "Alex Reid"


async def all_pages_from(client, before, limit):
    seen, pages = [], 0
    while before is not None:
        page = (await client.get(REFUSED, params={"before": before, "limit": limit})).json()
        seen += page["attempts"]
        pages += 1
        before = page["older"]
    return seen, pages


@pytest.mark.parametrize(
    "params",
    [
        {"before": "not-a-cursor"},
        {"before": "bm90fGF8Y3Vyc29y"},
        {"limit": 0},
        {"limit": 201},
        {"limit": "many"},
    ],
    ids=["garbage", "base64 of garbage", "limit 0", "limit 201", "limit not a number"],
)
async def test_a_bad_cursor_or_limit_is_a_clear_problem(world, params):
    reply = await world.admin.client.get(REFUSED, params=params)
    assert reply.status_code in (400, 422)
    assert reply.headers["content-type"] == "application/problem+json"


async def test_refusals_in_another_council_are_not_listed(world):
    await AuditEvent.insert(
        sentence_event(
            at=clock.now(),
            actor_id=uuid.uuid4(),
            actor_name="Far Away",
            actor_role="carer",
            action="refused",
            what="tried to open a record",
        )
    )
    assert (await world.admin.client.get(REFUSED)).json() == {"attempts": [], "older": None}


# -- TRUNCATE cannot empty the log ---------------------------------------------------------


async def test_truncate_of_the_audit_log_fails_on_postgres(world):
    engine = get_engine()
    if isinstance(engine, SQLiteEngine):
        pytest.skip("SQLite has no TRUNCATE (DELETE FROM is refused by a row trigger)")
    await world.sam.client.get(f"/api/young-people/{world.young['jade']}")
    for statement in (
        "TRUNCATE audit_event",
        "TRUNCATE audit_event CASCADE",
        "TRUNCATE audit_event, plan RESTART IDENTITY CASCADE",
    ):
        with pytest.raises(Exception, match="append-only"):
            await engine._run_in_new_connection(statement)
    with pytest.raises(Exception, match="append-only"):
        await AuditEvent.raw("TRUNCATE audit_event")  # the app's own pooled connections
    # The test harness empties the log between tests in a connection of its own; that
    # must not leave triggers switched off on the connections the app uses.
    rows = await AuditEvent.raw("SELECT current_setting('session_replication_role') AS mode")
    assert rows == [{"mode": "origin"}]
    assert [e["what"] for e in await audit_events()] == ["young_people.record_opened"]
