"""Periodic jobs: `every(name, period, job)` registers one; `run(stop)` runs them.

Domains' jobs are registered in backend/wiring.py `connect()`; the app's lifespan (with
the in-process worker) and `homeward worker` run them. Each job runs about once per
period, one after another; a job that raises is logged and tried again next period, and
never stops the others or the loop. Several processes may run the same jobs, so a job
must be idempotent (claim rows, or write nothing twice). Tests call a job's function
directly after moving the clock (backend.clock.travel).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger("homeward.background")

Job = Callable[[], Awaitable[object]]
# However short the periods, the loop checks this often at most.
MIN_SLEEP_SECONDS = 0.05


@dataclass
class _Entry:
    name: str
    period: dt.timedelta
    job: Job
    due: float = 0.0  # time.monotonic() when it next runs; 0: at once


class Schedule:
    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def every(self, name: str, period: dt.timedelta, job: Job) -> None:
        """Run `job()` about every `period`. The same name again replaces the job (so
        calling wiring.connect() twice registers nothing twice)."""
        if period <= dt.timedelta(0):
            raise ValueError("a period must be longer than nothing")
        self._entries[name] = _Entry(name, period, job)

    def names(self) -> list[str]:
        return list(self._entries)

    def forget(self, name: str) -> None:
        self._entries.pop(name, None)

    async def run_due(self) -> int:
        """Run every job that is due now; returns how many ran (failed ones included)."""
        ran = 0
        for entry in list(self._entries.values()):
            started = time.monotonic()
            if started < entry.due:
                continue
            entry.due = started + entry.period.total_seconds()
            ran += 1
            try:
                await entry.job()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background job %s failed; trying again in %s", entry.name, entry.period)
        return ran

    def _sleep_seconds(self) -> float:
        if not self._entries:
            return 1.0
        soonest = min(entry.due for entry in self._entries.values())
        return max(MIN_SLEEP_SECONDS, soonest - time.monotonic())

    async def run(self, stop: asyncio.Event) -> None:
        """Until `stop` is set (the job in hand finishes first)."""
        while not stop.is_set():
            try:
                await self.run_due()
            except Exception:  # a bug here must not end the jobs for good
                log.exception("background loop failed; going on")
            try:
                await asyncio.wait_for(stop.wait(), self._sleep_seconds())
            except TimeoutError:
                pass


_schedule = Schedule()


def every(name: str, period: dt.timedelta, job: Job) -> None:
    """Register a periodic job (see the module docstring)."""
    _schedule.every(name, period, job)


def names() -> list[str]:
    return _schedule.names()


def forget(name: str) -> None:
    """Stop running a job (tests that registered one of their own)."""
    _schedule.forget(name)


async def run(stop: asyncio.Event) -> None:
    """Run the registered jobs until `stop` is set."""
    await _schedule.run(stop)
