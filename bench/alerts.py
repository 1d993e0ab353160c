"""Alert delivery under load: tap to push service, p50/p99, lost and duplicated.

Starts the real app (uvicorn, one process, its in-process worker) on a fresh database and
the push service stand-in (web-push-testing, which checks VAPID and decrypts), makes
young people whose trusted contact has a real subscription, then sends alerts at a fixed
rate through HTTP, each tap from a young person with no alert on (a tap while one is on
sends that alert again rather than a new one). Latency is from the moment the alert
request is sent to the moment the push service accepted the encrypted message (the
delivery's sent_at, written when the push service answered 201). Lost: alerts whose
delivery was never accepted. Duplicated: messages the push service delivered beyond one
per alert.

Usage: python bench/alerts.py [--rate 50] [--seconds 60] [--database sqlite|postgres]
Needs `npm ci --prefix tests/pushservice` (scripts/test.sh does it).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="homeward-bench-alerts-"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PG_NAME = f"homeward_bench_{os.getpid()}"


def psql(statement: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", statement],
                   check=True)


def configure(database: str) -> str:
    os.environ["HOMEWARD_DATA_DIR"] = str(TMP)
    os.environ["HOMEWARD_BASE_URL"] = "https://bench.test"
    if database == "postgres":
        psql(f"CREATE DATABASE {PG_NAME}")
        url = f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}"
    else:
        url = f"sqlite:///{TMP / 'bench.sqlite3'}"
    os.environ["HOMEWARD_DATABASE_URL"] = url
    return url


async def setup(people: int, push) -> list[dict]:
    """Young people, each with one active trusted contact subscribed at the stand-in."""
    import json

    from backend.accounts import services as accounts
    from backend.accounts.tables import Council, Session, User
    from backend.clock import now
    from backend.contacts.tables import TrustedContact
    from backend.migrate import migrate
    from backend.push import api as push
    from backend.security import encrypt, hash_secret
    from backend.vapid import make_keys
    from backend.young_people.tables import YoungPerson

    await migrate()
    public_key = make_keys(Path(os.environ["HOMEWARD_DATA_DIR"]) / "vapid_private.pem", force=True)
    at = now()
    council = Council(name="Bench Council", created_at=at)
    await Council.insert(council)
    secret_hash = await hash_secret("bench-pin-2468")
    young = []
    for index in range(people):
        user = User(role="young_person", display_name=f"YP{index}", username=f"yp{index}",
                    secret_hash=secret_hash, council=council.id, created_at=at)
        await User.insert(user)
        record = YoungPerson(council=council.id, preferred_name=f"YP{index}", user=user.id,
                             date_of_birth=dt.date(2011, 1, 1), created_at=at)
        await YoungPerson.insert(record)
        contact = TrustedContact(young_person=record.id, state="active", created_by=user.id,
                                 created_at=at, details=encrypt(json.dumps(
                                     {"name": f"Contact {index}", "email": "", "phone": ""})))
        await TrustedContact.insert(contact)
        subscription = push.subscribe(public_key)
        await push.store(subscription, at, contact_id=contact.id)
        token = await accounts._open_session(
            await User.select().where(User.id == user.id).first(), "bench", at)
        session = await Session.select(Session.csrf_token).where(Session.user == user.id).first()
        young.append({"token": token, "csrf": session["csrf_token"], "endpoint": subscription["endpoint"],
                      "young_person": record.id})
    return young


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


async def load(base: str, young: list[dict], rate: float, seconds: float) -> dict[str, float]:
    """Send alerts at `rate` per second; returns idempotency key -> wall-clock send time."""
    import httpx

    sent: dict[str, float] = {}
    answered: list[float] = []
    failures = 0
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def one(person: dict) -> None:
            nonlocal failures
            key = uuid.uuid4().hex
            sent[key] = time.time()
            try:
                reply = await client.post(
                    "/api/alerts", json={"idempotency_key": key},
                    headers={"Cookie": f"homeward_session={person['token']}", "X-CSRF-Token": person["csrf"]})
            except httpx.HTTPError:
                failures += 1  # counted as refused; if the server kept it, it shows as "stored"
                return
            answered.append((time.time() - sent[key]) * 1000)
            if reply.status_code != 201:
                failures += 1
                sent.pop(key, None)

        tasks = []
        start = time.monotonic()
        total = int(rate * seconds)
        for index in range(total):
            delay = start + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(young[index % len(young)])))
        await asyncio.gather(*tasks)
    if failures:
        print(f"  {failures} alert requests were refused")
    print(f"alert request answered (ms): p50 {pct(answered, 50):.1f}  p99 {pct(answered, 99):.1f}")
    return sent


async def measure(sent: dict[str, float], young: list[dict], push, wait: float) -> None:
    from backend.alerts.tables import Alert, Delivery

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        pending = await Delivery.count().where(Delivery.state.is_in(["pending", "sending"]))
        if pending == 0:
            break
        await asyncio.sleep(0.5)
    rows = await Delivery.select(
        Delivery.sent_at, Delivery.state, Delivery.recipient.alert.idempotency_key
    )
    accepted: dict[str, float] = {}
    for row in rows:
        key = row["recipient.alert.idempotency_key"].split(":", 1)[1]  # stored as "<young person>:<key>"
        if row["state"] == "sent" and key in sent:
            accepted.setdefault(key, row["sent_at"].timestamp())
    latencies = [(accepted[key] - sent[key]) * 1000 for key in accepted]
    lost = len(sent) - len(accepted)
    alerts = await Alert.count()
    received = push.received()
    per_endpoint: dict[str, int] = {}
    expected = {}
    for person in young:
        expected[person["endpoint"]] = 0
    by_person = {p["young_person"]: p["endpoint"] for p in young}
    for row in await Alert.select(Alert.young_person):
        expected[by_person[row["young_person"]]] += 1
    duplicated = 0
    for endpoint, count in expected.items():
        delivered = received.get(endpoint, {}).get("delivered", 0)
        per_endpoint[endpoint] = delivered
        duplicated += max(0, delivered - count)
    print(f"alerts sent: {len(sent)}  stored: {alerts}  accepted by the push service: {len(accepted)}")
    print(f"tap -> push service accepted (ms): p50 {pct(latencies, 50):.1f}  p90 {pct(latencies, 90):.1f}"
          f"  p99 {pct(latencies, 99):.1f}  max {max(latencies, default=float('nan')):.1f}")
    print(f"lost: {lost}  duplicated: {duplicated}")


async def main(args) -> None:
    configure(args.database)
    from tests.support.pushservice import PushService

    with PushService() as push:
        young = await setup(args.people, push)
        port = free_port()
        env = {**os.environ, "HOMEWARD_PUSH_TIMEOUT_SECONDS": "10"}
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning", "--no-access-log"],
            env=env, cwd=ROOT)
        try:
            import httpx

            for _ in range(100):
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
            print(f"{args.rate:g} alerts/s for {args.seconds:g} s, {args.people} young people, "
                  f"{args.database}, one app process with its worker, 2-core machine")
            sent = await load(f"http://127.0.0.1:{port}", young, args.rate, args.seconds)
            await measure(sent, young, push, wait=30)
        finally:
            server.terminate()
            server.wait(timeout=30)
            if args.database == "postgres":
                psql(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--people", type=int, default=None,
                        help="young people (default: one per alert, so every tap starts an alert)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args()
    arguments.people = arguments.people or int(arguments.rate * arguments.seconds)
    asyncio.run(main(arguments))
