"""GET /health: is this process able to reach its database?

A monitor (or a load balancer, every few seconds from each of its nodes) asks often, and
many at once should not each cost a database round trip: requests that arrive while a
check is running share its answer, and an answer is reused for `FRESH_FOR` seconds. So the
database is asked at most about once a second whatever the rate, and an outage shows
within a second."""

import asyncio
import time

from litestar import Response, get

from backend.db import check_database

FRESH_FOR = 1.0


class _Checked:
    at = float("-inf")
    ok = False
    running: asyncio.Task[bool] | None = None


async def database_reachable() -> bool:
    if time.monotonic() - _Checked.at < FRESH_FOR:
        return _Checked.ok
    running = _Checked.running
    if running is None or running.done() or running.get_loop() is not asyncio.get_running_loop():
        running = _Checked.running = asyncio.get_running_loop().create_task(_check())
    return await asyncio.shield(running)


async def _check() -> bool:
    ok = await check_database()
    _Checked.at, _Checked.ok = time.monotonic(), ok
    return ok


@get("/health", tags=["health"], include_in_schema=True)
async def health() -> Response[dict]:
    if await database_reachable():
        return Response({"status": "ok", "database": "ok"})
    return Response({"status": "unhealthy", "database": "unreachable"}, status_code=503)
