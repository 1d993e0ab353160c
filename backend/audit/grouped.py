"""Group commit for audit rows written outside a transaction (reads, most refusals).

A read is answered only once its audit row is durable. Committing each row on its own
costs one fsync per read, and on SQLite every commit waits for the single writer. Here
rows that arrive while a commit is in flight wait for the next one, and that commit
writes all of them in one transaction (one multi-row INSERT): one fsync for many reads,
with no added wait when the database is idle (the first row is committed at once).

The guarantee is unchanged: `add()` returns only after the row's own transaction has
committed, and raises if it failed, so no response goes out for a read whose row is not
stored, and a crash loses only rows of requests not yet answered.
"""

from __future__ import annotations

import asyncio
import contextvars
import weakref

from backend.audit import sql
from backend.db import write_alone

# Rows per INSERT: 9 parameters a row stays far below SQLite's limit on parameters.
MOST_PER_COMMIT = 200


class GroupCommit:
    """The rows waiting for a commit, and the one task (per event loop) committing them."""

    def __init__(self) -> None:
        self.waiting: list[tuple[dict, asyncio.Future[None]]] = []
        self.committer: asyncio.Task[None] | None = None

    async def add(self, row: dict) -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self.waiting.append((row, done))
        if self.committer is None or self.committer.done():
            # A context of its own: the committer must not join a caller's transaction.
            self.committer = loop.create_task(self._commit_all(), context=contextvars.Context())
        # Shielded: a request cancelled while waiting (the client went away) leaves its
        # row to be committed with the others rather than pulling it out half way.
        await asyncio.shield(done)

    async def _commit_all(self) -> None:
        while self.waiting:
            batch = self.waiting[:MOST_PER_COMMIT]
            del self.waiting[:MOST_PER_COMMIT]
            try:
                rows = [row for row, _ in batch]
                # One multi-row INSERT: atomic on its own, one round trip on PostgreSQL.
                await write_alone(sql.new_events(len(rows)), **sql.params_of(rows))
            except Exception as exc:
                _answer(batch, exc)
            except BaseException:
                # Stopped (the loop is closing): nobody waiting may think their row is stored.
                stopped, self.waiting = batch + self.waiting, []
                _answer(stopped, RuntimeError("the audit log's commit was stopped"))
                raise
            else:
                _answer(batch, None)


def _answer(batch: list[tuple[dict, asyncio.Future[None]]], exc: Exception | None) -> None:
    for _, done in batch:
        if done.done():
            continue
        if exc is None:
            done.set_result(None)
        else:
            done.set_exception(exc)


_per_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, GroupCommit] = weakref.WeakKeyDictionary()


def group_commit() -> GroupCommit:
    loop = asyncio.get_running_loop()
    group = _per_loop.get(loop)
    if group is None:
        group = _per_loop[loop] = GroupCommit()
    return group
