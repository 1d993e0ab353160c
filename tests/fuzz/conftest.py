"""The people and records the schema fuzzing calls with, and its tally of requests.

A scene is the test World (tests/factories.py) plus what makes the routes worth fuzzing
with real ids: an agreed plan with a photo and a newer draft, a trusted contact who
accepted (their cookie is one of the callers), an alert, a second phone.
"""

from __future__ import annotations

import base64
import io
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

import pytest

from backend.plans.content import SECTIONS

# Requests sent per operation, for the summary at the end of the run.
SENT: Counter[str] = Counter()
STARTED = time.monotonic()


@dataclass
class Scene:
    clients: dict[str, object]  # who is calling -> an HTTP client through the app
    known: dict[str, list[str]] = field(default_factory=dict)  # parameter -> real values


def jpeg_b64() -> str:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(out, format="JPEG")
    return base64.b64encode(out.getvalue()).decode()


async def ok(reply, status: int = 200):
    assert reply.status_code == status, reply.text
    return reply.json() if reply.content else None


@pytest.fixture
async def scene(world):
    jade, priya, sam = world.jade.client, world.priya.client, world.sam.client
    plan = f"/api/young-people/{world.young['jade']}/plan"
    await ok(await jade.put(f"{plan}/sections/worries", json={"what_worries_me": "Being shouted at"}))
    await ok(await jade.put(f"{plan}/sections/places", json={"might_go": [{"name": "The park"}], "safe": []}))
    photo = (await ok(await jade.put(f"{plan}/photo", json={"photo": jpeg_b64()})))["draft"]["content"]
    for client in (jade, priya, sam):
        draft = (await ok(await client.get(plan)))["draft"]
        await ok(await client.post(f"{plan}/sign", json={"content_hash": draft["content_hash"]}))
    await ok(await sam.put(f"{plan}/sections/professional_notes", json={"text": "Art club on Tuesdays"}))

    people = f"/api/young-people/{world.young['jade']}/contacts"
    lou = await ok(await jade.post(people, json={"name": "Lou", "phone": "020 7946 0123"}), 201)
    dan = await ok(await jade.post(people, json={"name": "Dan", "email": "dan@example.org"}), 201)
    code = (await ok(await jade.post(f"{people}/{lou['id']}/invite"), 201))["code"]
    contact = world.anonymous("198.51.100.20")
    accepted = await ok(await contact.post("/api/contact-invites/accept", json={"code": code}), 201)
    contact.headers["X-CSRF-Token"] = accepted["csrf_token"]

    alert = await ok(await jade.post("/api/alerts", json={"idempotency_key": uuid.uuid4().hex}), 201)
    second_phone = await world.device("jade")
    unused = (await world.invite("tyler"))["code"]
    dan_code = (await ok(await jade.post(f"{people}/{dan['id']}/invite"), 201))["code"]

    clients = {
        key: world.people[who].client
        for key, who in (
            ("young person", "jade"),
            ("carer", "priya"),
            ("social worker", "sam"),
            ("manager", "ruth"),
            ("admin", "admin"),
        )
    }
    clients["trusted contact"] = contact
    clients["anonymous"] = world.anonymous()
    known = {
        "young_person_id": [str(world.young[k]) for k in ("jade", "mia", "tyler")],
        "contact_id": [lou["id"], dan["id"]],
        "alert_id": [alert["id"]],
        "photo_id": [photo["photo_id"]],
        "session_id": [str(second_phone.public_id)],
        "user_id": [str(world.olu.user_id), str(world.mia.user_id)],
        "section": [*SECTIONS, "trio"],
        "first": ["1", "2"],
        "second": ["1", "2"],
        "role": ["young_person", "carer"],
        "code": [unused, dan_code],
    }
    return Scene(clients=clients, known=known)


def pytest_terminal_summary(terminalreporter):
    if SENT:
        seconds = time.monotonic() - STARTED
        terminalreporter.write_line(
            f"schema fuzzing: {sum(SENT.values())} requests over {len(SENT)} operations in {seconds:.0f} s"
        )
