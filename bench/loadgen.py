"""A small HTTP/1.1 load generator for the bench scripts, run as its own process.

Two modes, each printing one JSON line:

- `rate`: open loop. Requests are due at a fixed rate whatever the server does (like
  wrk2), each latency counted from when the request was *due*, so a slow server cannot
  hide its queue by slowing the sender down (no coordinated omission). A request whose
  connections are all busy opens a new one rather than waiting. It also reports how late
  it sent (`send_lag_*`): if that grows, the generator did not keep up and the figures
  are not the server's. When the server falls more than `--max-behind` seconds behind
  (it cannot keep the rate at all) it stops early and says so: the percentiles are then
  lower bounds, with the unanswered requests counted at the age they had reached.
- `max`: closed loop, N connections each sending as soon as the last answer came: the
  fallback for most requests per second when `wrk` is not installed (it needs much more
  CPU per request than wrk, so on a fast route it can be the bottleneck; say so).

Plain asyncio streams (and uvloop when installed), no HTTP library: httpx needs several
times the CPU per request, which on a 2-core machine comes out of the server's share.

Usage: python bench/loadgen.py rate|max URL [--rate R] [--seconds S] [--connections N]
       [--header 'Name: value' ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from urllib.parse import urlsplit


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def exchange(self, request: bytes) -> int:
        """Send one request, read the whole answer; returns the status code."""
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length, chunked, closing = 0, False, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                closing = True
        if chunked:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        if closing:
            raise ConnectionResetError("server closed the connection")
        return status


def build_request(url: str, headers: list[str]) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", *headers, "", ""]
    return parts.hostname or "127.0.0.1", parts.port or 80, "\r\n".join(lines).encode()


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def open_loop(url: str, headers: list[str], rate: float, seconds: float, max_behind: float) -> dict:
    host, port, request = build_request(url, headers)
    idle: list[Connection] = []
    latencies: list[float] = []
    lags: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    opened = 0
    pending: dict[asyncio.Task, float] = {}  # unanswered request -> when it was due

    async def connect() -> Connection:
        nonlocal opened
        opened += 1
        return Connection(*await asyncio.open_connection(host, port))

    # A few connections ready before the clock starts, as a phone would have one open.
    idle.extend([await connect() for _ in range(8)])

    def reusable() -> Connection | None:
        # The server closes a connection left idle for its keep-alive time (uvicorn: 5 s).
        while idle:
            connection = idle.pop()
            if not connection.reader.at_eof():
                return connection
            connection.writer.close()
        return None

    async def one(due: float) -> None:
        nonlocal errors
        lags.append(time.perf_counter() - due)
        connection = reusable()
        try:
            if connection is None:
                connection = await connect()
            status = await connection.exchange(request)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            if connection is not None:
                connection.writer.close()
            return
        latencies.append(time.perf_counter() - due)
        statuses[status] = statuses.get(status, 0) + 1
        idle.append(connection)

    total = int(rate * seconds)
    sent = 0
    saturated = False
    start = time.perf_counter()
    for index in range(total):
        due = start + index / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if len(pending) > rate * max_behind:
            # More than max_behind seconds of requests unanswered: the server cannot keep
            # this rate, and waiting for the queue to drain would only take longer.
            saturated = True
            break
        task = asyncio.create_task(one(due))
        pending[task] = due
        task.add_done_callback(lambda done: pending.pop(done, None))
        sent += 1
    sent_in = time.perf_counter() - start
    censored = 0
    if saturated:
        # Still unanswered: their latency is at least this long (so p50/p99 become lower bounds).
        now = time.perf_counter()
        for task, due in list(pending.items()):
            latencies.append(now - due)
            censored += 1
            task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for connection in idle:
        connection.writer.close()
    elapsed = time.perf_counter() - start
    ms = [value * 1000 for value in latencies]
    lag_ms = [value * 1000 for value in lags]
    return {
        "mode": "rate",
        "offered_rate": rate,
        "seconds": seconds,
        "sent": sent,
        "sent_rate": sent / sent_in if sent_in else None,
        "answered": len(latencies) - censored,
        "answered_rate": (len(latencies) - censored) / elapsed,
        "saturated": saturated,
        "unanswered_at_stop": censored,
        "errors": errors,
        "statuses": statuses,
        "connections_opened": opened,
        "p50_ms": percentile(ms, 50),
        "p90_ms": percentile(ms, 90),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms, default=None),
        "send_lag_p99_ms": percentile(lag_ms, 99),
        "send_lag_max_ms": max(lag_ms, default=None),
    }


async def closed_loop(url: str, headers: list[str], connections: int, seconds: float) -> dict:
    host, port, request = build_request(url, headers)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    stop_at = 0.0

    async def worker() -> None:
        nonlocal errors
        connection = Connection(*await asyncio.open_connection(host, port))
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            try:
                status = await connection.exchange(request)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                connection = Connection(*await asyncio.open_connection(host, port))
                continue
            latencies.append(time.perf_counter() - began)
            statuses[status] = statuses.get(status, 0) + 1
        connection.writer.close()

    start = time.perf_counter()
    stop_at = start + seconds
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    ms = [value * 1000 for value in latencies]
    return {
        "mode": "max",
        "connections": connections,
        "seconds": elapsed,
        "answered": len(latencies),
        "requests_per_second": len(latencies) / elapsed,
        "errors": errors,
        "statuses": statuses,
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["rate", "max"])
    parser.add_argument("url")
    parser.add_argument("--rate", type=float, default=300)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument(
        "--max-behind",
        type=float,
        default=2,
        help="rate: stop when this many seconds of requests are unanswered",
    )
    args = parser.parse_args()
    try:
        from uvloop import run
    except ImportError:
        run = asyncio.run
    if args.mode == "rate":
        result = run(open_loop(args.url, args.header, args.rate, args.seconds, args.max_behind))
    else:
        result = run(closed_loop(args.url, args.header, args.connections, args.seconds))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
