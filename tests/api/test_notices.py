"""Notices: sent by a domain inside its own transaction, seen only by the person they
are for (in their words and language), marked read by them alone, and pushed to their
phones through the push service stand-in after commit."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from backend import clock
from backend.db import write_transaction
from backend.notify import api as notify
from backend.notify import words as notify_words
from backend.push import api as push
from backend.words import wording
from tests.api.alerts_helpers import subscribe_user

# A notice code as a calling domain declares it (English only: a test's words).
ABOUT = wording(
    "test.notice.about", you="there is news about you", adult="there is news about {young_person}"
)
WELCOME_AR = "هنا يخبرك Homeward عندما يحتاجك شيء."


async def send(to, code=ABOUT, **extra) -> None:
    async with write_transaction():
        await notify.send(to_user=to.user_id, code=code, **extra)


async def notices(person) -> dict:
    reply = await person.client.get("/api/notices")
    assert reply.status_code == 200, reply.text
    return reply.json()


async def test_a_notice_is_listed_for_its_recipient_only_in_their_words(world):
    jade = world.young["jade"]
    await send(world.priya, young_person_id=jade, link=f"#/young-people/{jade}")
    await send(world.jade, young_person_id=jade, link="#/plan")
    mine = await notices(world.priya)
    assert mine["unread"] == 1
    (notice,) = mine["notices"]
    assert notice["text"] == "there is news about Jade"
    assert notice["link"] == f"#/young-people/{jade}"
    assert notice["young_person_id"] == str(jade) and notice["read_at"] is None
    assert notice["can"] == ["mark_read"]
    # The young person it is about reads "you".
    assert [n["text"] for n in (await notices(world.jade))["notices"]] == ["there is news about you"]
    # Nobody else sees either.
    for person in (world.sam, world.olu, world.mia, world.admin):
        assert await notices(person) == {"notices": [], "unread": 0}


async def test_notices_are_newest_first_and_in_the_readers_language(world):
    await send(world.priya, young_person_id=world.young["jade"])
    clock.travel(dt.timedelta(minutes=1))
    await send(world.priya, code=notify_words.WELCOME)
    chosen = await world.priya.client.put("/api/auth/me/language", json={"language": "ar"})
    assert chosen.status_code == 200, chosen.text
    newest, older = (await notices(world.priya))["notices"]
    assert newest["text"] == WELCOME_AR
    assert newest["code"] == "notify.welcome" and older["code"] == "test.notice.about"


async def test_the_same_once_key_is_kept_once_per_person(world):
    for _ in range(3):
        await send(world.priya, once_key="action:1:overdue")
    await send(world.sam, once_key="action:1:overdue")  # someone else: their own
    await send(world.priya, once_key="action:2:overdue")
    assert len((await notices(world.priya))["notices"]) == 2
    assert len((await notices(world.sam))["notices"]) == 1


async def test_two_changes_sending_the_same_notice_at_once_both_commit_and_it_is_kept_once(world):
    """The once_key is kept by the database (ON CONFLICT DO NOTHING), not by a check
    that a transaction running at the same moment cannot see: neither change fails."""
    import asyncio

    results = await asyncio.gather(
        *[send(world.priya, once_key="plan:1:review") for _ in range(4)], return_exceptions=True
    )
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert len((await notices(world.priya))["notices"]) == 1


async def test_a_notice_rolls_back_with_the_change_that_sent_it(world):
    with pytest.raises(RuntimeError):
        async with write_transaction():
            await notify.send(to_user=world.priya.user_id, code=ABOUT, once_key="k")
            raise RuntimeError("the caller's change failed")
    assert (await notices(world.priya))["notices"] == []
    await send(world.priya, once_key="k")  # the key was never used
    assert len((await notices(world.priya))["notices"]) == 1


async def test_a_code_without_words_or_a_link_elsewhere_is_refused(world):
    with pytest.raises(ValueError, match="wording"):
        await send(world.priya, code="nobody.declared.this")
    for link in ("https://evil.example/", "javascript:alert(1)", "#/a?b=<c>"):
        with pytest.raises(ValueError, match="hash route"):
            await send(world.priya, link=link)
    assert (await notices(world.priya))["notices"] == []


async def test_the_recipient_marks_a_notice_read(world):
    await send(world.priya)
    await send(world.priya)
    first = (await notices(world.priya))["notices"][0]
    reply = await world.priya.client.post(f"/api/notices/{first['id']}/read")
    assert reply.status_code == 204, reply.text
    mine = await notices(world.priya)
    assert mine["unread"] == 1
    read = next(n for n in mine["notices"] if n["id"] == first["id"])
    assert read["read_at"] is not None and read["can"] == []
    # Again: still read, still the first time it was read.
    assert (await world.priya.client.post(f"/api/notices/{first['id']}/read")).status_code == 204
    again = next(n for n in (await notices(world.priya))["notices"] if n["id"] == first["id"])
    assert again["read_at"] == read["read_at"]


async def test_a_stranger_cannot_mark_someone_elses_notice_and_is_told_it_does_not_exist(world):
    await send(world.priya, young_person_id=world.young["jade"])
    (notice,) = (await notices(world.priya))["notices"]
    for stranger in (world.sam, world.olu, world.jade, world.admin):
        refused = await stranger.client.post(f"/api/notices/{notice['id']}/read")
        missing = await stranger.client.post(f"/api/notices/{uuid.uuid4()}/read")
        assert refused.status_code == 404
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json() == missing.json()
    assert (await notices(world.priya))["unread"] == 1


async def test_a_bad_notice_id_is_a_problem_and_changes_nothing(world):
    await send(world.priya)
    for bad in ("not-an-id", "1", "%00"):
        reply = await world.priya.client.post(f"/api/notices/{bad}/read")
        assert 400 <= reply.status_code < 500
        assert reply.headers["content-type"] == "application/problem+json"
    assert (await notices(world.priya))["unread"] == 1


async def test_signed_out_gets_no_notices(world):
    reply = await world.anonymous().get("/api/notices")
    assert reply.status_code == 401
    assert reply.headers["content-type"] == "application/problem+json"


# -- pushes ------------------------------------------------------------------------------


async def test_a_notice_is_pushed_after_commit_to_each_phone_of_its_recipient(world, push_service):
    phone = await subscribe_user(world.priya, push_service)
    sams = await subscribe_user(world.sam, push_service)
    jade = world.young["jade"]
    await send(world.priya, young_person_id=jade, link=f"#/young-people/{jade}")
    assert push_service.notifications(phone) == []  # the job sends it, not the request
    assert await notify.deliver_pushes() == 1
    (notice,) = (await notices(world.priya))["notices"]
    (payload,) = push_service.notifications(phone, as_json=True)
    assert payload == {"type": "notice", "notice_id": notice["id"], "link": f"#/young-people/{jade}"}
    # Nothing about anyone on a lock screen.
    assert "Jade" not in json.dumps(payload)
    assert push_service.notifications(sams) == []
    # Sent once: the next run has nothing to do.
    assert await notify.deliver_pushes() == 0
    assert len(push_service.notifications(phone)) == 1


async def test_pushes_sent_are_forgotten_after_a_week_and_the_notice_stays(world, push_service):
    await subscribe_user(world.priya, push_service)
    await send(world.priya)
    await notify.deliver_pushes()
    assert await notify.tidy_pushes() == 0
    clock.travel(dt.timedelta(days=8))
    assert await notify.tidy_pushes() == 1
    assert (await notices(world.priya))["unread"] == 1


async def test_with_no_phone_the_notice_is_still_listed(world, push_service):
    await send(world.priya)
    assert await notify.deliver_pushes() == 0
    assert (await notices(world.priya))["unread"] == 1


async def test_a_push_service_error_is_tried_again_later(world, push_service):
    phone = await subscribe_user(world.priya, push_service)
    push_service.fail_next(1, 500)
    await send(world.priya)
    assert await notify.deliver_pushes() == 1
    assert push_service.notifications(phone) == []
    assert await notify.deliver_pushes() == 0  # not yet: it backs off
    clock.travel(dt.timedelta(minutes=2))
    assert await notify.deliver_pushes() == 1
    assert len(push_service.notifications(phone)) == 1


async def test_a_gone_phone_is_forgotten_and_the_notice_stays(world, push_service):
    phone = await subscribe_user(world.priya, push_service)
    push_service.expire(phone)
    await send(world.priya)
    await notify.deliver_pushes()
    assert not await push.has_any(user_id=world.priya.user_id)
    assert await notify.deliver_pushes() == 0
    assert (await notices(world.priya))["unread"] == 1


async def test_homeward_worker_runs_the_push_job(world, push_service):
    """The background runner in `homeward worker` (a process of its own) sends it."""
    from tests.api.test_alerts_workers import start_worker, stop, until

    phone = await subscribe_user(world.priya, push_service)
    await send(world.priya, link="#/notices")
    worker = start_worker()
    try:
        arrived = await until(lambda: _notifications(push_service, phone), seconds=20)
    finally:
        stop(worker)
    assert [p["link"] for p in arrived] == ["#/notices"]
    assert worker.returncode == 0


async def _notifications(push_service, phone):
    return push_service.notifications(phone, as_json=True)


async def test_an_app_process_runs_the_push_job_in_its_lifespan(world, push_service):
    """`homeward serve` (with its in-process worker, the default) sends it too."""
    import os
    import socket
    import subprocess
    import sys

    import httpx

    from backend.config import get_settings
    from tests.api.test_alerts_crash import _database_url
    from tests.api.test_alerts_workers import stop, until

    phone = await subscribe_user(world.priya, push_service)
    await send(world.priya, link="#/notices")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = get_settings()
    env = {
        **os.environ,
        "HOMEWARD_DATABASE_URL": _database_url(),
        "HOMEWARD_DATA_DIR": str(settings.data_dir),
        "HOMEWARD_BASE_URL": settings.base_url,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        arrived = await until(lambda: _notifications(push_service, phone), seconds=30)
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"http://127.0.0.1:{port}/health")).status_code == 200
    finally:
        stop(server)
    assert [p["link"] for p in arrived] == ["#/notices"]
