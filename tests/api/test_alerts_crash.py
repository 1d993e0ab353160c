"""Nothing lost, nothing twice: a worker killed with SIGKILL, and a dead worker's lease."""

import asyncio
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time

import asyncpg

from backend import clock
from backend.alerts.tables import Delivery
from backend.config import get_settings
from backend.db import get_engine, is_sqlite
from tests.api.alerts_helpers import active_contact, send_alert, subscribe_contact, worker


def _database_url() -> str:
    engine = get_engine()
    if is_sqlite(engine):
        return f"sqlite:///{engine.path}"
    return os.environ["HOMEWARD_DATABASE_URL"]


def _start_worker() -> subprocess.Popen:
    settings = get_settings()
    env = {
        **os.environ,
        "HOMEWARD_DATABASE_URL": _database_url(),
        "HOMEWARD_DATA_DIR": str(settings.data_dir),
        "HOMEWARD_BASE_URL": settings.base_url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert "worker running" in process.stdout.readline()
    return process


class DeliveryLock:
    """Hold the delivery table so a worker cannot get past its claim."""

    async def __aenter__(self):
        engine = get_engine()
        if is_sqlite(engine):
            self.sqlite = sqlite3.connect(engine.path, isolation_level=None)
            self.sqlite.execute("BEGIN IMMEDIATE")
        else:
            self.pg = await asyncpg.connect(os.environ["HOMEWARD_DATABASE_URL"])
            self.transaction = self.pg.transaction()
            await self.transaction.start()
            await self.pg.execute("LOCK TABLE delivery IN ACCESS EXCLUSIVE MODE")
        return self

    async def __aexit__(self, *exc):
        if hasattr(self, "sqlite"):
            self.sqlite.execute("ROLLBACK")
            self.sqlite.close()
        else:
            await self.transaction.rollback()
            await self.pg.close()


async def test_worker_killed_after_commit_and_before_sending_delivers_once_after_restart(world, push_service):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    await send_alert(world)  # committed with its outbox rows; nothing sent yet
    async with DeliveryLock():
        first = _start_worker()
        await asyncio.sleep(1.5)  # it is waiting for the lock, mid-claim
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert push_service.notifications(sub) == []
    second = _start_worker()
    try:
        deadline = time.monotonic() + 15
        while not push_service.notifications(sub) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.5)  # time for a duplicate to show up, if there were one
        assert len(push_service.notifications(sub)) == 1
    finally:
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=15) == 0  # finishes its batch and stops cleanly
    assert push_service.received()[sub["endpoint"]]["arrived"] == 1


async def test_a_dead_workers_claim_is_sent_once_when_its_lease_runs_out(world, push_service):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    await send_alert(world)
    dead = worker()
    claimed = await dead.claim(clock.now())  # ...and then it died without sending
    assert len(claimed) == 1
    alive = worker()
    assert await alive.run_once() == 0  # the lease still holds: not sent twice
    assert push_service.notifications(sub) == []
    clock.travel(dt.timedelta(seconds=31))
    assert await alive.run_once() == 1
    assert len(push_service.notifications(sub)) == 1
    row = await Delivery.select(Delivery.state, Delivery.attempts).first()
    assert row == {"state": "sent", "attempts": 2}
