"""Sign-in timing: does a wrong PIN on a real account take as long as an unknown account?

No account enumeration by timing (ASVS 6.3): both paths verify an Argon2id hash.
Runs in-process against a temporary SQLite database with the demo data, through the real
app over ASGI, and prints p50/p90/p99 per case. Usage: python bench/signin_timing.py [N]
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time

TMP = tempfile.mkdtemp(prefix="homeward-bench-")
os.environ["HOMEWARD_DATA_DIR"] = TMP
os.environ["HOMEWARD_DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
# High limits: this measures hashing, not throttling.
os.environ["HOMEWARD_LOGIN_MAX_FAILURES_PER_ACCOUNT"] = "1000000"
os.environ["HOMEWARD_LOGIN_MAX_FAILURES_PER_ADDRESS"] = "1000000"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def main(n: int) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    import httpx

    from backend import demo
    from backend.app import create_app
    from backend.migrate import migrate

    await migrate()
    await demo.load()
    transport = httpx.ASGITransport(app=create_app(), client=("192.0.2.1", 1))
    async with httpx.AsyncClient(transport=transport, base_url="https://bench.test") as client:
        cases = {
            "wrong PIN, real account": {"identifier": "jade", "secret": "999999"},
            "unknown account": {"identifier": "nobody-here", "secret": "999999"},
            "right PIN": {"identifier": "jade", "secret": "246810"},
        }
        samples: dict[str, list[float]] = {name: [] for name in cases}
        # Round-robin, so warm-up and background noise fall on every case alike.
        for _ in range(n):
            for name, body in cases.items():
                start = time.perf_counter()
                reply = await client.post("/api/auth/login", json=body)
                samples[name].append((time.perf_counter() - start) * 1000)
                assert reply.status_code in (200, 401), reply.text
        print(f"sign-in timing, {n} requests per case, interleaved (ms)")
        print(f"{'case':<26}{'p50':>8}{'p90':>8}{'p99':>8}{'mean':>8}")
        for name, values in samples.items():
            print(
                f"{name:<26}{pct(values, 50):>8.1f}{pct(values, 90):>8.1f}"
                f"{pct(values, 99):>8.1f}{statistics.mean(values):>8.1f}"
            )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
