"""Key rotation, as the README says to do it, through the real command: every encrypted
column, found from the registered tables, reads back with only the new key."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from backend.clock import now
from backend.config import get_settings
from backend.db import get_engine, is_sqlite, write_transaction
from backend.notify import api as notify
from backend.notify.words import WELCOME
from backend.sealed import encrypted_columns
from backend.security import _derived_key
from tests.api.alerts_helpers import active_contact, drain, send_alert, subscribe_contact, worker
from tests.api.interview_helpers import fill_interview_columns
from tests.api.test_council_settings import save as save_council_settings
from tests.api.test_offline_and_police_form import jpeg_with_location
from tests.api.test_plans import edit, plan_url, sign_all

COLUMNS = sorted(f"{c._meta.table.__name__}.{c._meta.name}" for c in encrypted_columns())

READ_BACK = """
import asyncio, sys
from backend.sealed import encrypted_columns, unseal
async def main():
    wanted = sys.argv[1]
    for column in encrypted_columns():
        if f"{column._meta.table.__name__}.{column._meta.name}" != wanted:
            continue
        rows = await column._meta.table.select(column).where(column.is_not_null())
        values = [unseal(row[column._meta.name]) for row in rows]
        print(len(values), sum(len(v) for v in values))
asyncio.run(main())
"""


def homeward_env(data_keys: str) -> dict:
    engine = get_engine()
    url = f"sqlite:///{engine.path}" if is_sqlite(engine) else os.environ["HOMEWARD_DATABASE_URL"]
    return {
        **os.environ,
        "HOMEWARD_DATABASE_URL": url,
        "HOMEWARD_DATA_KEYS": data_keys,
        "HOMEWARD_DATA_DIR": str(get_settings().data_dir),
    }


def read_back(column: str, keys: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", READ_BACK, column], env=homeward_env(keys), capture_output=True, text=True
    )


async def fill_every_encrypted_column(world, push_service, mailbox) -> None:
    """A value in each encrypted column, made the way people make them."""
    url = plan_url(world)
    assert (await edit(world.jade, url, "worries", {"what_worries_me": "Loud rooms"})).is_success
    assert (await edit(world.jade, url, "about_me", {"phone": "07123 456789"})).is_success
    assert (await edit(world.jade, url, "places", {"might_go": [{"name": "The park"}]})).is_success
    await sign_all(world, url)  # the agreed plan's phone is copied into an alert
    assert (await world.jade.client.put(f"{url}/photo", json={"photo": jpeg_with_location()})).is_success
    lou = await active_contact(world, "Lou", email="lou@example.org")  # no push: reached by email
    dan = await active_contact(world, "Dan")
    await subscribe_contact(dan, push_service)
    assert lou is not None
    await send_alert(world, location={"latitude": 51.5, "longitude": -0.12, "accuracy_m": 20})
    await drain(worker(mailbox))
    details = {
        "sex": "F",
        "ethnicity": "WBRI",
        "child_code": "JADE1",
        "looked_after": True,
        "legal_name": "Jade Mensah",
        "placement_address": "12 Elm Road",
    }
    assert (
        await world.sam.client.put(f"/api/young-people/{world.young['jade']}/details", json=details)
    ).is_success
    assert (await world.priya.client.put("/api/auth/me/phone", json={"phone": "07700 900123"})).is_success
    async with write_transaction():  # a notice's parameters may carry names
        await notify.send(to_user=world.priya.user_id, code=WELCOME, params={"young_person": "Jade"})
    await save_council_settings(
        world,
        rota=[
            {"social_worker_id": str(world.alex.user_id), "cover": "out_of_hours", "phone": "020 7946 0960"}
        ],
    )
    # A professional's reset link holds their new second factor until it is used.
    assert (await world.admin.client.post(f"/api/admin/users/{world.sam.user_id}/reset-link")).is_success
    await fill_interview_columns(world)
    # Jade's police-feedback link waits from the interviews' return (above); a card's is used.
    token = (await world.sam.client.post("/api/feedback/cards", json={"count": 1})).json()[0]["token"]
    await world.anonymous().post("/api/feedback/answers", json={"token": token, "words": "They listened."})
    agreed = {"quarter": "2026-Q4", "prompt": "not_listened", "text": "Share it."}
    assert (await world.ruth.client.post("/api/feedback/supervision", json=agreed)).status_code == 201
    await start_and_search_an_episode(world)
    await close_actions(world)
    await ask_and_answer_rights_requests(world, dan)


async def ask_and_answer_rights_requests(world, contact_phone) -> None:
    """Jade asks for a correction, which Sam gives more time with a reason; a contact asks
    to be forgotten (their name kept for Sam until they are)."""
    url = f"/api/young-people/{world.young['jade']}/rights-requests"
    asked = await world.jade.client.post(
        url, json={"what_is_wrong": "My school", "should_say": "Hill Academy"}
    )
    assert asked.status_code == 201, asked.text
    extend = {"outcome": "extended", "months": 1, "reason": "Asking the school"}
    assert (await world.sam.client.post(f"{url}/{asked.json()['id']}/answer", json=extend)).is_success
    assert (await contact_phone.post("/api/contact/forget-me")).status_code == 201


async def start_and_search_an_episode(world) -> None:
    """Episodes: the record, its timeline and a place claimed and checked with a note."""
    episode = (
        await world.priya.client.post(
            f"/api/young-people/{world.young['jade']}/episodes",
            json={"last_seen_at": now().isoformat(), "circumstances": "Not home from school"},
        )
    ).json()
    place = f"/api/episodes/{episode['id']}/places/{episode['places'][0]['id']}"
    assert (await world.priya.client.post(f"{place}/claim")).is_success
    assert (await world.priya.client.put(f"{place}/check", json={"note": "Not there"})).is_success
    report = {"reported_at": now().isoformat(), "cad_number": "CAD 42"}
    assert (await world.priya.client.post(f"/api/episodes/{episode['id']}/report", json=report)).is_success


async def close_actions(world) -> None:
    """A due action marked done with a note, and a strategy meeting recorded (Mia's: Jade
    is missing now)."""
    from backend import hooks
    from tests.api.actions_helpers import come_back, dashboard, go_missing, interview

    episode_id = await go_missing(world, "mia")
    await come_back(world, episode_id, "mia")
    await interview(world, hooks.Topic.INTERVIEW_HELD, episode_id, "mia", risk="high")
    actions = {a["kind"]: a for a in (await dashboard(world.alex))["actions"]}
    base = f"/api/young-people/{world.young['mia']}/actions"
    done = {"note": "Looked at it with Mia"}
    assert (await world.alex.client.post(f"{base}/{actions['review_plan']['id']}/done", json=done)).is_success
    meeting = {"held_on": now().date().isoformat(), "attended": "Alex, PC Jones", "decisions": "Check-ins"}
    meeting_url = f"{base}/{actions['high_risk_strategy_meeting']['id']}/meeting"
    assert (await world.alex.client.post(meeting_url, json=meeting)).is_success


def test_the_encrypted_columns_include_the_ones_rotation_once_missed():
    assert "Alert.location" in COLUMNS and "Delivery.address" in COLUMNS


@pytest.mark.parametrize("column", COLUMNS)
async def test_rotating_keys_reencrypts_so_the_old_key_can_be_dropped(
    world, push_service, mailbox, set_up_email, column
):
    set_up_email(mailbox)  # Lou, with no push, is reached by email
    await fill_every_encrypted_column(world, push_service, mailbox)
    old = _derived_key(get_settings().secret_key).decode()  # the key in use so far
    new = Fernet.generate_key().decode()
    before = read_back(column, old)
    assert before.returncode == 0, before.stderr
    count = int(before.stdout.split()[0])
    assert count > 0, f"no value in {column}: the test must fill it"

    rotate = subprocess.run(
        [sys.executable, "-m", "backend.cli", "rotate-data-keys"],
        env=homeward_env(f"{new},{old}"),
        capture_output=True,
        text=True,
    )
    assert rotate.returncode == 0, rotate.stderr
    assert "Re-encrypted" in rotate.stdout

    # With only the new key, every value in the column still reads, unchanged.
    after = read_back(column, new)
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout
    # And the old key alone no longer can.
    stale = read_back(column, old)
    assert stale.returncode != 0 and "HOMEWARD_DATA_KEYS" in stale.stderr
