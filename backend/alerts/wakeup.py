"""How a worker learns there is something to send: a bell it waits on.

`Bell` is rung in this process (the app rings it after a commit that gave the worker
work). `PostgresBell` also LISTENs on a connection of its own, so a NOTIFY from any
process's transaction rings it: a `homeward worker` apart from the app hears of a new
alert at once instead of polling for it. When that connection drops, the worker polls
until it can LISTEN again.
"""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg

from backend.alerts.outbox import CHANNEL
from backend.db import listen, stop_listening

log = logging.getLogger("homeward.worker")


class Bell:
    hears_other_processes = False

    def __init__(self) -> None:
        self._rung = asyncio.Event()

    def ring(self) -> None:
        self._rung.set()

    async def start(self) -> None:
        """Begin listening (nothing to do for a bell in one process)."""

    async def wait(self, seconds: float) -> None:
        """Until rung, or `seconds` have passed; a ring while the worker was busy counts."""
        if seconds > 0 and not self._rung.is_set():
            try:
                await asyncio.wait_for(self._rung.wait(), seconds)
            except TimeoutError:
                pass
        self._rung.clear()

    async def close(self) -> None:
        """Stop listening."""


class PostgresBell(Bell):
    RETRY_SECONDS = 5.0

    def __init__(self, dsn: str) -> None:
        super().__init__()
        self.dsn = dsn
        self._connection: asyncpg.Connection | None = None
        self._next_try = 0.0

    @property
    def hears_other_processes(self) -> bool:  # type: ignore[override]
        return self._connection is not None and not self._connection.is_closed()

    async def start(self) -> None:
        await self._listen()

    async def _listen(self) -> None:
        try:
            connection = await listen(self.dsn, CHANNEL, self._heard, self._lost)
        except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
            log.warning("cannot LISTEN for new alerts (%s); polling instead", exc)
            self._next_try = time.monotonic() + self.RETRY_SECONDS
            return
        self._connection = connection
        log.info("listening for new alerts")
        self.ring()  # whatever was committed while nobody was listening

    def _heard(self, *_args) -> None:
        self.ring()

    def _lost(self, _connection) -> None:
        log.warning("lost the LISTEN connection; polling until it is back")
        self._connection = None
        self._next_try = time.monotonic() + self.RETRY_SECONDS
        self.ring()

    async def wait(self, seconds: float) -> None:
        if not self.hears_other_processes and time.monotonic() >= self._next_try:
            await self._listen()
        await super().wait(seconds)

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        await stop_listening(connection, self._lost)


def bell_for(database_url: str) -> Bell:
    """The bell that hears every process that can share this database."""
    if database_url.startswith(("postgres://", "postgresql://")):
        return PostgresBell(database_url)
    return Bell()
