"""Shared steps for alert tests: real contacts, real subscriptions at the stand-in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from backend import clock
from backend.alerts.worker import AlertWorker
from backend.config import get_settings
from backend.councils import api as councils
from backend.councils import services as council_settings
from backend.councils.schemas import Escalation, RotaEntryIn
from backend.vapid import load_public_key, make_keys
from tests.factories import sign_in_directly

LONDON = ZoneInfo("Europe/London")


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


async def set_duty(world, person, minutes: int = 5, cover: str = "always", phone: str = "") -> None:
    """The council's settings, as its admin would save them: `minutes` at every step,
    and `person` alone on the duty rota."""
    body = await council_settings.as_input(world.council_id)
    body.escalation = Escalation(trio_minutes=minutes, carer_minutes=minutes, duty_minutes=minutes)
    body.rota = [RotaEntryIn(social_worker_id=person.user_id, cover=councils.Cover(cover), phone=phone)]
    await council_settings.replace(world.council_id, body, None, clock.now())


async def travel_to_next(world, weekday: int, hour: int, minute: int = 0, *, working: bool) -> None:
    """Move the clock on to the next `weekday` (0 Monday) at hour:minute London time
    that is (or is not) in the council's office hours: a bank holiday is skipped."""
    at = clock.now().astimezone(LONDON)
    when = at.replace(hour=hour, minute=minute, second=0, microsecond=0)
    when += dt.timedelta(days=(weekday - at.weekday()) % 7)
    if when <= at:
        when += dt.timedelta(days=7)
    while await councils.is_working_time(world.council_id, when) != working:
        when += dt.timedelta(days=7)
    clock.travel(when - clock.now())
    # Sessions of professionals end after a while idle: everyone signs in again then.
    for person in world.people.values():
        await sign_in_directly(person, world.client_for())


async def out_of_hours(world) -> None:
    """02:40 on a Saturday (JOURNEYS.md 4): the rota's out-of-hours worker is asked."""
    await travel_to_next(world, 5, 2, 40, working=False)


async def office_hours(world) -> None:
    """10:00 on a Wednesday that is a working day: the young person's own social worker."""
    await travel_to_next(world, 2, 10, working=True)


async def send_alert(world, **extra) -> dict:
    body = {"idempotency_key": uuid.uuid4().hex, **extra}
    reply = await world.jade.client.post("/api/alerts", json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


async def jade_sees(world, alert_id) -> dict:
    return (await world.jade.client.get(f"/api/alerts/{alert_id}")).json()["status"]
