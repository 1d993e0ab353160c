"""The current time, in one place, so tests (and later escalation timers) can move it."""

from __future__ import annotations

import datetime as dt

_offset = dt.timedelta(0)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC) + _offset


def travel(delta: dt.timedelta) -> None:
    """Move this process's clock forward (tests only; nothing in the app calls it)."""
    global _offset
    _offset += delta


def reset() -> None:
    global _offset
    _offset = dt.timedelta(0)


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive or offset datetimes; make every one aware UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
