"""Outside calls are only made safely: email over TLS (or not at all), Web Push only to
real push services, checked when a phone subscribes and again when a push is sent."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import pytest
from aiohttp import web

from backend.clock import now
from backend.config import get_settings
from backend.outbound import EmailChannel, PushChannel
from backend.push.tables import PushSubscription
from backend.security import encrypt
from tests.api.alerts_helpers import active_contact, drain, send_alert, vapid_public_key, worker

SUBJECT = "Homeward: someone needs you"
BODY = "Someone you support needs you. Open Homeward."


def email_settings(mailbox, **changes):
    return dataclasses.replace(
        get_settings(), smtp_host=mailbox.host, smtp_port=mailbox.port, smtp_timeout_seconds=5, **changes
    )


async def send_email(settings, to="lou@example.org"):
    return await EmailChannel(settings).send({"email": to}, BODY, SUBJECT)


# -- email -----------------------------------------------------------------------------


async def test_email_goes_over_starttls_by_default_and_checks_the_certificate(starttls_mailbox):
    settings = email_settings(starttls_mailbox, smtp_ca_file=starttls_mailbox.ca_file)
    assert settings.smtp_security == "starttls"
    result = await send_email(settings)
    assert result.ok, result
    [message] = await starttls_mailbox.wait_for_async(1)
    assert message["X-Came-Over-TLS"] == "yes"
    assert message["To"] == "lou@example.org" and message.get_content().strip() == BODY


async def test_a_server_without_starttls_gets_nothing_and_the_result_says_why(mailbox):
    result = await send_email(email_settings(mailbox))
    assert not result.ok
    assert result.permanent  # a retry would meet the same server
    assert "STARTTLS" in result.error
    await asyncio.sleep(0.2)
    assert mailbox.messages() == []


async def test_an_untrusted_certificate_sends_nothing(starttls_mailbox):
    result = await send_email(email_settings(starttls_mailbox))  # no CA file: system CAs only
    assert not result.ok and "CERTIFICATE" in result.error.upper()
    await asyncio.sleep(0.2)
    assert starttls_mailbox.messages() == []


async def test_implicit_tls(tls_mailbox):
    settings = email_settings(tls_mailbox, smtp_security="tls", smtp_ca_file=tls_mailbox.ca_file)
    result = await send_email(settings)
    assert result.ok, result
    [message] = await tls_mailbox.wait_for_async(1)
    assert message["X-Came-Over-TLS"] == "yes"


async def test_plain_text_is_allowed_for_a_test_mailbox_outside_production(mailbox):
    result = await send_email(email_settings(mailbox, smtp_security="none"))
    assert result.ok, result
    [message] = await mailbox.wait_for_async(1)
    assert message["X-Came-Over-TLS"] == "no"


async def test_plain_text_is_never_sent_in_production(mailbox):
    settings = email_settings(mailbox, smtp_security="none", mode="production")
    result = await send_email(settings)
    assert not result.ok and result.permanent
    await asyncio.sleep(0.2)
    assert mailbox.messages() == []


async def test_an_alert_falls_back_to_email_over_starttls(world, starttls_mailbox, set_up_email):
    set_up_email(starttls_mailbox)
    await active_contact(world, "Lou", email="lou@example.org")
    await send_alert(world)
    await drain(worker(starttls_mailbox))
    [message] = await starttls_mailbox.wait_for_async(1)
    assert message["X-RcptTo"] == "lou@example.org" and message["X-Came-Over-TLS"] == "yes"


# -- Web Push: when a phone subscribes ---------------------------------------------------


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://push.example.net/send/abc",
        "http://10.0.0.1/steal",
        "https://169.254.169.254/latest",
        "https://fcm.googleapis.com.evil.example/fcm/send/abc",
        "http://fcm.googleapis.com/fcm/send/abc",
    ],
)
async def test_subscribing_anything_but_a_push_service_is_refused_and_nothing_is_saved(world, endpoint):
    lou = await active_contact(world, "Lou")
    keys = {"p256dh": "B" + "x" * 86, "auth": "y" * 22}
    for client, url in (
        (lou, "/api/contact/push-subscription"),
        (world.priya.client, "/api/push/subscription"),
    ):
        reply = await client.post(url, json={"endpoint": endpoint, "keys": keys})
        assert reply.status_code == 422, (url, reply.text)
        assert reply.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in reply.json()["errors"]] == ["endpoint"]
    assert await PushSubscription.count() == 0


async def test_real_push_services_can_be_subscribed(world):
    lou = await active_contact(world, "Lou")
    keys = {"p256dh": "B" + "x" * 86, "auth": "y" * 22}
    for endpoint in (
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ):
        reply = await lou.post("/api/contact/push-subscription", json={"endpoint": endpoint, "keys": keys})
        assert reply.status_code == 204, (endpoint, reply.text)


# -- Web Push: when a push is sent ------------------------------------------------------


async def test_a_stored_subscription_to_somewhere_else_is_refused_at_send_time(world, push_service):
    """A row saved before the rule (or by anything that skipped it) is refused by the
    worker: no request is made, the row is removed and the contact counts as unreachable."""
    lou = await active_contact(world, "Lou")
    me = (await lou.get("/api/contact/me")).json()
    real = push_service.subscribe(vapid_public_key())
    sneaky = {**real, "endpoint": "https://push.example.invalid/send/abc"}
    await PushSubscription.insert(
        PushSubscription(
            contact=me["id"],
            endpoint_hash="x" * 64,
            subscription=encrypt(json.dumps(sneaky)),
            created_at=now(),
        )
    )
    alert = await send_alert(world)
    await drain(worker())
    assert await PushSubscription.count() == 0
    status = (await world.jade.client.get(f"/api/alerts/{alert['id']}")).json()["status"]
    assert {r["name"]: r["status"] for r in status["recipients"]}["Lou"] == "failed"


async def test_in_production_the_loopback_stand_in_is_refused_at_send_time(push_service):
    subscription = push_service.subscribe(vapid_public_key())
    channel = PushChannel(dataclasses.replace(get_settings(), mode="production"))
    try:
        result = await channel.send(subscription, '{"type": "alert"}', SUBJECT)
    finally:
        await channel.close()
    assert not result.ok and result.permanent and result.gone
    assert "refused" in result.error
    assert push_service.received().get(subscription["endpoint"], {}).get("arrived", 0) == 0


async def test_outside_production_the_stand_in_still_gets_pushes(push_service):
    subscription = push_service.subscribe(vapid_public_key())
    channel = PushChannel(get_settings())
    try:
        result = await channel.send(subscription, '{"type": "alert"}', SUBJECT)
    finally:
        await channel.close()
    assert result.ok, result
    assert push_service.notifications(subscription, as_json=True) == [{"type": "alert"}]


@pytest.fixture
async def redirecting_push_service():
    """A 'push service' on loopback that answers every push with a redirect elsewhere."""
    seen: list[str] = []

    async def redirect(request):
        seen.append(request.path)
        raise web.HTTPTemporaryRedirect("https://push.example.invalid/steal")

    app = web.Application()
    app.router.add_post("/{tail:.*}", redirect)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/notify/abc", seen
    finally:
        await runner.cleanup()


async def test_a_push_service_cannot_redirect_a_push_elsewhere(push_service, redirecting_push_service):
    endpoint, seen = redirecting_push_service
    subscription = {**push_service.subscribe(vapid_public_key()), "endpoint": endpoint}
    channel = PushChannel(get_settings())
    try:
        result = await channel.send(subscription, '{"type": "alert"}', SUBJECT)
    finally:
        await channel.close()
    assert seen == ["/notify/abc"]
    assert not result.ok and result.permanent and result.gone
    assert "push.example.invalid" in result.error
