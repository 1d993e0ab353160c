"""Shared steps for alert tests: real contacts, real subscriptions at the stand-in."""

from __future__ import annotations

import dataclasses
import uuid

from backend.alerts.tables import EscalationSettings
from backend.alerts.worker import AlertWorker
from backend.config import get_settings
from backend.vapid import load_public_key, make_keys


def vapid_public_key() -> str:
    path = get_settings().vapid_private_key_file
    if not path.exists():
        make_keys(path)
    return load_public_key(path)


def worker(mailbox=None) -> AlertWorker:
    settings = get_settings()
    if mailbox is not None:
        settings = dataclasses.replace(
            settings,
            smtp_host=mailbox.host,
            smtp_port=mailbox.port,
            smtp_security=mailbox.security,
            smtp_ca_file=mailbox.ca_file,
        )
    return AlertWorker(settings)


async def drain(alert_worker: AlertWorker) -> None:
    """Run the worker until it has nothing more to do now."""
    for _ in range(20):
        if not await alert_worker.run_once():
            return


async def active_contact(world, name: str, email: str = "", phone: str = "020 7946 0100"):
    """Jade adds `name`, invites them, and they say yes on their own phone."""
    url = f"/api/young-people/{world.young['jade']}/contacts"
    added = (await world.jade.client.post(url, json={"name": name, "phone": phone, "email": email})).json()
    code = (await world.jade.client.post(f"{url}/{added['id']}/invite")).json()["code"]
    phone_client = world.anonymous(f"198.51.100.{len(name)}")
    me = (await phone_client.post("/api/contact-invites/accept", json={"code": code})).json()
    phone_client.headers["X-CSRF-Token"] = me["csrf_token"]
    return phone_client


async def subscribe_contact(phone_client, push_service) -> dict:
    subscription = push_service.subscribe(vapid_public_key())
    reply = await phone_client.post("/api/contact/push-subscription", json=subscription)
    assert reply.status_code == 204, reply.text
    return subscription


async def subscribe_user(person, push_service) -> dict:
    subscription = push_service.subscribe(vapid_public_key())
    reply = await person.client.post("/api/push/subscription", json=subscription)
    assert reply.status_code == 204, reply.text
    return subscription


async def set_duty(world, person, minutes: int = 5) -> None:
    await EscalationSettings.insert(
        EscalationSettings(council=world.council_id, minutes=minutes, duty_user=person.user_id)
    )


async def send_alert(world, **extra) -> dict:
    body = {"idempotency_key": uuid.uuid4().hex, **extra}
    reply = await world.jade.client.post("/api/alerts", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


async def jade_sees(world, alert_id) -> dict:
    return (await world.jade.client.get(f"/api/alerts/{alert_id}")).json()["status"]
