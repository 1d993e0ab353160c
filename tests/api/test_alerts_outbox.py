"""What happened to an alert, exactly: every send attempt kept and shown to the young
person's social worker; a push service's Retry-After honoured; names kept sealed; the
story told to each reader in their own words."""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest
from piccolo.querystring import QueryString

from backend import clock
from backend.alerts.tables import Delivery
from backend.db import get_engine
from tests.api.alerts_helpers import active_contact, drain, jade_sees, send_alert, subscribe_contact, worker

# Written before office hours mattered: the duty rota answers for the social worker's step.
pytestmark = pytest.mark.usefixtures("out_of_hours_now")


async def alert_to_lou(world, push_service) -> tuple[dict, dict, object]:
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    return await send_alert(world), sub, lou


async def test_a_429_waits_as_long_as_the_push_service_asks(world, push_service):
    push_service.fail_next(1, 429, retry_after=30)
    alert, sub, _ = await alert_to_lou(world, push_service)
    alert_worker = worker()
    await drain(alert_worker)
    clock.travel(dt.timedelta(seconds=20))  # our own back-off alone would have tried again by now
    await drain(alert_worker)
    assert push_service.received()[sub["endpoint"]]["arrived"] == 1
    clock.travel(dt.timedelta(seconds=11))
    await drain(alert_worker)
    assert len(push_service.notifications(sub)) == 1
    attempts = (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["attempts"]
    assert [(a["result"], a["status_code"]) for a in attempts] == [("retry", 429), ("sent", 201)]
    # Both tries name the message the same way, so a push service holding the first
    # (the phone asleep) keeps one.
    delivery = (await Delivery.select(Delivery.id).first())["id"]
    topics = [request["topic"] for request in push_service.received()[sub["endpoint"]]["requests"]]
    assert topics == [delivery.hex, delivery.hex]


async def test_a_503_with_a_date_waits_until_that_date(world, push_service):
    later = clock.now() + dt.timedelta(seconds=45)
    push_service.fail_next(1, 503, retry_after=email.utils.format_datetime(later, usegmt=True))
    _, sub, _ = await alert_to_lou(world, push_service)
    alert_worker = worker()
    await drain(alert_worker)
    clock.travel(dt.timedelta(seconds=40))
    await drain(alert_worker)
    assert push_service.notifications(sub) == []
    clock.travel(dt.timedelta(seconds=7))
    await drain(alert_worker)
    assert len(push_service.notifications(sub)) == 1


async def test_a_retry_after_of_a_day_is_capped_so_the_alert_is_still_sent(world, push_service):
    push_service.fail_next(1, 429, retry_after=86400)
    _, sub, _ = await alert_to_lou(world, push_service)
    alert_worker = worker()
    await drain(alert_worker)
    clock.travel(dt.timedelta(minutes=10, seconds=1))
    await drain(alert_worker)
    assert len(push_service.notifications(sub)) == 1


async def test_every_attempt_is_shown_to_the_social_worker_only(world, push_service, mailbox):
    lou = await active_contact(world, "Lou", email="lou@example.org")
    sub = await subscribe_contact(lou, push_service)
    push_service.expire(sub)  # push answers 410: the subscription goes and email takes over
    alert = await send_alert(world)
    await drain(worker(mailbox))
    (message,) = await mailbox.wait_for_async(1)
    email = await Delivery.select(Delivery.id).where(Delivery.channel == "email").first()
    assert message["Message-ID"] == f"<{email['id'].hex}@localhost>"  # the same on a re-send
    status = (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]
    lines = [
        (a["recipient"], a["role"], a["channel"], a["result"], a["status_code"]) for a in status["attempts"]
    ]
    assert lines == [
        ("Lou", "trusted_contact", "push", "gone", 410),
        ("Lou", "trusted_contact", "email", "sent", None),
    ]
    assert all(a["duration_ms"] >= 0 and a["level"] == 0 for a in status["attempts"])
    history = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/alerts")).json()
    assert len(history[0]["attempts"]) == 2
    # The young person and their carer read how it is going, not the plumbing.
    assert (await jade_sees(world, alert["id"]))["attempts"] is None
    priyas = (await world.priya.client.get(f"/api/alerts/{alert['id']}")).json()["status"]
    assert priyas["attempts"] is None


async def test_names_are_sealed_in_the_database(world, push_service):
    alert, _, lou = await alert_to_lou(world, push_service)
    await drain(worker())
    await lou.post(f"/api/contact/alerts/{alert['id']}/acknowledge")
    engine = get_engine()
    for table in ("alert", "alert_recipient", "alert_event"):
        rows = await engine.run_querystring(QueryString(f"SELECT * FROM {table}"))
        assert rows and not any("Lou" in str(value) for row in rows for value in row.values()), table
    assert (await jade_sees(world, alert["id"]))["acknowledged_by"] == "Lou"


async def test_the_story_is_told_to_each_reader_in_their_own_words(world, push_service):
    alert, _, lou = await alert_to_lou(world, push_service)
    await drain(worker())
    await lou.post(f"/api/contact/alerts/{alert['id']}/decline")
    jades = [e["what"] for e in (await jade_sees(world, alert["id"]))["events"]]
    sams = [
        e["what"]
        for e in (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["events"]
    ]
    assert jades[:3] == ["You sent an alert", "Sent to your people: Lou", "Lou can't right now"]
    assert sams[:3] == ["Jade sent an alert", "Sent to Jade's people: Lou", "Lou can't right now"]


async def test_what_a_reader_can_do_comes_with_the_reply(world, push_service):
    alert, _, lou = await alert_to_lou(world, push_service)
    assert alert["can"] == ["cancel"]
    assert (await lou.get(f"/api/contact/alerts/{alert['id']}")).json()["can"] == ["acknowledge", "decline"]
    assert (await world.sam.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["can"] == []
    answered = (await lou.post(f"/api/contact/alerts/{alert['id']}/acknowledge")).json()
    assert answered["can"] == []
    # Jade can still say she's OK now (issue 12): Lou then knows she can stand down.
    assert (await jade_sees(world, alert["id"]))["can"] == ["cancel"]


async def test_the_alert_paths_states_and_kinds_are_enums_in_the_openapi_document(world):
    schemas = (await world.anonymous().get("/schema/openapi.json")).json()["components"]["schemas"]
    assert schemas["AlertState"]["enum"] == ["active", "acknowledged", "cancelled", "failed"]
    assert schemas["Level"]["enum"] == [0, 1, 2, 3]
    assert schemas["RecipientRole"]["enum"] == [
        "trusted_contact",
        "carer",
        "duty",
        "young_person",
        "social_worker",
        "known_worker",
    ]
    assert schemas["Purpose"]["enum"] == ["alert", "call_999"]
    assert schemas["DeliveryChannel"]["enum"] == ["push", "email"]
    assert schemas["AttemptResult"]["enum"] == ["sent", "retry", "gone", "failed"]
    assert schemas["Kind"]["enum"] == ["need_help", "safe_not_home", "call_me"]
