"""Real `homeward worker` processes: each send is recorded as it returns, a worker
killed with SIGKILL is taken over within seconds (not when its 30-second lease runs
out), any host name works, and on PostgreSQL a worker apart from the app LISTENs for
new alerts instead of polling for them, and polls while its connection is down."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import asyncpg
import pytest

from backend.alerts.schemas import DeliveryState
from backend.alerts.tables import Delivery, OutboxWorker
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import is_sqlite
from tests.api.alerts_helpers import active_contact, send_alert, subscribe_contact
from tests.api.test_alerts_crash import _database_url

HELD_MS = 60_000  # a send the push service holds this long, then answers 500

# Runs the worker as `homeward worker` does, on a machine with another host name.
AS_HOST = """
import socket, sys
name = sys.argv[1]
socket.gethostname = lambda: name
from backend.cli import main
sys.exit(main(["worker"]))
"""


def start_worker(host: str | None = None) -> subprocess.Popen:
    settings = get_settings()
    env = {
        **os.environ,
        "HOMEWARD_DATABASE_URL": _database_url(),
        "HOMEWARD_DATA_DIR": str(settings.data_dir),
        "HOMEWARD_BASE_URL": settings.base_url,
    }
    command = (
        [sys.executable, "-c", AS_HOST, host] if host else [sys.executable, "-m", "backend.cli", "worker"]
    )
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert "worker running" in process.stdout.readline()
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


async def until(check, seconds: float, every: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = await check()
        if found:
            return found
        await asyncio.sleep(every)
    return await check()


async def states() -> list[str]:
    return [row["state"] for row in await Delivery.select(Delivery.state)]


async def test_each_send_is_recorded_as_it_returns_so_a_crash_resends_only_what_was_in_flight(
    world, push_service
):
    lou, dan = await active_contact(world, "Lou"), await active_contact(world, "Dan")
    subs = [await subscribe_contact(lou, push_service), await subscribe_contact(dan, push_service)]
    push_service.fail_next(1, 500, delay_ms=HELD_MS)  # one of the two is held; the other goes
    first = start_worker()
    try:
        await send_alert(world)
        # One send came back while the other is still held: it is written down now, not
        # when the whole batch is done.
        sent = await until(lambda: _count(DeliveryState.SENT), 20)
        assert sent == 1, await states()
        assert await until(lambda: _arrived(push_service, subs, 2), 10)  # the held one is in
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    second = start_worker()
    try:
        await until(lambda: _all_notified(push_service, subs), 40)
        await asyncio.sleep(1.5)  # time for a duplicate to show up, if there were one
        assert [len(push_service.notifications(sub)) for sub in subs] == [1, 1]
    finally:
        stop(second)


async def _count(state: str) -> int:
    return await Delivery.count().where(Delivery.state == state)


async def _arrived(push_service, subs, count: int) -> bool:
    seen = push_service.received()
    return sum(seen.get(sub["endpoint"], {}).get("arrived", 0) for sub in subs) >= count


async def _all_notified(push_service, subs) -> bool:
    return all(push_service.notifications(sub) for sub in subs)


async def test_a_killed_workers_claim_is_taken_over_long_before_its_lease_runs_out(world, push_service):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    push_service.fail_next(1, 500, delay_ms=HELD_MS)  # it claims, sends, and waits
    first = start_worker()
    try:
        await send_alert(world)
        claimed = await until(
            lambda: (
                Delivery.select(Delivery.claimed_until).where(Delivery.state == DeliveryState.SENDING).first()
            ),
            20,
        )
        assert claimed, await states()
        assert await until(lambda: _arrived(push_service, [sub], 1), 10)  # held at the push service
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    killed_at = time.monotonic()
    second = start_worker()
    try:
        assert await until(lambda: _all_notified(push_service, [sub]), 40)
        taken_over_in = time.monotonic() - killed_at
        lease_left = (as_utc(claimed["claimed_until"]) - _wall_now()).total_seconds()
        assert lease_left > 0, f"sent only after the lease ran out ({taken_over_in:.1f} s)"
        assert taken_over_in < 20
        await asyncio.sleep(1.5)
        assert len(push_service.notifications(sub)) == 1
    finally:
        stop(second)


def _wall_now():
    import datetime as dt

    return dt.datetime.now(dt.UTC)


async def test_a_worker_on_a_host_with_a_long_name_sends_alerts(world, push_service):
    host = "h" * 56 + ".example"  # 64 characters: claims once failed on PostgreSQL past ~28
    assert len(host) == 64
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    process = start_worker(host)
    try:
        await send_alert(world)
        assert await until(lambda: _all_notified(push_service, [sub]), 20), process
    finally:
        stop(process)
    (row,) = await Delivery.select(Delivery.state, Delivery.claimed_by)
    assert row["state"] == DeliveryState.SENT and len(row["claimed_by"]) == 36  # an id
    assert await OutboxWorker.count() == 0  # it signed off when it stopped


# -- LISTEN/NOTIFY (PostgreSQL) ---------------------------------------------------------


async def _listener_pid() -> int | None:
    connection = await asyncpg.connect(os.environ["HOMEWARD_DATABASE_URL"])
    try:
        return await connection.fetchval(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND query LIKE 'LISTEN %homeward_outbox%' AND pid <> pg_backend_pid()"
        )
    finally:
        await connection.close()


async def _terminate(pid: int) -> None:
    connection = await asyncpg.connect(os.environ["HOMEWARD_DATABASE_URL"])
    try:
        await connection.execute("SELECT pg_terminate_backend($1)", pid)
    finally:
        await connection.close()


async def test_a_worker_apart_from_the_app_listens_and_polls_while_its_connection_is_down(
    world, push_service
):
    if is_sqlite():
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; on SQLite the app runs its own worker")
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    process = start_worker()
    try:
        listener = await until(_listener_pid, 15)
        assert listener, "the worker is not listening for new alerts"
        alert = None
        for count in (1, 2):  # twice: once could be a lucky poll
            if alert:
                await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
            await asyncio.sleep(6 if count == 1 else 3)  # idle, as long as it would wait between polls
            sent_at = time.monotonic()
            alert = await send_alert(world)
            assert await until(lambda n=count: _notified(push_service, sub, n), 10, every=0.02)
            assert time.monotonic() - sent_at < 1.5  # woken by the NOTIFY of the alert's own transaction

        await _terminate(listener)
        await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
        await send_alert(world)  # a new alert while it cannot hear: polling still finds it
        assert await until(lambda: _notified(push_service, sub, 3), 10)
        relistening = await until(_listener_pid, 20)
        assert relistening and relistening != listener
    finally:
        stop(process)


async def _notified(push_service, sub, count: int) -> bool:
    return len(push_service.notifications(sub)) >= count
