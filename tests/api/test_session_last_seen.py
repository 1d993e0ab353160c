"""A session's "last seen" is written at most once a minute, so a read is not a write
each time; "where you are signed in" still shows when each phone was last used."""

from __future__ import annotations

import datetime as dt

from backend import clock

SESSIONS = "/api/auth/sessions"


async def last_seen(person) -> dt.datetime:
    rows = (await person.client.get(SESSIONS)).json()
    [current] = [row for row in rows if row["current"]]
    return dt.datetime.fromisoformat(current["last_seen_at"])


async def test_last_seen_moves_at_most_once_a_minute(world):
    first = await last_seen(world.sam)
    clock.travel(dt.timedelta(seconds=30))
    assert (await world.sam.client.get("/api/auth/me")).status_code == 200
    assert await last_seen(world.sam) == first  # half a minute later: not written again
    clock.travel(dt.timedelta(seconds=31))
    assert (await world.sam.client.get("/api/auth/me")).status_code == 200
    later = await last_seen(world.sam)
    assert dt.timedelta(seconds=60) < later - first < dt.timedelta(seconds=63)
