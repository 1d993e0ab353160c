"""Failed sign-in counting, kept in the database so every process shares it."""

from __future__ import annotations

import datetime as dt

from backend.accounts.tables import Throttle
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import TooManyAttempts


def _limit(key: str) -> int:
    settings = get_settings()
    if key.startswith("account:"):
        return settings.login_max_failures_per_account
    return settings.login_max_failures_per_address


async def check(keys: list[str], now: dt.datetime) -> None:
    """Refuse (429) while any key has used up its failures in the current window."""
    window = dt.timedelta(minutes=get_settings().login_window_minutes)
    rows = await Throttle.select().where(Throttle.key.is_in(keys))
    for row in rows:
        ends = as_utc(row["window_started_at"]) + window
        if now < ends and row["failures"] >= _limit(row["key"]):
            raise TooManyAttempts(int((ends - now).total_seconds()) + 1)


async def record_failure(keys: list[str], now: dt.datetime) -> None:
    window = dt.timedelta(minutes=get_settings().login_window_minutes)
    async with write_transaction():
        rows = {r["key"]: r for r in await Throttle.select().where(Throttle.key.is_in(keys))}
        for key in keys:
            row = rows.get(key)
            if row is None:
                await Throttle.insert(Throttle(key=key, failures=1, window_started_at=now))
            elif now >= as_utc(row["window_started_at"]) + window:
                await Throttle.update(failures=1, window_started_at=now).where(Throttle.key == key)
            else:
                await Throttle.update(failures=Throttle.failures + 1).where(Throttle.key == key)


async def clear(key: str) -> None:
    async with write_transaction():
        await Throttle.delete().where(Throttle.key == key)
