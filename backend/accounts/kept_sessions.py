"""Sessions looked up a moment ago, kept in this process's memory on PostgreSQL, so a
signed-in request costs one round trip to the database instead of two (issue 13: on
PostgreSQL each round trip costs this process more CPU than the rest of a plan read).

Nothing stale may ever let someone in: a session signed out, revoked, moved or expired,
or an account stopped, must be refused on the very next request. So a kept session is
used only while all of these hold, and the database is asked otherwise:

- this process is LISTENing on `CHANNEL`, where a trigger (migration
  accounts_2026_11_30t05_15_00) NOTIFYs after any statement that revokes, changes or
  deletes a session, or changes what an account may do (role, name, council, active,
  language) or deletes it, in any process (a CLI command, `homeward worker`, another app
  process). PostgreSQL delivers the notification when that transaction commits. While
  the connection is down nothing is kept; when it is back, what was kept before is not used;
- no `write_transaction()` has ended in this process since the lookup began
  (`db.writes_ended`): a sign-out or a stopped account here holds for the next request
  without waiting for the notification to come back;
- it was looked up less than `KEEP_SECONDS` ago (a notification lost on a connection
  that died without saying so is covered within that time).

A lookup takes its stamp (notifications heard, writes ended) before its statement runs
and is kept only if the stamp has not moved when the row comes back, so a lookup that
raced a change is never kept. What is kept is the session's row: the checks on it
(revoked, expired, account active) run on every request as before.

SQLite keeps nothing here: one process writes, and a lookup there is a read on the
event loop's own connection, cheap already.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from typing import Any

import asyncpg

from backend.db import listen, stop_listening, writes_ended
from backend.kept import also_forget

log = logging.getLogger("homeward.sessions")

CHANNEL = "homeward_sessions"
KEEP_SECONDS = 5.0
MOST_KEPT = 4096
RETRY_SECONDS = 2.0

Stamp = tuple[int, int]


class KeptSessions:
    def __init__(self) -> None:
        # Every row here was looked up under `_stamp` (a new stamp empties it).
        self._rows: OrderedDict[str, tuple[float, dict[str, Any]]] = OrderedDict()
        self._stamp: Stamp | None = None
        self._heard = 0  # notifications heard, connections made and lost
        self._connection: asyncpg.Connection | None = None
        self.hits = 0
        also_forget(self._rows.clear)  # after an erasure here: no name left in memory

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def listening(self) -> bool:
        return self._connection is not None and not self._connection.is_closed()

    def stamp(self) -> Stamp | None:
        """What must be unchanged for a row looked up now to be used later (None: keep nothing)."""
        if not self.listening:
            return None
        return (self._heard, writes_ended())

    def get(self, session_id: str) -> dict[str, Any] | None:
        if not self._rows:
            return None
        if self._stamp != self.stamp():
            self._rows.clear()  # none of them can be used again
            return None
        found = self._rows.get(session_id)
        if found is None:
            return None
        kept_at, row = found
        if time.monotonic() - kept_at >= KEEP_SECONDS:
            del self._rows[session_id]
            return None
        self.hits += 1
        return row

    def put(self, session_id: str, row: dict[str, Any], stamp: Stamp | None) -> None:
        """Keep `row`, looked up under `stamp`, if nothing has changed since."""
        if stamp is None or stamp != self.stamp():
            return
        if stamp != self._stamp:
            self._rows.clear()
            self._stamp = stamp
        self._rows[session_id] = (time.monotonic(), row)
        self._rows.move_to_end(session_id)
        while len(self._rows) > MOST_KEPT:
            self._rows.popitem(last=False)

    def forget(self) -> None:
        self._heard += 1
        self._rows.clear()

    async def keep_listening(self, dsn: str, stop: asyncio.Event) -> None:
        """LISTEN until `stop` is set, connecting again within `RETRY_SECONDS` whenever the
        connection is down (the app's lifespan runs this on PostgreSQL)."""
        try:
            while not stop.is_set():
                if not self.listening:
                    await self._listen(dsn)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), RETRY_SECONDS)
        finally:
            await self.close()

    async def _listen(self, dsn: str) -> None:
        try:
            connection = await listen(dsn, CHANNEL, self._heard_change, self._connection_lost)
        except Exception as exc:  # whatever it was, requests ask the database meanwhile
            log.warning("cannot LISTEN for session changes (%s); every request asks the database", exc)
            return
        self.forget()  # whatever changed while nobody listened
        self._connection = connection

    def _heard_change(self, *_args: object) -> None:
        self.forget()

    def _connection_lost(self, _connection: object) -> None:
        log.warning("lost the LISTEN connection for session changes; every request asks the database")
        self._connection = None
        self.forget()

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        self.forget()
        await stop_listening(connection, self._connection_lost)


KEPT = KeptSessions()
"""This process's kept sessions (one app per process)."""
